import Foundation

/// Opening a file Muster was told to read: a roster, a course file, a sync bundle.
///
/// Only a regular file is read. A FIFO opened the ordinary way blocks until some writer comes
/// (`muster import roster X /tmp/fifo` hung for good), and a device or a socket never ends, so
/// the file is opened without blocking (`O_NONBLOCK`, which changes nothing for a regular file's
/// reads) and looked at through the open descriptor, which also leaves no window for a swap
/// between a check and the open.
public enum InputFile {
    /// An open descriptor of the regular file at `path`; the caller closes it. `name` is how
    /// messages call the file (a sanitised path).
    public static func openRegular(_ path: String, name: String? = nil) throws -> Int32 {
        let shown = name ?? path
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw MusterError.unreadable(path: shown, reason: openFailure(errno)) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw MusterError.unreadable(path: shown, reason: reason)
        }
        let kind = info.st_mode & S_IFMT
        guard kind == S_IFREG else {
            close(fd)
            throw MusterError.unreadable(path: shown, reason: notRegular(kind))
        }
        return fd
    }

    /// Why a file could not be opened, in the words the readers have always used.
    static func openFailure(_ code: Int32) -> String {
        switch code {
        case ENOENT: "no such file"
        case EACCES: "permission denied"
        default: String(cString: strerror(code))
        }
    }

    /// Why a file of this type is not read, in the reader's words.
    static func notRegular(_ kind: mode_t) -> String {
        switch kind {
        case S_IFDIR: "it is a folder"
        case S_IFIFO: "it is a pipe (FIFO), not a file; save what it carries to a file and give that"
        case S_IFCHR, S_IFBLK: "it is a device, not a file"
        case S_IFSOCK: "it is a socket, not a file"
        default: "not a regular file"
        }
    }

    /// The whole regular file at `path`, refused past `limit` bytes (checked before and while
    /// reading, since a file may grow).
    public static func readAll(_ path: String, limit: Int, tooLarge: @autoclosure () -> Error) throws -> Data {
        let fd = try openRegular(path)
        defer { close(fd) }
        var info = stat()
        if fstat(fd, &info) == 0, Int(info.st_size) > limit { throw tooLarge() }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw MusterError.unreadable(path: path, reason: String(cString: strerror(errno)))
            }
            if n == 0 { return data }
            data.append(contentsOf: buffer[0..<n])
            if data.count > limit { throw tooLarge() }
        }
    }
}
