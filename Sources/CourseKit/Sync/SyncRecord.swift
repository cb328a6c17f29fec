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
    /// Set on a record scrubbed after an erasure (a `redacted` stub, or an event or enrolment
    /// with its note emptied): SHA-256 (hex) of the record's canonical form before, so a device
    /// that still holds the original knows it is the same record.
    public var hash: String?

    public init(
        id: String, origin: String, seq: Int64, hlc: Int64, kind: Kind, entity: String, gid: String,
        fields: [String: SyncValue]? = nil, prev: [String: [String]]? = nil, hash: String? = nil
    ) {
        self.id = id; self.origin = origin; self.seq = seq; self.hlc = hlc; self.kind = kind
        self.entity = entity; self.gid = gid; self.fields = fields; self.prev = prev; self.hash = hash
    }

    /// The record as one line of JSON with sorted keys and no spaces: the same bytes on every
    /// device, so its hash identifies its content. Written by hand (`CanonicalJSON`): it is on
    /// the path of every record made or sent, and JSONEncoder costs several times more.
    public var canonicalJSON: Data {
        var out = CanonicalJSON()
        out.object { o in
            o.key("entity") { $0.string(entity) }
            if let fields { o.key("fields") { $0.values(fields) } }
            o.key("gid") { $0.string(gid) }
            if let hash { o.key("hash") { $0.string(hash) } }
            o.key("hlc") { $0.int(hlc) }
            o.key("id") { $0.string(id) }
            o.key("kind") { $0.string(kind.rawValue) }
            o.key("origin") { $0.string(origin) }
            if let prev {
                o.key("prev") { p in
                    p.object { po in
                        for field in prev.keys.sorted() {
                            po.key(field) { $0.array(prev[field]!) }
                        }
                    }
                }
            }
            o.key("seq") { $0.int(seq) }
        }
        return Data(out.bytes)
    }

    /// SHA-256 of `canonicalJSON` (or, for a scrubbed record, the hash of the original), lower-case hex.
    public var contentHash: String {
        if let hash { return hash }
        return SHA256.hash(data: canonicalJSON).map { String(format: "%02x", $0) }.joined()
    }

    /// Sorted keys, for what is not on the hot path (a bundle's header).
    static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }()

    /// The record scrubbed after its person's erasure: only id, origin, number, clock, entity,
    /// gid and the hash of what it was.
    public var redacted: SyncRecord {
        SyncRecord(id: id, origin: origin, seq: seq, hlc: hlc, kind: .redacted, entity: entity, gid: gid, hash: contentHash)
    }

    /// The record with its note emptied (an erased person's event or nomination), keeping the
    /// hash of what it was; nil when it has no note to empty.
    public var noteScrubbed: SyncRecord? {
        guard let note = fields?["note"], note != .text("") else { return nil }
        var scrubbed = self
        scrubbed.hash = contentHash
        scrubbed.fields?["note"] = .text("")
        return scrubbed
    }

    /// The record of one line of JSON: read by `SyncRecordParser` when it can, which is every
    /// line Muster writes, else by `decoder`, which also says what is wrong with a bad one.
    public static func decode(_ line: Data, decoder: JSONDecoder? = nil) throws -> SyncRecord {
        if let record = SyncRecordParser.parse(line) { return record }
        return try (decoder ?? JSONDecoder()).decode(SyncRecord.self, from: line)
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

/// A minimal writer of canonical JSON: sorted keys (callers write them in order), no spaces,
/// strings escaped the one way JSON requires.
struct CanonicalJSON {
    var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(512) }

    mutating func object(_ body: (inout Members) -> Void) {
        // The members write into a moved-out copy; emptying ours first keeps its buffer unique,
        // so appending does not copy the bytes written so far.
        var members = Members(json: self)
        bytes = []
        members.json.bytes.append(UInt8(ascii: "{"))
        body(&members)
        members.json.bytes.append(UInt8(ascii: "}"))
        self = members.json
    }

    struct Members {
        var json: CanonicalJSON
        var first = true
        mutating func key(_ name: String, _ value: (inout CanonicalJSON) -> Void) {
            if !first { json.bytes.append(UInt8(ascii: ",")) }
            first = false
            json.string(name)
            json.bytes.append(UInt8(ascii: ":"))
            value(&json)
        }
    }

    mutating func values(_ fields: [String: SyncValue]) {
        object { o in
            for name in fields.keys.sorted() { o.key(name) { $0.value(fields[name]!) } }
        }
    }

    mutating func array(_ strings: [String]) { array(strings) { $0.string($1) } }

    /// An array of `items`, each written by `element`.
    mutating func array<Item>(_ items: [Item], _ element: (inout CanonicalJSON, Item) -> Void) {
        bytes.append(UInt8(ascii: "["))
        for (i, item) in items.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            element(&self, item)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    mutating func value(_ v: SyncValue) {
        switch v {
        case .null: bytes.append(contentsOf: Array("null".utf8))
        case .int(let i): int(i)
        // A whole number is written as an integer, which is how it reads back: so decoding a
        // record and writing it again gives the same bytes (`SyncValue.same` equates the two).
        case .real(let d) where d.isFinite && d == d.rounded() && abs(d) < 1e15: int(Int64(d))
        case .real(let d): bytes.append(contentsOf: Array((d.isFinite ? "\(d)" : "null").utf8))
        case .text(let s): string(s)
        }
    }

    mutating func int(_ i: Int64) { bytes.append(contentsOf: Array(String(i).utf8)) }

    mutating func string(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: Array("\\u00".utf8))
                bytes.append(hex[Int(b >> 4)])
                bytes.append(hex[Int(b & 0xF)])
            default: bytes.append(b)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
