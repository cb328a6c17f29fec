import Foundation
#if canImport(Glibc)
    import Glibc
#endif

/// What the tests started and have not stopped yet: tmux servers by socket, background `muster`
/// processes by their `Process` (asked whether it still runs, so a pid reused since is never hit). Each owner stops its own when it goes (`deinit`), but an object still held
/// when the test process ends is never deinitialised, and its kiosk or `sync serve` would keep
/// running, and syncing, after the run (seen once: an interrupted run left both for an hour).
/// At exit the sweep stops whatever is left.
public enum ChildSweep {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var sockets: Set<String> = []
    nonisolated(unsafe) private static var processes: [ObjectIdentifier: Process] = [:]
    nonisolated(unsafe) private static var installed = false

    public static func add(socket: String) { change { sockets.insert(socket) } }
    public static func remove(socket: String) { change { sockets.remove(socket) } }
    public static func add(_ process: Process) { change { processes[ObjectIdentifier(process)] = process } }
    public static func remove(_ process: Process) { change { processes[ObjectIdentifier(process)] = nil } }

    private static func change(_ body: () -> Void) {
        lock.withLock {
            body()
            if !installed {
                installed = true
                atexit { ChildSweep.sweep() }
            }
        }
    }

    /// Whether the sweep would stop this tmux server, or the background process with this pid.
    public static func tracks(socket: String) -> Bool { lock.withLock { sockets.contains(socket) } }
    public static func tracks(pid: Int32) -> Bool { lock.withLock { processes.values.contains { $0.processIdentifier == pid } } }

    /// Kills what is left: each process still running with SIGKILL, each tmux server with `kill-server`.
    static func sweep() {
        let (left, servers) = lock.withLock { (Array(processes.values), sockets) }
        stop(left, servers)
    }

    /// Stops these: what `sweep` does at exit, and what a test of it does to its own children
    /// alone (a sweep of everything would stop the tests running beside it).
    public static func stop(_ left: [Process], _ servers: Set<String>) {
        for process in left where process.isRunning { kill(process.processIdentifier, SIGKILL) }
        for socket in servers {
            _ = try? Tmux.run(
                socket: socket, ["kill-server"], output: NSTemporaryDirectory() + "/tmux-sweep-\(getpid())-\(UUID().uuidString.prefix(8))")
        }
    }
}
