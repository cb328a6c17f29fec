/// The file formats tables are exported in.
public enum ExportFormat: String, CaseIterable, Sendable {
    case csv, tsv, json
}

/// Writes a header and rows as CSV, TSV or JSON: the one place export formats are decided, shared
/// by the attendance exports and report CSVs.
///
/// CSV and TSV go through `CSVWriter`, so cells that a spreadsheet would run as formulas are
/// neutralised. `bom` puts a UTF-8 byte-order mark first, which Excel on Windows needs to read
/// UTF-8 as such; JSON never gets one (RFC 8259 forbids it). JSON is an array of objects whose keys
/// are the header's, in header order, every value a string, so no value changes on the way.
public enum TableDocument {
    public static func render(header: [String], rows: [[String]], format: ExportFormat, bom: Bool = false) -> String {
        switch format {
        case .csv: (bom ? "\u{FEFF}" : "") + CSVWriter().document(header: header, rows: rows)
        case .tsv: (bom ? "\u{FEFF}" : "") + CSVWriter(delimiter: "\t").document(header: header, rows: rows)
        case .json: json(header: header, rows: rows)
        }
    }

    static func json(header: [String], rows: [[String]]) -> String {
        guard !rows.isEmpty else { return "[]\n" }
        let keys = header.map(JSONText.quote)
        let objects = rows.map { row in
            "  {" + zip(keys, row).map { "\($0): \(JSONText.quote($1))" }.joined(separator: ", ") + "}"
        }
        return "[\n" + objects.joined(separator: ",\n") + "\n]\n"
    }
}

/// JSON string literals, escaped per RFC 8259 (and U+2028/2029, which some JavaScript parsers reject).
enum JSONText {
    static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}", "\u{2029}": out += "\\u\(hex(scalar.value))"
            default:
                if scalar.value < 0x20 { out += "\\u\(hex(scalar.value))" } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    private static func hex(_ v: UInt32) -> String {
        let digits = String(v, radix: 16, uppercase: false)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
