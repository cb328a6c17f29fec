import Foundation

/// An open file, closed when the value goes away; reads and writes in large pieces and turns
/// `errno` into messages a user can act on. POSIX calls rather than `FileHandle`, because a full
/// disk must say "the disk is full" and `FileHandle` hides the errno behind a Cocoa error.
final class BundleFileDescriptor {
    let fd: Int32
    /// The path as the user gave it, cleaned, for messages.
    let name: String

    init(fd: Int32, name: String) {
        self.fd = fd
        self.name = name
    }

    deinit { if fd >= 0 { close(fd) } }

    /// Opens an existing regular file for reading.
    static func openForReading(_ path: String) throws -> BundleFileDescriptor {
        let name = BundleRefusal.displayName(path)
        guard FileManager.default.fileExists(atPath: path) else { throw BundleRefusal.missing.error(name) }
        return BundleFileDescriptor(fd: try InputFile.openRegular(path, name: name), name: name)
    }

    /// Up to `count` bytes from the current offset; empty at the end of the file.
    func read(upTo count: Int) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let n = bytes.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress! + filled, count - filled) }
            if n < 0 {
                if errno == EINTR { continue }
                throw MusterError.unreadable(path: name, reason: String(cString: strerror(errno)))
            }
            if n == 0 { break }
            filled += n
        }
        bytes.removeSubrange(filled...)
        return bytes
    }

    func seek(to offset: Int) throws {
        guard lseek(fd, off_t(offset), SEEK_SET) == off_t(offset) else {
            throw MusterError.unreadable(path: name, reason: String(cString: strerror(errno)))
        }
    }

    func write(_ data: Data) throws {
        try data.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                let n = Foundation.write(fd, raw.baseAddress! + done, raw.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw Self.writeError(errno, name)
                }
                done += n
            }
        }
    }

    func sync() throws {
        guard fsync(fd) == 0 else { throw Self.writeError(errno, name) }
    }

    static func writeError(_ code: Int32, _ name: String) -> MusterError {
        switch code {
        case ENOSPC, EDQUOT: .diskFull(path: name)
        case EROFS: .readOnly(path: name)
        default: .invalid("cannot write \(name): \(String(cString: strerror(code)))")
        }
    }
}

/// A file that appears at its path complete or not at all: written as a 0600 temp file beside
/// the destination (created with that mode, so no other user can open it even while it is being
/// written), synced, then renamed over the destination.
final class PrivateFileWriter {
    let path: String
    let tempPath: String
    let file: BundleFileDescriptor
    private var done = false

    init(path: String) throws {
        self.path = path
        let name = BundleRefusal.displayName(path)
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        tempPath = "\(directory)/.\(url.lastPathComponent).\(UUID().uuidString.prefix(8).lowercased()).part"
        let fd = open(tempPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            let code = errno
            if code == ENOENT { throw MusterError.invalid("cannot write \(name): its folder does not exist") }
            throw BundleFileDescriptor.writeError(code, name)
        }
        file = BundleFileDescriptor(fd: fd, name: name)
    }

    /// Removes the temp file unless `commit` ran: an error anywhere leaves nothing behind.
    deinit { if !done { unlink(tempPath) } }

    /// Syncs the data, renames the file into place and syncs the folder, so the rename survives a crash.
    func commit() throws {
        try file.sync()
        guard rename(tempPath, path) == 0 else {
            throw BundleFileDescriptor.writeError(errno, file.name)
        }
        done = true
        let folder = (path as NSString).deletingLastPathComponent
        let directory = open(folder.isEmpty ? "." : folder, O_RDONLY | O_CLOEXEC)
        if directory >= 0 {
            _ = fsync(directory)
            close(directory)
        }
    }
}

/// Where the reader's bytes come from: the file itself, or the file decrypted chunk by chunk.
protocol BundleByteSource {
    /// The next piece of the bundle's plaintext; nil at its end.
    mutating func next() throws -> [UInt8]?
}

/// A plain bundle's bytes, 1 MiB at a time.
struct PlainByteSource: BundleByteSource {
    let file: BundleFileDescriptor

    mutating func next() throws -> [UInt8]? {
        let bytes = try file.read(upTo: BundleFile.chunkSize)
        return bytes.isEmpty ? nil : bytes
    }
}

/// Splits a byte source into lines without holding more than one line and one read at a time.
struct BundleLineReader<Source: BundleByteSource> {
    /// A line longer than this is refused, so a damaged file cannot make the reader hold all of it.
    static var maximumLineBytes: Int { 64 << 20 }

    var source: Source
    private var buffer: [UInt8] = []
    private var start = 0
    private var scanned = 0
    private var atEnd = false
    /// 1-based number of the line `next` returned last.
    private(set) var lineNumber = 0

    init(_ source: Source) { self.source = source }

    /// The next line without its newline, and whether it had one (only a truncated last line lacks it).
    mutating func next() throws -> (line: Data, terminated: Bool)? {
        while true {
            let newline = buffer.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Int? in
                guard scanned < raw.count else { return nil }
                guard let hit = memchr(raw.baseAddress! + scanned, 0x0A, raw.count - scanned) else { return nil }
                return UnsafeRawPointer(hit) - raw.baseAddress!
            }
            if let newline {
                let line = Data(buffer[start..<newline])
                start = newline + 1
                scanned = start
                lineNumber += 1
                return (line, true)
            }
            scanned = buffer.count
            if atEnd {
                guard start < buffer.count else { return nil }
                let line = Data(buffer[start...])
                start = buffer.count
                lineNumber += 1
                return (line, false)
            }
            if buffer.count - start > Self.maximumLineBytes { throw LineTooLong(line: lineNumber + 1) }
            if start > 0 {
                buffer.removeSubrange(0..<start)
                scanned -= start
                start = 0
            }
            if let more = try source.next() { buffer.append(contentsOf: more) } else { atEnd = true }
        }
    }

    struct LineTooLong: Error { let line: Int }
}
