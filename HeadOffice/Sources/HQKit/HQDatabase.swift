import Foundation

/// One connection to the head office's PostgreSQL, with errors turned into `HQError` lines.
///
/// libpq is synchronous: each connection has a serial queue of its own on which every call
/// runs, and the async methods wait for it. A statement that waits on the server (a lock held
/// by another ingest) so never holds one of the cooperative pool's threads, which on a 2-core
/// machine are two.
public final class HQDatabase: @unchecked Sendable {
    public let url: HQURL
    private let connection: PGConnection
    private let queue: DispatchQueue

    private init(url: HQURL, connection: PGConnection, queue: DispatchQueue) {
        self.url = url; self.connection = connection; self.queue = queue
    }

    /// Connects, or throws one line: refused, unreachable, no answer within `connectTimeout`
    /// seconds, bad password, no such database.
    public static func connect(_ url: HQURL, connectTimeout: Int = 10, statementTimeout: Int? = nil) async throws -> HQDatabase {
        let queue = DispatchQueue(label: "muster-hq.connection")
        let parameters = url.parameters(connectTimeout: connectTimeout)
        let connection: PGConnection
        do {
            connection = try await onQueue(queue) { Unchecked(try PGConnection.open(parameters)) }.value
        } catch let PGFailure.connect(message) where message.contains("timeout expired") {
            throw HQError("\(url.shown): no answer within \(connectTimeout) s (is the server up, and is the host and port right?)")
        } catch {
            throw HQError.from(error, server: url.shown)
        }
        let db = HQDatabase(url: url, connection: connection, queue: queue)
        if let statementTimeout {
            try await db.execute("SET statement_timeout = \(statementTimeout * 1000)")
        }
        return db
    }

    /// Closes the connection (after any statement still running on it).
    public func close() async {
        _ = try? await run { $0.close() }
    }

    var isOpen: Bool { get async { (try? await run { $0.isOpen }) ?? false } }

    /// Runs one statement without values, or a script of several.
    func execute(_ sql: String) async throws {
        try await run { try $0.execute(sql) }
    }

    /// Runs one statement for its effect.
    func query(_ query: PGQuery) async throws {
        _ = try await rows(query)
    }

    /// Rows as arrays of optional text: every value the head office reads back it reads as text
    /// (`::text` in the SQL), which keeps decoding in one place.
    func rows(_ query: PGQuery) async throws -> [[String?]] {
        try await run { try $0.rows(query) }
    }

    /// The rows of a result of any size, one at a time, on the connection's queue: `body` must
    /// not wait on anything async.
    func forEachRow(_ query: PGQuery, _ body: ([String?]) throws -> Void) async throws {
        try await run { try $0.forEachRow(query, body) }
    }

    /// The first column of the first row as a number (a count), 0 when there is none.
    func int(_ query: PGQuery) async throws -> Int {
        let rows = try await rows(query)
        guard let first = rows.first, let cell = first.first, let text = cell else { return 0 }
        return Int(text) ?? 0
    }

    /// One transaction: committed when `body` returns, rolled back when it throws (or the
    /// connection drops, which PostgreSQL rolls back by itself).
    func transaction<T: Sendable>(_ body: (HQDatabase) async throws -> T) async throws -> T {
        try await execute("BEGIN")
        do {
            let value = try await body(self)
            try await execute("COMMIT")
            return value
        } catch {
            // PostgreSQL rolls back by itself when the connection is gone; ask only while it is up.
            if await isOpen { try? await execute("ROLLBACK") }
            throw error
        }
    }

    /// `COPY table (columns) FROM STDIN`, its text-format data written by `body` on the
    /// connection's queue through the function it is given.
    func copy(into table: String, columns: [String], _ body: (_ put: ([UInt8]) throws -> Void) throws -> Void) async throws {
        let sql = "COPY \(table) (\(columns.joined(separator: ", "))) FROM STDIN"
        try await run { try $0.copyIn(sql, body) }
    }

    /// `body` on the connection's queue, its failures as `HQError` lines naming the server.
    private func run<T: Sendable>(_ body: (PGConnection) throws -> T) async throws -> T {
        let connection = Unchecked(connection)
        do {
            return try await Self.onQueue(queue) { try body(connection.value) }
        } catch {
            throw HQError.from(error, server: url.shown)
        }
    }

    /// Runs `body` on `queue` and waits for it. `body` does not escape: the caller is suspended
    /// until it has run, and the queue lets go of it before the caller goes on (which
    /// `withoutActuallyEscaping` checks), so what it captures is never used from two threads.
    private static func onQueue<T: Sendable>(_ queue: DispatchQueue, _ body: () throws -> T) async throws -> T {
        try await withoutActuallyEscaping(body) { escapable in
            let slot = Slot(escapable)
            return try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
                queue.async {
                    let result = Result { try slot.work!() }
                    slot.work = nil
                    continuation.resume(with: result)
                }
            }
        }
    }
}

/// The work handed to the connection's queue, emptied once it has run.
private final class Slot<T>: @unchecked Sendable {
    var work: (() throws -> T)?
    init(_ work: @escaping () throws -> T) { self.work = work }
}

/// A value handed to the connection's queue while its owner waits: never shared, only moved.
private struct Unchecked<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
