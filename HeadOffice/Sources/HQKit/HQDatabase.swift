import Foundation
import PostgresNIO

/// One connection to the head office's PostgreSQL, with errors turned into `HQError` lines.
public final class HQDatabase: @unchecked Sendable {
    public let url: HQURL
    let connection: PostgresConnection
    let logger: Logger

    /// The connection's tables live in this schema, so the head office can share a database.
    static let schema = "muster"

    private init(url: HQURL, connection: PostgresConnection, logger: Logger) {
        self.url = url; self.connection = connection; self.logger = logger
    }

    /// Connects, or throws one line: refused, unreachable, no answer within `connectTimeout`
    /// seconds, bad password, no such database.
    public static func connect(_ url: HQURL, connectTimeout: Int = 10, statementTimeout: Int? = nil) async throws -> HQDatabase {
        var logger = Logger(label: "muster-hq")
        logger.logLevel = .critical
        do {
            let connection = try await PostgresConnection.connect(
                configuration: try url.configuration(connectTimeout: connectTimeout), id: 1, logger: logger)
            let db = HQDatabase(url: url, connection: connection, logger: logger)
            if let statementTimeout {
                try await db.execute("SET statement_timeout = \(statementTimeout * 1000)")
            }
            return db
        } catch let error as PSQLError where error.code != .server {
            // Before the server has said anything, a closed or silent socket means no answer.
            if error.code == .serverClosedConnection || error.code == .uncleanShutdown
                || (error.underlying as? ChannelError).map({ if case .connectTimeout = $0 { true } else { false } }) == true
            {
                throw HQError(
                    "\(url.shown): no answer within \(connectTimeout) s (is the server up, and is the host and port right?)")
            }
            throw HQError.from(error, server: url.shown)
        } catch {
            throw HQError.from(error, server: url.shown)
        }
    }

    /// Closes the connection, waiting at most two seconds: a connection the server already
    /// ended can leave PostgresNIO's close (or a ROLLBACK sent on it) waiting forever, and a
    /// command that failed must still exit with its one line.
    /// Calls `handler` if the connection ends other than by `close()` (the server ended it, the
    /// network dropped). A command uses it to exit with its line: a query in flight on such a
    /// connection was seen to wait for ever in PostgresNIO.
    public func onUnexpectedClose(_ handler: @escaping @Sendable () -> Void) {
        let closing = closing
        connection.closeFuture.whenComplete { _ in if !closing.claim() { return } else { handler() } }
    }
    private let closing = Once()

    public func close() async {
        _ = closing.claim()
        let connection = connection
        await Self.bounded(seconds: 2) { try? await connection.close() }
    }

    /// Runs `operation`, returning when it ends or after `seconds`, whichever is first; an
    /// operation still waiting then is left behind (the process is about to end or move on).
    static func bounded(seconds: Double, _ operation: @escaping @Sendable () async -> Void) async {
        let done = Once()
        await withCheckedContinuation { (resume: CheckedContinuation<Void, Never>) in
            Task {
                await operation()
                if done.claim() { resume.resume() }
            }
            Task {
                try? await Task.sleep(for: .seconds(seconds))
                if done.claim() { resume.resume() }
            }
        }
    }

    /// Runs one statement without binds, or a script of several, each ending in `;` at the end
    /// of a line (the extended protocol takes one statement at a time).
    func execute(_ sql: String) async throws {
        for statement in sql.components(separatedBy: ";\n") {
            let text = statement.trimmingCharacters(in: .whitespacesAndNewlines)
            let body = text.hasSuffix(";") ? String(text.dropLast()) : text
            if body.split(separator: "\n").allSatisfy({ $0.trimmingCharacters(in: .whitespaces).hasPrefix("--") }) { continue }
            _ = try await wrap { try await self.connection.query(PostgresQuery(unsafeSQL: body), logger: self.logger) }
        }
    }

    @discardableResult
    func query(_ query: PostgresQuery) async throws -> PostgresRowSequence {
        try await wrap { try await self.connection.query(query, logger: self.logger) }
    }

    /// Rows as arrays of optional text: every value the head office reads back it reads as text
    /// (`::text` in the SQL), which keeps decoding in one place.
    func rows(_ query: PostgresQuery) async throws -> [[String?]] {
        try await wrap {
            var out: [[String?]] = []
            for try await row in try await self.connection.query(query, logger: self.logger) {
                out.append(try row.map { cell in try cell.decode(String?.self) })
            }
            return out
        }
    }

    /// The first column of the first row as a number (a count), 0 when there is none.
    func int(_ query: PostgresQuery) async throws -> Int {
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
            if !connection.isClosed {
                let (connection, logger) = (connection, logger)
                await Self.bounded(seconds: 5) { _ = try? await connection.query("ROLLBACK", logger: logger) }
            }
            throw error
        }
    }

    func copy(into table: String, columns: [String], _ write: (PostgresCopyFromWriter) async throws -> Void) async throws {
        try await wrap {
            try await self.connection.copyFrom(table: table, columns: columns, logger: self.logger, writeData: write)
        }
    }

    private func wrap<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch {
            throw HQError.from(error, server: url.shown)
        }
    }
}

/// True the first time only: whichever of two racing tasks claims it resumes the waiter (or
/// prints the one line a failed command ends with).
public final class Once: @unchecked Sendable {
    private let lock = NSLock()
    private var claimed = false
    public init() {}
    public func claim() -> Bool {
        lock.withLock {
            defer { claimed = true }
            return !claimed
        }
    }
}
