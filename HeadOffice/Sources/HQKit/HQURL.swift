import Foundation

/// Where the head office's database is: a libpq-style URL,
/// `postgres://user[:password]@host[:port]/database[?sslmode=disable|prefer|require]`.
public struct HQURL: Sendable, Equatable {
    public var host: String
    public var port: Int
    public var user: String
    public var password: String?
    public var database: String
    public var sslMode: String

    /// Parses a URL, naming what is wrong with it (and never echoing a password).
    public init(_ text: String) throws {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let url = URLComponents(string: trimmed), let scheme = url.scheme,
            ["postgres", "postgresql"].contains(scheme.lowercased())
        else {
            throw HQError("the database URL must look like postgres://user@host:5432/database")
        }
        guard let host = url.host, !host.isEmpty else { throw HQError("the database URL names no host (postgres://user@HOST/database)") }
        guard let user = url.user, !user.isEmpty else { throw HQError("the database URL names no user (postgres://USER@host/database)") }
        self.host = host
        self.port = url.port ?? 5432
        self.user = user.removingPercentEncoding ?? user
        self.password = url.password.map { $0.removingPercentEncoding ?? $0 }
        let path = url.path.hasPrefix("/") ? String(url.path.dropFirst()) : url.path
        self.database = path.isEmpty ? self.user : (path.removingPercentEncoding ?? path)
        let mode = url.queryItems?.first { $0.name == "sslmode" }?.value ?? "prefer"
        guard ["disable", "prefer", "require"].contains(mode) else {
            throw HQError("sslmode=\(mode) is not supported: use disable, prefer or require")
        }
        self.sslMode = mode
    }

    /// The URL again, password included, for handing to another process.
    public var text: String {
        var c = URLComponents()
        c.scheme = "postgres"; c.host = host; c.port = port; c.user = user; c.password = password; c.path = "/" + database
        c.queryItems = [URLQueryItem(name: "sslmode", value: sslMode)]
        return c.string ?? ""
    }

    /// The URL as messages show it: user, host, port and database, never the password.
    public var shown: String { "\(user)@\(host):\(port)/\(database)" }

    /// libpq's connection keywords. TLS is libpq's own (`sslmode` as given); without a password
    /// in the URL, libpq looks in ~/.pgpass as psql does; keepalives make
    /// a silently vanished server an error within about a minute and a half, not a wait for ever.
    func parameters(connectTimeout: Int) -> [(String, String)] {
        var list = [
            ("host", host), ("port", String(port)), ("user", user), ("dbname", database), ("sslmode", sslMode),
            ("connect_timeout", String(connectTimeout)), ("application_name", "muster-hq"),
            ("keepalives", "1"), ("keepalives_idle", "60"), ("keepalives_interval", "10"), ("keepalives_count", "3"),
        ]
        if let password { list.append(("password", password)) }
        return list
    }
}
