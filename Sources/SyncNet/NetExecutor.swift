import Dispatch

/// Where SyncNet's own async work runs: a serial dispatch queue, not Swift's cooperative pool.
/// FlyingFox is async throughout, and the pool has as many threads as the machine has cores
/// (two on an old laptop): anything in the process that blocks them stalls sockets. The server's
/// accept loop and connections and the courier's requests start here and their structured
/// children follow; FlyingFox's own unstructured tasks (its shared client socket pool, its
/// timeouts) still go to the pool, which is why tests that hold pool threads with synchronous
/// SQLite work run apart from the network tests (`scripts/test`). Muster's commands and screens
/// never block the pool, so in use nothing competes.
final class NetExecutor: TaskExecutor, @unchecked Sendable {
    static let shared = NetExecutor()
    private let queue = DispatchQueue(label: "muster.sync-net")

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }
}
