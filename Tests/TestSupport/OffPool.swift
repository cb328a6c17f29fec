import Foundation

/// Runs blocking work (live sync's courier and server start/stop, which wait on a semaphore
/// while their networking runs on the cooperative pool) on a thread of its own, as the CLI does.
/// Blocking a thread of the pool instead can starve it on a 2-core machine: the test hangs.
public func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try work() }) }.start()
    }
}

public func offPool<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        Thread { continuation.resume(returning: work()) }.start()
    }
}
