import Foundation
import GRDB

/// A store's open library and its part in it, behind a lock: a guest becomes the writer while
/// screens hold the store, so the pool, the device id and the journal change together, once.
final class StoreRole: @unchecked Sendable {
    private let lock = NSLock()
    private var _pool: DatabasePool
    private var _deviceID: String
    private var _writerLock: WriterLock?
    private var _isWriter: Bool
    private var _journal: GuestJournal?
    /// Bumped when this process changed what the library shows without a commit another
    /// connection would see (absorbed journals, wrote its own, became the writer).
    private var _generation = 0

    init(pool: DatabasePool, deviceID: String, writerLock: WriterLock?, isWriter: Bool) {
        _pool = pool
        _deviceID = deviceID
        _writerLock = writerLock
        _isWriter = isWriter
    }

    var pool: DatabasePool { lock.withLock { _pool } }
    var deviceID: String { lock.withLock { _deviceID } }
    var isWriter: Bool { lock.withLock { _isWriter } }
    var journal: GuestJournal? { lock.withLock { _journal } }
    var generation: Int { lock.withLock { _generation } }

    func bump() { lock.withLock { _generation += 1 } }

    func journalMakingIfNeeded(_ make: () throws -> GuestJournal) throws -> GuestJournal {
        try lock.withLock {
            if let journal = _journal { return journal }
            let journal = try make()
            _journal = journal
            return journal
        }
    }

    /// The guest takes over as writer: its journal is closed (and its lock let go) so the
    /// absorb that follows takes it in and deletes it like any other guest's.
    func becomeWriter(pool: DatabasePool, deviceID: String, lock writerLock: WriterLock) throws {
        let journal: GuestJournal? = lock.withLock {
            _pool = pool
            _deviceID = deviceID
            _writerLock = writerLock
            _isWriter = true
            _generation += 1
            defer { _journal = nil }
            return _journal
        }
        try journal?.close()
    }
}
