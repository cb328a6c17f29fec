import Foundation

/// How a piece of async work ended when a plain thread waited for it.
enum BlockingOutcome<T: Sendable>: Sendable {
    case value(T)
    case failed(any Error)
    case timedOut
}

/// Runs async work (FlyingFox is async throughout) for a caller that is a plain blocking thread:
/// the CLI's exchange loop, the serial handler queue's clients. The caller waits on a semaphore
/// while the work runs on SyncNet's own executor (`NetExecutor`); after `timeout` the work is cancelled (which
/// closes its sockets) and the caller is told, so no wait is unbounded.
///
/// Safe because the waiting thread is not one the work needs: the work runs on `NetExecutor`'s
/// queue, so even a caller on the cooperative pool cannot starve it (it only blocks itself).
func runBlocking<T: Sendable>(timeout: TimeInterval, _ work: @escaping @Sendable () async throws -> T) -> BlockingOutcome<T> {
    let box = OutcomeBox<T>()
    let done = DispatchSemaphore(value: 0)
    let task = Task(executorPreference: NetExecutor.shared) {
        do {
            box.set(.value(try await work()))
        } catch {
            box.set(.failed(error))
        }
        done.signal()
    }
    if done.wait(timeout: .now() + timeout) == .timedOut {
        // Read before cancelling: work that finished in the same instant wins, its result is
        // real. Whatever the task records after the cancel is the cancel's doing (a
        // CancellationError read here was once reported as the peer's garbled answer).
        let finished = box.get()
        task.cancel()
        return finished ?? .timedOut
    }
    return box.get() ?? .timedOut
}

/// The one place the result crosses from the task to the waiting thread.
private final class OutcomeBox<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var outcome: BlockingOutcome<T>?

    func set(_ value: BlockingOutcome<T>) { lock.withLock { outcome = value } }
    func get() -> BlockingOutcome<T>? { lock.withLock { outcome } }
}
