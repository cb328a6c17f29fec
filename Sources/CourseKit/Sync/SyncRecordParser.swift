import Foundation

/// Reads one record's line of JSON without `JSONDecoder`, for the lines records are written as.
///
/// Why: a bundle of a 100,000-person course is 200,089 lines, each read twice (verified, then
/// merged), and `JSONDecoder` was 17 % of taking it into a library (`perf`), most of it Codable's
/// generic machinery rather than reading bytes. This reads the members a record has, each at
/// most once, with JSON's whitespace anywhere between tokens. Anything else (a member it does not
/// know, a key twice, a number with a fraction or an exponent or past 64 bits, `true`, an escape
/// that makes no Unicode scalar, bytes that are not UTF-8, something after the object) makes it
/// give up (nil), and `SyncRecord.decode` hands the line to `JSONDecoder`, which reads it or says
/// what is wrong. So whatever this accepts, it reads as `JSONDecoder` does
/// (`SyncRecordParserTests`), and it never refuses what `JSONDecoder` would take.
struct SyncRecordParser {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var at = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// The record `line` holds, or nil when this reader gives up on it.
    static func parse(_ line: Data) -> SyncRecord? {
        line.withUnsafeBytes { raw in
            var parser = SyncRecordParser(raw.bindMemory(to: UInt8.self))
            return parser.record()
        }
    }

    private mutating func record() -> SyncRecord? {
        var text: [String: String] = [:]
        var numbers: [String: Int64] = [:]
        var fields: [String: SyncValue]?, prev: [String: [String]]?, hash: String?
        var seen = Set<String>()
        guard take(UInt8(ascii: "{")) else { return nil }
        var first = true
        members: while true {
            let key: String
            switch member(first: first) {
            case .end: break members
            case .malformed: return nil
            case .key(let name): key = name
            }
            first = false
            guard seen.insert(key).inserted else { return nil }
            switch key {
            case "id", "origin", "kind", "entity", "gid":
                guard let value = string() else { return nil }
                text[key] = value
            case "seq", "hlc":
                guard let value = integer() else { return nil }
                numbers[key] = value
            case "hash":
                if null() { continue }
                guard let value = string() else { return nil }
                hash = value
            case "fields":
                if null() { continue }
                guard let values = values() else { return nil }
                fields = values
            case "prev":
                if null() { continue }
                guard let replaced = replaced() else { return nil }
                prev = replaced
            default:
                return nil
            }
        }
        skipSpace()
        guard at == bytes.count, let id = text["id"], let origin = text["origin"], let kindName = text["kind"],
            let kind = SyncRecord.Kind(rawValue: kindName), let entity = text["entity"], let gid = text["gid"],
            let seq = numbers["seq"], let hlc = numbers["hlc"]
        else { return nil }
        return SyncRecord(
            id: id, origin: origin, seq: seq, hlc: hlc, kind: kind, entity: entity, gid: gid, fields: fields, prev: prev, hash: hash)
    }

    /// `fields`: field name → text, whole number or null.
    private mutating func values() -> [String: SyncValue]? { object { $0.value() } }

    /// `prev`: field name → the ids of the records it replaces.
    private mutating func replaced() -> [String: [String]]? { object { $0.strings() } }

    /// An object whose every value `read` reads; nil when it is malformed, a key comes twice or
    /// `read` gives up.
    private mutating func object<Value>(_ read: (inout SyncRecordParser) -> Value?) -> [String: Value]? {
        guard take(UInt8(ascii: "{")) else { return nil }
        var members: [String: Value] = [:]
        var first = true
        while true {
            switch member(first: first) {
            case .end: return members
            case .malformed: return nil
            case .key(let name):
                first = false
                guard members[name] == nil, let value = read(&self) else { return nil }
                members[name] = value
            }
        }
    }

    // MARK: - Tokens

    private mutating func skipSpace() {
        while at < bytes.count, bytes[at] == 0x20 || bytes[at] == 0x0A || bytes[at] == 0x0D || bytes[at] == 0x09 { at += 1 }
    }

    /// Takes `byte` after any whitespace; false (and nothing taken) when it is not next.
    private mutating func take(_ byte: UInt8) -> Bool {
        skipSpace()
        guard at < bytes.count, bytes[at] == byte else { return false }
        at += 1
        return true
    }

    private enum Member {
        case key(String)
        case end
        case malformed
    }

    /// The next member of an object whose `{` is read: its key, with the colon after it read
    /// (the caller reads the value), or the object's end. `first`: no member read yet.
    private mutating func member(first: Bool) -> Member {
        if take(UInt8(ascii: "}")) { return .end }
        guard first || take(UInt8(ascii: ",")) else { return .malformed }
        guard let key = string(), take(UInt8(ascii: ":")) else { return .malformed }
        return .key(key)
    }

    private mutating func null() -> Bool {
        skipSpace()
        guard bytes.count - at >= 4, bytes[at] == UInt8(ascii: "n"), bytes[at + 1] == UInt8(ascii: "u"),
            bytes[at + 2] == UInt8(ascii: "l"), bytes[at + 3] == UInt8(ascii: "l")
        else { return false }
        at += 4
        return true
    }

    /// A field's value: text, a whole number or null.
    private mutating func value() -> SyncValue? {
        if null() { return .null }
        guard at < bytes.count else { return nil }
        if bytes[at] == UInt8(ascii: "\"") { return string().map(SyncValue.text) }
        return integer().map(SyncValue.int)
    }

    private mutating func strings() -> [String]? {
        guard take(UInt8(ascii: "[")) else { return nil }
        var items: [String] = []
        if take(UInt8(ascii: "]")) { return items }
        repeat {
            guard let item = string() else { return nil }
            items.append(item)
        } while take(UInt8(ascii: ","))
        return take(UInt8(ascii: "]")) ? items : nil
    }

    /// `-?(0|[1-9][0-9]*)` that fits in 64 bits, followed by neither a fraction nor an exponent.
    private mutating func integer() -> Int64? {
        skipSpace()
        var i = at
        let negative = i < bytes.count && bytes[i] == UInt8(ascii: "-")
        if negative { i += 1 }
        let first = i
        var magnitude: UInt64 = 0
        while i < bytes.count, bytes[i] >= UInt8(ascii: "0"), bytes[i] <= UInt8(ascii: "9") {
            let (times, o1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times.addingReportingOverflow(UInt64(bytes[i] - UInt8(ascii: "0")))
            guard !o1, !o2 else { return nil }
            magnitude = sum
            i += 1
        }
        let digits = i - first
        guard digits > 0, digits == 1 || bytes[first] != UInt8(ascii: "0") else { return nil }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") || bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            return nil
        }
        let value: Int64
        if negative {
            guard magnitude <= UInt64(Int64.max) + 1 else { return nil }
            value = magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)
        } else {
            guard magnitude <= UInt64(Int64.max) else { return nil }
            value = Int64(magnitude)
        }
        at = i
        return value
    }

    /// A JSON string; nil for a raw control character, an unknown escape, a lone surrogate or
    /// bytes that are not UTF-8.
    private mutating func string() -> String? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        let start = at
        // Most text has no escape: its bytes are the string's.
        while at < bytes.count, bytes[at] != UInt8(ascii: "\""), bytes[at] != UInt8(ascii: "\\") {
            guard bytes[at] >= 0x20 else { return nil }
            at += 1
        }
        guard at < bytes.count else { return nil }
        if bytes[at] == UInt8(ascii: "\"") {
            at += 1
            return String(validating: UnsafeBufferPointer(rebasing: bytes[start..<(at - 1)]), as: UTF8.self)
        }
        var out = Array(bytes[start..<at])
        while at < bytes.count {
            let b = bytes[at]
            at += 1
            switch b {
            case UInt8(ascii: "\""):
                return String(validating: out, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard at < bytes.count else { return nil }
                let escape = bytes[at]
                at += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escape)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    guard let scalar = unicodeEscape() else { return nil }
                    out.append(contentsOf: Array(String(Character(scalar)).utf8))
                default: return nil
                }
            default:
                guard b >= 0x20 else { return nil }
                out.append(b)
            }
        }
        return nil
    }

    /// The scalar of `\uXXXX` (its `\u` already read), a surrogate pair's when it is one.
    private mutating func unicodeEscape() -> Unicode.Scalar? {
        guard let unit = hex4() else { return nil }
        switch unit {
        case 0xD800...0xDBFF:
            guard bytes.count - at >= 2, bytes[at] == UInt8(ascii: "\\"), bytes[at + 1] == UInt8(ascii: "u") else { return nil }
            at += 2
            guard let low = hex4(), (0xDC00...0xDFFF).contains(low) else { return nil }
            return Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
        case 0xDC00...0xDFFF:
            return nil
        default:
            return Unicode.Scalar(unit)
        }
    }

    private mutating func hex4() -> UInt32? {
        guard bytes.count - at >= 4 else { return nil }
        var unit: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[at]
            let digit: UInt8
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = b - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = b - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = b - UInt8(ascii: "A") + 10
            default: return nil
            }
            unit = unit << 4 | UInt32(digit)
            at += 1
        }
        return unit
    }
}
