/// Writes RFC 4180 CSV (or TSV) that spreadsheets open safely.
///
/// A cell starting with `=`, `+`, `-`, `@`, tab or CR would be run as a formula by Excel or
/// LibreOffice ("=HYPERLINK(...)" in a name field); such cells get a leading `'`, which those
/// programs hide and Muster's importer strips again.
public struct CSVWriter: Sendable {
    public var delimiter: Character
    public var neutraliseFormulas: Bool

    public init(delimiter: Character = ",", neutraliseFormulas: Bool = true) {
        self.delimiter = delimiter
        self.neutraliseFormulas = neutraliseFormulas
    }

    public func line(_ cells: [String]) -> String {
        cells.map(cell).joined(separator: String(delimiter)) + "\r\n"
    }

    public func document(header: [String], rows: [[String]]) -> String {
        ([header] + rows).map(line).joined()
    }

    func cell(_ raw: String) -> String {
        var value = raw
        if neutraliseFormulas, let first = value.unicodeScalars.first, Self.formulaStarts.contains(first) {
            value = "'" + value
        }
        let needsQuotes =
            value.contains(delimiter) || value.contains("\"") || value.contains("\n")
            || value.contains("\r") || value.hasPrefix(" ") || value.hasSuffix(" ")
        guard needsQuotes else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]
}
