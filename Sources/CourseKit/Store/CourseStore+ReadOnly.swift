import Foundation
import GRDB

/// Opening a library that this process cannot write: a read-only folder or file, a full disk
/// (issue 21, item 9). Reads still work; every write says why it cannot be saved.
extension CourseStore {
    /// A lock file that could not be made says only "Permission denied": the reason a write is
    /// refused is the library's.
    static func asReadOnly(_ error: MusterError, path: String) -> MusterError {
        if case .diskFull = error { return error }
        return .readOnly(path: path)
    }

    /// Errors that mean "cannot write here", not "cannot read".
    static func cannotWrite(_ error: MusterError) -> Bool {
        switch error {
        case .readOnly, .diskFull: true
        case .unreadable(_, let reason): reason.contains("unable to open") || reason.contains("ermission") || reason.contains("Read-only")
        default: false
        }
    }

    /// Opens the library for reading only. Where SQLite can open the shared-memory file (a full
    /// disk, a file without write permission) a plain read-only connection reads the library and
    /// its WAL. In a read-only folder without one it cannot, unless told the file will not change
    /// (`immutable=1`); that reads the main file only, so a WAL still holding changes is refused
    /// rather than read as a damaged library.
    static func openReadOnly(path: String, configuration: Configuration) throws -> DatabasePool {
        var config = configuration
        config.readonly = true
        func opened(_ location: String) throws -> DatabasePool {
            let pool = try DatabasePool(path: location, configuration: config)
            guard try pool.read({ db in try Schema.migrator.hasCompletedMigrations(db) }) else {
                throw MusterError.invalid(
                    "\(path) was made by an older Muster and cannot be upgraded where it is (read-only or full); copy it somewhere writable"
                )
            }
            return pool
        }
        do {
            return try opened(path)
        } catch is DatabaseError {
            let wal = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
            guard wal == 0 else {
                throw MusterError.unreadable(
                    path: path,
                    reason: "it cannot be written here, and its latest changes are in \(path)-wal, which SQLite cannot read without"
                        + " writing; copy the library with its -wal file somewhere writable and open it there")
            }
            let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
            let encoded = absolute.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? absolute
            do {
                return try opened("file:\(encoded)?immutable=1")
            } catch let error as DatabaseError {
                throw MusterError(error, path: path)
            }
        }
    }
}

extension MusterError {
    /// Maps SQLite's codes to messages a user can act on.
    init(_ error: DatabaseError, path: String) {
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: self = .databaseLocked(path: path)
        case .SQLITE_FULL: self = .diskFull(path: path)
        // A full disk often surfaces as an I/O error (the WAL or its index could not grow).
        case .SQLITE_IOERR where MusterError.diskIsFull(holding: path): self = .diskFull(path: path)
        case .SQLITE_READONLY: self = .readOnly(path: path)
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_NOTADB, .SQLITE_CORRUPT:
            self = .unreadable(path: path, reason: error.message ?? "\(error.resultCode)")
        default:
            self = .database(error.message ?? "\(error)")
        }
    }

    /// True when the file system holding `path` has no block left for an ordinary user.
    static func diskIsFull(holding path: String) -> Bool {
        var info = statvfs()
        let folder = (path as NSString).deletingLastPathComponent
        return statvfs(folder.isEmpty ? "." : folder, &info) == 0 && info.f_bavail == 0
    }
}
