import Foundation

/// Why a roster file was refused, as data: the command line and the terminal interface each
/// say it in their own voice, because the remedy differs (`--map`, `--skip-rejected` and
/// `--allow-erased` exist on the command line; the import dialog has a format chooser and a
/// preview instead). `description` is the command line's wording.
public enum ImportRefusal: Equatable, Sendable, CustomStringConvertible {
    /// No layout Muster knows and no generic header with a name column in the first rows.
    case notARoster(searchedRows: Int)
    /// Forced to the generic layout, and no header row has a name column.
    case noGenericHeader(searchedRows: Int)
    /// Forced to a named layout (`format`, its label), and its header is not in the first rows.
    case noHeader(format: String, searchedRows: Int)
    /// A header was found but names no column as the name (given, family or full).
    case noNameColumn(line: Int)
    /// A meeting report whose header has no join time.
    case noJoinTime(line: Int)
    /// `--map` named a column the header does not have.
    case mapColumnMissing(column: String, header: [String])
    /// `--map` given with a layout that does not take a mapping.
    case mapNeedsGenericFormat(format: String)
    /// Rows that cannot be imported, and the import was asked to be all or nothing.
    case rowsRejected(count: Int, first: [RowProblem])
    /// People erased at their request would come back (their lines, or codes).
    case erasedPeople(lines: [String])
    /// The file cannot be read as a table (a broken quote, a binary file…).
    case unreadable(CSVError)
    /// The file is larger than the import reads (`--max-megabytes` on the command line).
    case tooLarge(limitBytes: Int)

    public var description: String {
        switch self {
        case .notARoster(let rows):
            "not a roster Muster recognises: no header with a name column in the first \(rows) rows (try --format or --map)"
        case .noGenericHeader(let rows):
            "no header row with a name column in the first \(rows) rows; name the columns with --map COLUMN=FIELD"
        case .noHeader(let format, let rows):
            "no \(format) header found in the first \(rows) rows"
        case .noNameColumn(let line):
            "line \(line): no name column in the header; name one with --map COLUMN=name (or given/family)"
        case .noJoinTime(let line):
            "line \(line): the meeting report has no join time column"
        case .mapColumnMissing(let column, let header):
            "--map: no column '\(column)' in the header (\(header.prefix(12).joined(separator: ", ")))"
        case .mapNeedsGenericFormat(let format):
            "--map works with --format generic (or auto), not \(format)"
        case .rowsRejected(let count, let first):
            "\(Self.rejected(count, first)); nothing was imported. Fix the file, or import the other rows with --skip-rejected "
                + "(--dry-run lists them all)"
        case .erasedPeople(let lines):
            "\(Self.erased(lines)); nothing was imported. Remove them from the file, or pass --allow-erased only if they asked "
                + "to be registered again"
        case .unreadable(let error):
            error.description
        case .tooLarge(let limit):
            "line 1: \(Self.tooLargeText(limit))"
        }
    }

    /// The command line's words for a file over the limit, as the reader reports it too.
    public static func tooLargeText(_ limit: Int) -> String {
        "the file is larger than \(size(limit)) (the import limit; see --max-megabytes)"
    }

    /// "50 MB", "9 KB".
    public static func size(_ bytes: Int) -> String { bytes >= 1 << 20 ? "\(bytes >> 20) MB" : "\(bytes >> 10) KB" }

    /// "2 rows rejected (line 3: no name; line 7: matches 2 people)".
    public static func rejected(_ count: Int, _ first: [RowProblem]) -> String {
        let lines = first.prefix(3).map { "line \($0.line): \($0.reason)" }.joined(separator: "; ")
        return "\(count) row\(count == 1 ? "" : "s") rejected (\(lines)\(count > 3 ? "; …" : ""))"
    }

    /// "1 person was erased at their request (line 4)".
    public static func erased(_ lines: [String]) -> String {
        "\(lines.count) \(lines.count == 1 ? "person was" : "people were") erased at their request "
            + "(\(lines.prefix(3).joined(separator: ", "))\(lines.count > 3 ? ", …" : ""))"
    }
}
