import Foundation
import PostgresNIO

/// A head-office failure as one line a coordinator can act on: what failed, and where.
public struct HQError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }

    /// PostgreSQL's and the network's errors in words, with the server named (never the password).
    static func from(_ error: any Error, server: String) -> HQError {
        if let e = error as? HQError { return e }
        if let e = error as? PostgresTransactionError {
            return from(e.closureError ?? e.commitError ?? e.beginError ?? e.rollbackError ?? error, server: server)
        }
        if let e = error as? PSQLError {
            switch e.code {
            case .server:
                let message = e.serverInfo?[.message] ?? "error"
                let code = e.serverInfo?[.sqlState] ?? ""
                if code == "57014" { return HQError("\(server): the server cancelled a statement that ran too long (statement_timeout)") }
                if code == "3D000" || code == "28000" || code == "28P01" { return HQError("\(server): \(message)") }
                return HQError("\(server): the server refused: \(message)\(code.isEmpty ? "" : " (SQLSTATE \(code))")")
            case .connectionError:
                return HQError("\(server): cannot connect (\(describe(e.underlying)))")
            case .serverClosedConnection, .uncleanShutdown:
                return HQError("\(server): the connection dropped; nothing unfinished was kept (a bundle goes in whole or not at all)")
            case .sslUnsupported:
                return HQError("\(server): the server does not offer TLS, and the URL asks for it (sslmode=require)")
            case .authMechanismRequiresPassword:
                return HQError("\(server): the server wants a password: put it in the URL (postgres://user:password@host/db)")
            default:
                return HQError("\(server): \(String(describing: e.code))\(e.underlying.map { ": \(describe($0))" } ?? "")")
            }
        }
        if let e = error as? ChannelError, case .connectTimeout = e {
            return HQError("\(server): no answer within the connection timeout (is the server up and reachable?)")
        }
        if error is CancellationError { return HQError("\(server): interrupted") }
        return HQError("\(server): \(describe(error))")
    }

    static func describe(_ error: (any Error)?) -> String {
        guard let error else { return "unknown error" }
        if let e = error as? NIOConnectionError {
            if let first = e.connectionErrors.first { return describe(first.error) }
            if let dns = e.dnsAError ?? e.dnsAAAAError { return describe(dns) }
            return "no address to connect to"
        }
        if let e = error as? IOError {
            switch e.errnoCode {
            case ECONNREFUSED: return "connection refused: is PostgreSQL running and listening there?"
            case ENETUNREACH, EHOSTUNREACH: return "the host cannot be reached"
            default: return e.description
            }
        }
        if let e = error as? ChannelError, case .connectTimeout = e { return "no answer within the connection timeout" }
        let text = String(describing: error)
        if error is SocketAddressError || text.contains("UnknownHost") { return "the host name does not resolve" }
        return text
    }
}
