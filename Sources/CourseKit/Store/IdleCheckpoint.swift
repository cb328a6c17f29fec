import Foundation

/// When the writer's connection is idle enough to checkpoint: it has committed since the last
/// checkpoint, and nothing since it was last asked. Counts are the connection's
/// `totalChangesCount`, which only its own writes move.
final class IdleCheckpoint: @unchecked Sendable {
    private let lock = NSLock()
    private var seen = 0
    private var checkpointed = 0

    /// True when the count stands still since the last call and moved since the last checkpoint
    /// (then that checkpoint is taken as done).
    func shouldCheckpoint(changes: Int) -> Bool {
        lock.withLock {
            defer { seen = changes }
            guard changes == seen, changes != checkpointed else { return false }
            checkpointed = changes
            return true
        }
    }
}
