import CLibPQ
import Foundation

/// What went wrong talking to PostgreSQL, as libpq and the server said it.
enum PGFailure: Error, Sendable {
    /// No connection was made: libpq's message (first line, without its "connection to server
    /// at … failed:" prefix).
    case connect(String)
    /// The server refused a statement: its SQLSTATE and primary message.
    case server(sqlState: String, message: String)
    /// The connection is gone (the server ended it, the network dropped).
    case dropped(String)
    /// Anything else libpq reported.
    case client(String)
}

/// One libpq connection, used by one thread at a time: `HQDatabase` runs every call on its
/// connection's own serial queue, so a statement waiting on the server (a lock, a long COPY)
/// blocks that queue and never a thread of Swift's cooperative pool.
final class PGConnection {
    private let handle: OpaquePointer
    private var closed = false

    private init(_ handle: OpaquePointer) { self.handle = handle }
    deinit { close() }

    /// Ends the session now (a database can be dropped only once nobody is connected to it).
    func close() {
        if !closed { PQfinish(handle) }
        closed = true
    }

    /// Connects with libpq's keywords (`host`, `port`, `dbname`, `sslmode`, `connect_timeout`…).
    static func open(_ parameters: [(String, String)]) throws(PGFailure) -> PGConnection {
        let keys = parameters.map { strdup($0.0) } + [nil]
        let values = parameters.map { strdup($0.1) } + [nil]
        defer { (keys + values).forEach { free($0) } }
        let handle = keys.map { $0.map { UnsafePointer($0) } }.withUnsafeBufferPointer { k in
            values.map { $0.map { UnsafePointer($0) } }.withUnsafeBufferPointer { v in
                PQconnectdbParams(k.baseAddress, v.baseAddress, 0)
            }
        }
        guard let handle else { throw .client("out of memory") }
        let connection = PGConnection(handle)
        guard PQstatus(handle) == CONNECTION_OK else { throw .connect(Self.firstLine(connection.errorMessage, connecting: true)) }
        return connection
    }

    var isOpen: Bool { !closed && PQstatus(handle) == CONNECTION_OK }

    private func ensureOpen() throws(PGFailure) {
        if closed { throw .client("the connection was closed") }
    }

    /// A script of one or more statements without values (the simple protocol runs them in
    /// order and stops at the first that fails).
    func execute(_ sql: String) throws(PGFailure) {
        try ensureOpen()
        try check(PQexec(handle, sql), clear: true)
    }

    /// One statement with its values; every row, every column as text (nil for NULL).
    func rows(_ query: PGQuery) throws(PGFailure) -> [[String?]] {
        try ensureOpen()
        let result = try withValues(query) { count, types, values in
            PQexecParams(handle, query.sql, count, types, values, nil, nil, 0)
        }
        defer { PQclear(result) }
        try check(result, clear: false)
        return Self.rows(of: result)
    }

    /// One statement, its rows handed to `body` one at a time as they arrive (libpq's
    /// single-row mode), so a result of any size needs the memory of one row.
    func forEachRow(_ query: PGQuery, _ body: ([String?]) throws -> Void) throws {
        try ensureOpen()
        let sent = try withValues(query) { count, types, values in
            PQsendQueryParams(handle, query.sql, count, types, values, nil, nil, 0)
        }
        guard sent == 1 else { throw failure(nil) }
        PQsetSingleRowMode(handle)
        var first: (any Error)?
        // Every result is read to the end, even after a failure, so the connection is ready again.
        while let result = PQgetResult(handle) {
            defer { PQclear(result) }
            guard first == nil else { continue }
            switch PQresultStatus(result) {
            case PGRES_SINGLE_TUPLE:
                do { try body(Self.rows(of: result)[0]) } catch { first = error }
            case PGRES_TUPLES_OK, PGRES_COMMAND_OK: break
            default: first = failure(result)
            }
        }
        if let first { throw first }
    }

    /// `COPY … FROM STDIN`: `body` writes the data (COPY's text format) through the function it
    /// is given; a throw from `body` aborts the COPY, and nothing of it stays.
    func copyIn(_ sql: String, _ body: (_ put: ([UInt8]) throws -> Void) throws -> Void) throws {
        try ensureOpen()
        let start = PQexec(handle, sql)
        defer { PQclear(start) }
        guard PQresultStatus(start) == PGRES_COPY_IN else {
            try check(start, clear: false)
            throw PGFailure.client("the server did not start the COPY")
        }
        var aborted: (any Error)?
        do {
            try body { bytes in
                let sent = bytes.withUnsafeBufferPointer { buffer in
                    buffer.withMemoryRebound(to: CChar.self) { PQputCopyData(handle, $0.baseAddress, Int32(buffer.count)) }
                }
                if sent != 1 { throw failure(nil) }
            }
        } catch {
            aborted = error
        }
        // Ending the COPY with a message makes the server refuse it: nothing of it is kept.
        _ = PQputCopyEnd(handle, aborted == nil ? nil : "muster-hq stopped the copy")
        var failed: PGFailure?
        while let result = PQgetResult(handle) {
            defer { PQclear(result) }
            if failed == nil, PQresultStatus(result) != PGRES_COMMAND_OK { failed = failure(result) }
        }
        if let aborted { throw aborted }
        if let failed { throw failed }
    }

    // MARK: - Results and errors

    /// Passes the query's values to libpq as C strings, refusing a NUL byte (PostgreSQL's text
    /// cannot hold one, and a C string would silently end there).
    private func withValues<T>(
        _ query: PGQuery, _ call: (Int32, UnsafePointer<Oid>?, UnsafePointer<UnsafePointer<CChar>?>?) -> T
    ) throws(PGFailure) -> T {
        if query.values.contains(where: { $0?.utf8.contains(0) == true }) {
            throw .client("a value holds a NUL byte, which PostgreSQL text cannot store")
        }
        let copies = query.values.map { $0.map { strdup($0) } ?? nil }
        defer { copies.forEach { free($0) } }
        let pointers = copies.map { $0.map { UnsafePointer($0) } }
        return query.types.withUnsafeBufferPointer { types in
            pointers.withUnsafeBufferPointer { values in
                call(Int32(query.values.count), types.baseAddress, values.baseAddress)
            }
        }
    }

    private func check(_ result: OpaquePointer?, clear: Bool) throws(PGFailure) {
        defer { if clear { PQclear(result) } }
        switch result.map(PQresultStatus) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_COPY_IN: return
        default: throw failure(result)
        }
    }

    /// The failure a result (or, without one, the connection) reports.
    private func failure(_ result: OpaquePointer?) -> PGFailure {
        if PQstatus(handle) != CONNECTION_OK { return .dropped(Self.firstLine(errorMessage, connecting: false)) }
        guard let result else { return .client(Self.firstLine(errorMessage, connecting: false)) }
        let state = Self.field(result, "C") ?? ""
        let message = Self.field(result, "M") ?? Self.firstLine(String(cString: PQresultErrorMessage(result)), connecting: false)
        // The server ending this session (pg_terminate_backend, shutdown) is a dropped connection.
        if state.hasPrefix("57P") { return .dropped(message) }
        return state.isEmpty ? .client(message) : .server(sqlState: state, message: message)
    }

    private var errorMessage: String { PQerrorMessage(handle).map { String(cString: $0) } ?? "" }

    private static func field(_ result: OpaquePointer, _ code: Character) -> String? {
        PQresultErrorField(result, Int32(code.asciiValue!)).map { String(cString: $0) }
    }

    private static func rows(of result: OpaquePointer?) -> [[String?]] {
        let (count, width) = (PQntuples(result), PQnfields(result))
        return (0..<count).map { row in
            (0..<width).map { column in
                PQgetisnull(result, row, column) == 1 ? nil : String(cString: PQgetvalue(result, row, column))
            }
        }
    }

    /// libpq's messages run over lines ("…failed: FATAL:  …\n\tIs the server running…?"):
    /// the first, without the address prefix a connection failure starts with.
    static func firstLine(_ message: String, connecting: Bool) -> String {
        var line = message.split(whereSeparator: \.isNewline).first.map(String.init) ?? message
        if connecting, let failed = line.range(of: " failed: ") { line = String(line[failed.upperBound...]) }
        for prefix in ["FATAL:  ", "ERROR:  "] where line.hasPrefix(prefix) { line = String(line.dropFirst(prefix.count)) }
        return line.trimmingCharacters(in: .whitespaces)
    }
}
