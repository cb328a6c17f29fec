import Foundation

/// One SQL statement whose interpolated values travel as parameters, never as SQL text:
/// `"SELECT … WHERE code = \(code)"` sends `$1` and the code beside it.
///
/// Each value goes as text with the type PostgreSQL would give the Swift value (text, int8,
/// bool and their arrays), so the statements read the same whatever the client library.
public struct PGQuery: Sendable, ExpressibleByStringInterpolation {
    /// The statement, with `$1`, `$2`… where the values go.
    public private(set) var sql: String
    /// The values as PostgreSQL's text input, nil for NULL.
    public private(set) var values: [String?]
    /// Their types as PostgreSQL object ids (`pg_type.oid`).
    public private(set) var types: [UInt32]

    public init(stringLiteral value: String) {
        sql = value; values = []; types = []
    }

    public init(stringInterpolation: StringInterpolation) {
        sql = stringInterpolation.sql; values = stringInterpolation.values; types = stringInterpolation.types
    }

    /// SQL assembled in code from fixed fragments (a column chosen from a list), no values.
    public init(sql: String) { self.init(stringLiteral: sql) }

    /// The object ids of the types the values are sent as.
    enum OID {
        static let bool: UInt32 = 16, int8: UInt32 = 20, text: UInt32 = 25
        static let boolArray: UInt32 = 1000, textArray: UInt32 = 1009, int8Array: UInt32 = 1016
    }

    public struct StringInterpolation: StringInterpolationProtocol {
        var sql = ""
        var values: [String?] = []
        var types: [UInt32] = []

        public init(literalCapacity: Int, interpolationCount: Int) {
            sql.reserveCapacity(literalCapacity + 4 * interpolationCount)
        }

        public mutating func appendLiteral(_ literal: String) { sql += literal }

        mutating func bind(_ value: String?, _ type: UInt32) {
            values.append(value)
            types.append(type)
            sql += "$\(values.count)"
        }

        public mutating func appendInterpolation(_ value: String?) { bind(value, OID.text) }
        public mutating func appendInterpolation(_ value: Int) { bind(String(value), OID.int8) }
        public mutating func appendInterpolation(_ value: Int64) { bind(String(value), OID.int8) }
        public mutating func appendInterpolation(_ value: Bool) { bind(value ? "t" : "f", OID.bool) }
        public mutating func appendInterpolation(_ value: [String]?) {
            bind(value.map { PGQuery.arrayText($0.map(PGQuery.quoted)) }, OID.textArray)
        }
        public mutating func appendInterpolation(_ value: [Int]) { bind(PGQuery.arrayText(value.map(String.init)), OID.int8Array) }
        public mutating func appendInterpolation(_ value: [Bool]) {
            bind(PGQuery.arrayText(value.map { $0 ? "t" : "f" }), OID.boolArray)
        }
    }

    /// An array's text input: `{a,b}`.
    static func arrayText(_ elements: [String]) -> String { "{" + elements.joined(separator: ",") + "}" }

    /// One text element of an array, always quoted (so NULL, braces, commas and spaces are
    /// data), with backslash and double quote escaped.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for c in text.unicodeScalars {
            if c == "\\" || c == "\"" { out.unicodeScalars.append("\\") }
            out.unicodeScalars.append(c)
        }
        return out + "\""
    }
}
