import Foundation

/// An exclusive, non-blocking `flock` on a file beside the library: whoever holds
/// `<library>.writer` is the library's only writing process (see docs/SYNC.md §6).
///
/// SQLite 3.7.0–3.51.2 can corrupt a WAL file or lose commits when two processes write and
/// checkpoint it at the same instant; one writer per file closes that race. `flock` is
/// released by the kernel when the process dies, however it dies, so a crashed writer never
/// leaves the library locked. It belongs to the open file description: a second `WriterLock`
/// in the same process does not get it either (a second store in one process is a guest).
///
/// The same lock guards a guest's journal (`<journal>.lock`): held while the guest lives, so
/// the writer deletes a journal only once its guest is gone.
/// The process that holds a library's writer lock, as its lock file names it.
public struct LibraryWriter: Equatable, Sendable {
    public var pid: Int32
    /// "muster tui", "muster kiosk", …
    public var command: String
}

final class WriterLock: @unchecked Sendable {
    let path: String
    private var fd: Int32

    private init(path: String, fd: Int32) {
        self.path = path
        self.fd = fd
    }

    deinit { release() }

    /// Takes the lock at `path` (created 0600) and writes this process's pid and command into
    /// it, or returns nil when another open of it holds the lock.
    static func tryAcquire(path: String, command: String = WriterLock.currentCommand()) throws -> WriterLock? {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw MusterError.unreadable(path: path, reason: String(cString: strerror(errno))) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            return nil
        }
        let lock = WriterLock(path: path, fd: fd)
        let text = "\(getpid())\n\(command)\n"
        _ = ftruncate(fd, 0)
        _ = text.withCString { pwrite(fd, $0, strlen($0), 0) }
        return lock
    }

    /// Whether some process holds the lock at `path` now (false when there is no such file).
    static func isHeld(path: String) -> Bool {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        if flock(fd, LOCK_EX | LOCK_NB) == 0 {
            flock(fd, LOCK_UN)
            return false
        }
        return true
    }

    /// The holder named in the lock file, when one holds it now.
    static func holder(path: String) -> LibraryWriter? {
        guard isHeld(path: path), let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, let pid = Int32(first) else { return nil }
        let command = lines.count > 1 ? String(lines[1]) : ""
        return LibraryWriter(pid: pid, command: command.isEmpty ? "another Muster process" : command)
    }

    /// Lets go of the lock (also on deinit). The file stays: deleting it would race with a
    /// process that opened it a moment ago and is about to lock it.
    func release() {
        guard fd >= 0 else { return }
        flock(fd, LOCK_UN)
        close(fd)
        fd = -1
    }

    /// "muster tui", "muster kiosk", "muster mark": the binary's name and its subcommand, as a
    /// person would recognise it in `ps` or on another terminal.
    static func currentCommand(arguments: [String] = CommandLine.arguments) -> String {
        let binary = arguments.first.map { ($0 as NSString).lastPathComponent } ?? "muster"
        guard arguments.count > 1, !arguments[1].hasPrefix("-") else { return binary }
        return "\(binary) \(arguments[1])"
    }
}
