import Crypto
import Foundation

/// One immutable record that travels between libraries: the unit of sync.
///
/// Records are never edited once made; merging is "insert if absent" by `id`, and a library's
/// current state is the same deterministic function of its set of records on every device
/// (`SyncApply`). Every record is numbered by its origin (`seq`, gap-free from 1) so a library
/// can say exactly which records of which origin it lacks.
public struct SyncRecord: Codable, Hashable, Sendable {
    public enum Kind: String, Codable, Sendable {
        /// Fields of one entity (a course, session, agency, person, enrolment, course agency or
        /// quota): its creation (every field and `_exists`), an edit (the fields that changed),
        /// a removal (`_exists` false) or a conflict's resolution.
        case put
        /// One attendance event, referring to session and person by global id.
        case event
        /// A person's erasure: carries no personal data, and wins over every other record of them.
        case erase
        /// A record whose personal data was scrubbed after an erasure: only its id, origin, seq,
        /// clock, entity and the hash of what it was, so ranges stay gap-free.
        case redacted
    }

    /// Lower-case UUID, made where the record was made.
    public var id: String
    /// The library (origin) that made the record: 32 lower-case hex digits from its public key.
    public var origin: String
    /// Gap-free per origin, from 1.
    public var seq: Int64
    /// Hybrid logical clock (`HybridClock`): Unix milliseconds << 16 | counter. 0 marks a
    /// genesis record (what a course file or the first migration said), which any edit supersedes.
    public var hlc: Int64
    public var kind: Kind
    /// The entity's table (`put`, `redacted`), `person` for `erase`, `attendance_event` for `event`.
    public var entity: String
    /// The entity's global id; for an event, the event's id.
    public var gid: String
    /// `put`: field → new value; `event`: the event's fields; `erase`: its options.
    public var fields: [String: SyncValue]?
    /// `put`: field → ids of the records whose value of that field this one replaces (the heads
    /// its device knew when it wrote). Two records replacing the same heads are concurrent.
    public var prev: [String: [String]]?
    /// `redacted`: SHA-256 (hex) of the record's canonical form before it was scrubbed.
    public var hash: String?

    public init(
        id: String, origin: String, seq: Int64, hlc: Int64, kind: Kind, entity: String, gid: String,
        fields: [String: SyncValue]? = nil, prev: [String: [String]]? = nil, hash: String? = nil
    ) {
        self.id = id; self.origin = origin; self.seq = seq; self.hlc = hlc; self.kind = kind
        self.entity = entity; self.gid = gid; self.fields = fields; self.prev = prev; self.hash = hash
    }

    /// The record as one line of JSON with sorted keys: the same bytes on every device, so its
    /// hash identifies its content.
    public var canonicalJSON: Data {
        // Encoding a struct of strings, numbers and dictionaries cannot fail.
        try! SyncRecord.encoder.encode(self)
    }

    /// SHA-256 of `canonicalJSON` (or, for a redacted record, the hash it carries), lower-case hex.
    public var contentHash: String {
        if kind == .redacted, let hash { return hash }
        return SHA256.hash(data: canonicalJSON).map { String(format: "%02x", $0) }.joined()
    }

    static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }()

    public static func decode(_ line: Data) throws -> SyncRecord {
        try JSONDecoder().decode(SyncRecord.self, from: line)
    }
}

/// A field's value as SQLite holds it: null, integer, real or text.
public enum SyncValue: Hashable, Sendable, Codable, CustomStringConvertible {
    case null
    case int(Int64)
    case real(Double)
    case text(String)

    /// Text is tried first: most values are text, and each failed attempt throws a decoding
    /// error, which costs more than the rest of a record (a bundle reader decodes millions). JSON
    /// keeps strings and numbers apart, so the order changes no value.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null; return }
        if let s = try? c.decode(String.self) { self = .text(s); return }
        if let i = try? c.decode(Int64.self) { self = .int(i); return }
        self = .real(try c.decode(Double.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case .int(let i): try c.encode(i)
        case .real(let d): try c.encode(d)
        case .text(let s): try c.encode(s)
        }
    }

    /// As a user would read it in a conflict list.
    public var description: String {
        switch self {
        case .null: "(none)"
        case .int(let i): String(i)
        case .real(let d): String(d)
        case .text(let s): s
        }
    }
}
