import Foundation

/// What both ends of live sync's HTTP transport agree on: the port, the paths and the marker that
/// tells a Muster peer from any other web server at the same address.
public enum SyncNet {
    /// The port `muster sync serve` listens on, and the one `muster sync with` dials when the URL names none.
    public static let defaultPort: UInt16 = 8731

    /// Every operation is a `POST` to this prefix plus its name; the version in the path lets a
    /// later protocol be served beside this one.
    static let pathPrefix = "/muster/sync/v1/"

    /// Sent on every answer of a Muster server: an answer without it comes from something else
    /// (a captive portal, a router's admin page), and the client says so instead of feeding HTML
    /// to the exchange.
    static let markerHeader = "x-muster-sync"
    static let markerValue = "v1"

    /// Operation names are short and lower-case ASCII, so a path never needs escaping and a
    /// hostile one cannot smuggle anything into a log line.
    static func isOperation(_ op: some StringProtocol) -> Bool {
        let scalars = op.unicodeScalars
        return (1...20).contains(scalars.count) && scalars.allSatisfy { ("a"..."z").contains($0) }
    }

    /// The headers the exchange sees: only `x-muster-*` ones, names lower-cased (HTTP names are
    /// case-insensitive; the exchange compares strings), the transport's own marker left out.
    static func exchangeHeaders(_ pairs: some Sequence<(String, String)>) -> [String: String] {
        var headers: [String: String] = [:]
        for (name, value) in pairs {
            let name = name.lowercased()
            if name.hasPrefix("x-muster-") && name != markerHeader { headers[name] = value }
        }
        return headers
    }

    /// "1", "0.5": seconds as people write them in a message.
    static func seconds(_ value: TimeInterval) -> String {
        value == value.rounded() && abs(value) < 1e9 ? String(Int(value)) : String(value)
    }
}
