import Foundation

/// How a piece of async work ended when a plain thread waited for it.
enum BlockingOutcome<T: Sendable>: Sendable {
    case value(T)
    case failed(any Error)
    case timedOut
}

/// Runs async work (FlyingFox is async throughout) for a caller that is a plain blocking thread:
/// the CLI's exchange loop, the serial handler queue's clients. The caller waits on a semaphore
/// while the work runs on the cooperative pool; after `timeout` the work is cancelled (which
/// closes its sockets) and the caller is told, so no wait is unbounded.
///
/// Safe because the waiting thread is not one the work needs. Call it from a thread or a
/// DispatchQueue, never from async code: a blocked thread of the cooperative pool is one fewer
/// for the work itself, and with every one of them blocked nothing would ever run.
func runBlocking<T: Sendable>(timeout: TimeInterval, _ work: @escaping @Sendable () async throws -> T) -> BlockingOutcome<T> {
    let box = OutcomeBox<T>()
    let done = DispatchSemaphore(value: 0)
    let task = Task {
        do {
            box.set(.value(try await work()))
        } catch {
            box.set(.failed(error))
        }
        done.signal()
    }
    if done.wait(timeout: .now() + timeout) == .timedOut {
        task.cancel()
        // The work finishing in the same instant wins: its result is real.
        return box.get() ?? .timedOut
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
