import Foundation
#if canImport(Glibc)
    import Glibc
#endif

/// A private tmux server for end-to-end tests of the real binary in a real terminal.
///
/// tmux is spawned with `posix_spawnp` and `waitpid`, output going to a file: the server it forks
/// keeps inherited pipes open, so `Process.waitUntilExit()` on a pipe would hang. The signal mask
/// and dispositions are reset for the child, or the server ignores `kill-server` and leaks.
/// Screens are read by polling `capture-pane` every 20 ms until the text appears, never by sleeping.
public final class Tmux: @unchecked Sendable {
    public let socket: String
    let dir: TemporaryDirectory
    public let session = "t"

    public init() {
        dir = TemporaryDirectory("tmux")
        socket = dir.file("tmux.sock")
        ChildSweep.add(socket: socket)
    }

    deinit {
        _ = try? run(["kill-server"])
        ChildSweep.remove(socket: socket)
    }

    /// tmux is installed. `MUSTER_TEST_HIDE_TMUX=1` pretends it is not, to try the gate below.
    public static var isAvailable: Bool {
        guard ProcessInfo.processInfo.environment["MUSTER_TEST_HIDE_TMUX"] != "1" else { return false }
        return ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].contains { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// `CI` is set and not empty: there the tmux suites must run, so a missing tmux is a failure.
    public static var isRequired: Bool { !(ProcessInfo.processInfo.environment["CI"] ?? "").isEmpty }

    /// Starts `command` (run by /bin/sh) in a new detached session of the given size.
    public func start(_ command: String, width: Int = 80, height: Int = 24, environment: [String: String]) throws {
        var args = ["new-session", "-d", "-s", session, "-x", String(width), "-y", String(height)]
        for (key, value) in environment.sorted(by: { $0.key < $1.key }) { args += ["-e", "\(key)=\(value)"] }
        args.append(command)
        let r = try run(args)
        guard r.status == 0 else { throw TmuxError.failed("new-session: \(r.output)") }
        _ = try run(["set-option", "-t", session, "remain-on-exit", "on"])
    }

    /// Types keys, in tmux's names ("Enter", "Escape", "C-c") or literal text with `literal`.
    public func send(_ keys: String..., literal: Bool = false) throws {
        _ = try run(["send-keys", "-t", session] + (literal ? ["-l"] : []) + keys)
    }

    public func resize(width: Int, height: Int) throws {
        _ = try run(["resize-window", "-t", session, "-x", String(width), "-y", String(height)])
    }

    public func capture() throws -> String { try run(["capture-pane", "-p", "-t", session]).output }

    /// A tmux format for the pane (`#{alternate_on}`, `#{pane_dead}`, `#{pane_dead_status}`, `#{pane_pid}`).
    public func format(_ format: String) throws -> String {
        try run(["display-message", "-p", "-t", session, format]).output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Polls the screen until `predicate` holds; throws with the last screen after `timeout`.
    /// The default is a ceiling for a loaded 2-core CI machine, never a speed target: a wait
    /// that asserts responsiveness passes its own (`timeout: 1`), and a pass costs only its wait.
    @discardableResult
    public func waitFor(_ what: String, timeout: Double = 30, _ predicate: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = ""
        while Date() < deadline {
            screen = try capture()
            if predicate(screen) { return screen }
            usleep(20_000)
        }
        throw TmuxError.timeout("waiting for \(what); screen was:\n\(screen)")
    }

    @discardableResult
    public func waitFor(text: String, timeout: Double = 30) throws -> String {
        try waitFor("“\(text)”", timeout: timeout) { $0.contains(text) }
    }

    /// Waits until the pane's program has exited and returns its exit status.
    public func waitForExit(timeout: Double = 30) throws -> Int {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if try format("#{pane_dead}") == "1" { return Int(try format("#{pane_dead_status}")) ?? -1 }
            usleep(20_000)
        }
        throw TmuxError.timeout("waiting for the program to exit; screen was:\n\(try capture())")
    }

    public func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        try Self.run(socket: socket, arguments, output: dir.file("out-\(UUID().uuidString.prefix(8))"))
    }

    /// One tmux command on the server at `socket`, its output through the file `output`.
    static func run(socket: String, _ arguments: [String], output outPath: String) throws -> (status: Int32, output: String) {
        defer { unlink(outPath) }
        let argv = ["tmux", "-S", socket, "-f", "/dev/null"] + arguments
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let cArgs = argv.map { strdup($0) } + [nil]
        defer { cArgs.forEach { free($0) } }
        let spawned = posix_spawnp(&pid, "tmux", &actions, &attributes, cArgs, environ)
        guard spawned == 0 else { throw TmuxError.failed("cannot run tmux: \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let output = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        let exited = (status & 0x7f) == 0
        return (exited ? (status >> 8) & 0xff : -1, output)
    }
}

public enum TmuxError: Error, CustomStringConvertible {
    case failed(String)
    case timeout(String)
    public var description: String {
        switch self {
        case .failed(let m), .timeout(let m): m
        }
    }
}
