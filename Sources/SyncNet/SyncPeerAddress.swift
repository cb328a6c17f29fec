import CourseKit
import FlyingSocks
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A peer's URL as `muster sync with` takes it: checked when given, its host looked up at each
/// request, so a kiosk started before the venue's network (or its DNS) is up still starts, and
/// reaches the peer once the name resolves.
///
/// Only `http://HOST[:PORT]`: the exchange is encrypted end to end with the key the peers
/// agreed when pairing, so TLS would add certificates to manage at a venue and no secrecy.
struct SyncPeerAddress: Sendable {
    /// The URL as given, for messages.
    let url: String
    let host: String
    let port: UInt16

    /// The host looked up now: a numeric address as it is, a name through getaddrinfo.
    func socketAddress() throws -> any SocketAddress { try Self.resolve(host: host, port: port, url: url) }

    /// The Host header: the host as written (brackets back on an IPv6 address) and the port.
    var hostHeader: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }

    init(url: String) throws {
        self.url = url
        let port = ChangeSummary.Part.number(Int(SyncNet.defaultPort))
        let lower = url.lowercased()
        if lower.hasPrefix("https://") {
            throw MusterError.net("address.https", .text(url))
        }
        guard lower.hasPrefix("http://") else { throw MusterError.net("address.notURL", .text(url), port) }
        var rest = Substring(url.dropFirst("http://".count))
        if rest.hasSuffix("/") { rest = rest.dropLast() }
        guard !rest.isEmpty, !rest.contains(where: { "/?#@ ".contains($0) }) else {
            throw MusterError.net("address.extra", .text(url), port)
        }
        let hostPart: Substring
        let portPart: Substring?
        if rest.hasPrefix("[") {
            guard let close = rest.firstIndex(of: "]") else {
                throw MusterError.net("address.ipv6Close", .text(url), port)
            }
            hostPart = rest[rest.index(after: rest.startIndex)..<close]
            let after = rest[rest.index(after: close)...]
            guard after.isEmpty || after.hasPrefix(":") else { throw MusterError.net("address.notURL", .text(url), port) }
            portPart = after.isEmpty ? nil : after.dropFirst()
        } else if let colon = rest.firstIndex(of: ":") {
            hostPart = rest[..<colon]
            portPart = rest[rest.index(after: colon)...]
            guard !portPart!.contains(":") else {
                throw MusterError.net("address.ipv6Brackets", .text(url), port)
            }
        } else {
            (hostPart, portPart) = (rest, nil)
        }
        guard !hostPart.isEmpty else { throw MusterError.net("address.noHost", .text(url), port) }
        if let portPart {
            guard let port = UInt16(portPart), port > 0 else {
                throw MusterError.net("address.port", .text(url))
            }
            self.port = port
        } else {
            self.port = SyncNet.defaultPort
        }
        host = String(hostPart)
    }

    /// A numeric address as it is; a name through getaddrinfo, IPv4 first (a name's IPv6
    /// answers at a venue are often link-local ones that need an interface to be reached).
    private static func resolve(host: String, port: UInt16, url: String) throws -> any SocketAddress {
        if let v4 = try? sockaddr_in.inet(ip4: host, port: port) { return v4 }
        if let v6 = try? sockaddr_in6.inet6(ip6: host, port: port) { return v6 }
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
            hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
            hints.ai_socktype = SOCK_STREAM
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, nil, &hints, &list)
        guard status == 0, let list else {
            guard status != 0 else { throw MusterError.net("address.noAddress", .text(host), .text(url)) }
            throw MusterError.net("address.notFound", .text(host), .text(url), .text(String(cString: gai_strerror(status))))
        }
        defer { freeaddrinfo(list) }
        var v4: (any SocketAddress)?
        var v6: (any SocketAddress)?
        var entry: UnsafeMutablePointer<addrinfo>? = list
        while let current = entry {
            let info = current.pointee
            if info.ai_family == AF_INET, v4 == nil, let raw = info.ai_addr {
                var address = raw.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { $0.pointee }
                address.sin_port = port.bigEndian
                v4 = address
            } else if info.ai_family == AF_INET6, v6 == nil, let raw = info.ai_addr {
                var address = raw.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { $0.pointee }
                address.sin6_port = port.bigEndian
                v6 = address
            }
            entry = info.ai_next
        }
        guard let found = v4 ?? v6 else { throw MusterError.net("address.noAddress", .text(host), .text(url)) }
        return found
    }
}
