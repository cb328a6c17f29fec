import Foundation

/// What an operation's sealed body holds: a small JSON part (`PeerMeta`) and, for `pull` replies
/// and `push` requests, the bytes of a bundle file exactly as `sync export` writes one (signed by
/// the library that made it, so the receiver verifies it as it would a file from a USB stick).
///
/// Laid out as a 4-byte big-endian length, the JSON, then the bundle.
enum PeerPayload {
    /// The JSON part may not be larger than this (a vector of many islands fits easily).
    static let maxMeta = 16 << 20

    static func encode(_ meta: PeerMeta, bundle: Data = Data()) throws -> Data {
        let json = try JSONEncoder().encode(meta)
        var out = Data(capacity: 4 + json.count + bundle.count)
        let n = UInt32(json.count)
        out.append(contentsOf: [UInt8(n >> 24), UInt8(n >> 16 & 0xFF), UInt8(n >> 8 & 0xFF), UInt8(n & 0xFF)])
        out.append(json)
        out.append(bundle)
        return out
    }

    /// The two parts, or a one-line reason the body is not a payload.
    static func decode(_ data: Data) throws -> (meta: PeerMeta, bundle: Data) {
        let bytes = [UInt8](data.prefix(4))
        guard bytes.count == 4 else { throw MusterError.invalid("a message of the exchange is shorter than its header") }
        let n = Int(bytes[0]) << 24 | Int(bytes[1]) << 16 | Int(bytes[2]) << 8 | Int(bytes[3])
        guard n <= maxMeta, data.count >= 4 + n else { throw MusterError.invalid("a message of the exchange is cut short") }
        let start = data.startIndex
        guard let meta = try? JSONDecoder().decode(PeerMeta.self, from: data[(start + 4)..<(start + 4 + n)]) else {
            throw MusterError.invalid("a message of the exchange is not readable")
        }
        return (meta, Data(data[(start + 4 + n)...]))
    }
}

/// Where a pull or push has got to in the sender's records, which are sent in (origin, seq)
/// order: the next chunk starts after it. Kept by the client, so the server holds no state
/// between requests but the session's keys.
struct PeerCursor: Codable, Sendable, Equatable {
    var origin: String
    var seq: Int64
}

/// The JSON part of every operation's body, one type for all (each uses some fields):
/// - `have` reply: `have` (what the server holds).
/// - `pull` request: `have` (what the client holds), `max`, `after`; reply: `records`, `after`
///   (where the next pull starts; nil when nothing more is lacking), the bundle.
/// - `push` request: `records`, `after` (nil on the last chunk of this exchange), the bundle;
///   reply: `added`, `conflicts`.
/// - any reply: `error`, a one-line reason the operation was not done.
struct PeerMeta: Codable, Sendable {
    var have: [String: [[Int64]]]?
    var max: Int?
    var after: PeerCursor?
    var records: Int?
    var added: Int?
    var conflicts: Int?
    var error: String?
}
