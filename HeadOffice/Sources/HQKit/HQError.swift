import Foundation

/// A head-office failure as one line a coordinator can act on: what failed, and where.
public struct HQError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }

    /// PostgreSQL's and the network's errors in words, with the server named (never the password).
    static func from(_ error: any Error, server: String) -> HQError {
        if let e = error as? HQError { return e }
        guard let failure = error as? PGFailure else {
            if error is CancellationError { return HQError("\(server): interrupted") }
            return HQError("\(server): \(error)")
        }
        switch failure {
        case .connect(let message): return connecting(message, server: server)
        case .server(let code, let message):
            if code == "57014" { return HQError("\(server): the server cancelled a statement that ran too long (statement_timeout)") }
            return HQError("\(server): the server refused: \(message) (SQLSTATE \(code))")
        case .dropped:
            return HQError("\(server): the connection dropped; nothing unfinished was kept (a bundle goes in whole or not at all)")
        case .client(let message): return HQError("\(server): \(message)")
        }
    }

    /// A connection that was not made, from libpq's message: what to check, not libpq's words.
    static func connecting(_ message: String, server: String) -> HQError {
        let said = message.lowercased()
        let reason: String
        if said.contains("connection refused") {
            reason = "connection refused: is PostgreSQL running and listening there?"
        } else if said.contains("timeout expired") {
            return HQError("\(server): no answer within the connection timeout (is the server up and reachable?)")
        } else if said.contains("could not translate host name") {
            reason = "the host name does not resolve"
        } else if said.contains("no route to host") || said.contains("network is unreachable") {
            reason = "the host cannot be reached"
        } else if said.contains("does not support ssl") {
            return HQError("\(server): the server does not offer TLS, and the URL asks for it (sslmode=require)")
        } else if said.contains("no password supplied") {
            return HQError("\(server): the server wants a password: put it in the URL (postgres://user:password@host/db)")
        } else if said.contains("does not exist") || said.contains("authentication failed") || said.contains("no pg_hba.conf entry") {
            // The server's own words: the database, role or address it refused.
            return HQError("\(server): \(message)")
        } else {
            reason = message
        }
        return HQError("\(server): cannot connect (\(reason))")
    }
}
