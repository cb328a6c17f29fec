import Foundation
import GRDB

/// `MUSTER_TRACE_SQL=FILE`: every statement that ran for 0.5 ms or more, with its time, appended
/// to FILE. A tool for finding which query a slow key waits on (`scripts/bench` names the key,
/// this names the statement); off unless the variable is set, and then only a developer's.
///
/// SQLite times statements with its VFS clock, which on Linux counts whole milliseconds here,
/// so a line says "2.00 ms" for anything from 1.5 to 2.5: good for ranking, not for figures.
enum SQLTrace {
    static func install(in config: inout Configuration) {
        guard let path = ProcessInfo.processInfo.environment["MUSTER_TRACE_SQL"], !path.isEmpty else { return }
        config.prepareDatabase { db in
            db.trace(options: .profile) { event in
                guard case .profile(let statement, let duration) = event, duration >= 0.0005 else { return }
                let line = String(format: "%.2f ms  ", duration * 1000) + statement.sql.replacingOccurrences(of: "\n", with: " ") + "\n"
                guard let handle = FileHandle(forWritingAtPath: path) ?? Self.created(path) else { return }
                handle.seekToEndOfFile()
                handle.write(Data(line.utf8))
                try? handle.close()
            }
        }
    }

    private static func created(_ path: String) -> FileHandle? {
        FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
        return FileHandle(forWritingAtPath: path)
    }
}
