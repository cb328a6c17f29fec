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

    /// The English message.
    public var description: String { message(in: .en) }

    /// The command line's message in `language`, from the `Errors` catalogue.
    public func message(in language: Language) -> String {
        let words = Words(language)
        func say(_ key: String, _ arguments: any CVarArg...) -> String {
            words.format("import.\(key)", table: "Errors", arguments: arguments)
        }
        return switch self {
        case .notARoster(let rows): say("notARoster", rows)
        case .noGenericHeader(let rows): say("noGenericHeader", rows)
        case .noHeader(let format, let rows): say("noHeader", format, rows)
        case .noNameColumn(let line): say("noNameColumn", String(line))
        case .noJoinTime(let line): say("noJoinTime", String(line))
        case .mapColumnMissing(let column, let header): say("mapColumnMissing", column, header.prefix(12).joined(separator: ", "))
        case .mapNeedsGenericFormat(let format): say("mapNeedsGenericFormat", format)
        case .rowsRejected(let count, let first): say("rowsRejected", Self.rejected(count, first, language))
        case .erasedPeople(let lines): say("erasedPeople", Self.erased(lines, language))
        case .unreadable(let error): error.description
        case .tooLarge(let limit): say("tooLarge", Self.tooLargeText(limit, language))
        }
    }

    /// The command line's words for a file over the limit, as the reader reports it too.
    public static func tooLargeText(_ limit: Int, _ language: Language = .en) -> String {
        Words(language).format("import.tooLargeText", table: "Errors", size(limit))
    }

    /// "50 MB", "9 KB".
    public static func size(_ bytes: Int) -> String { bytes >= 1 << 20 ? "\(bytes >> 20) MB" : "\(bytes >> 10) KB" }

    /// "2 rows rejected (line 3: no name; line 7: matches 2 people)".
    public static func rejected(_ count: Int, _ first: [RowProblem], _ language: Language = .en) -> String {
        let words = Words(language)
        let lines = first.prefix(3).map { words.format("import.line", table: "Errors", String($0.line), $0.reason(in: language)) }.joined(
            separator: "; ")
        return words.format(
            count == 1 ? "import.rejected.one" : "import.rejected", table: "Errors", count, lines + (count > 3 ? "; …" : ""))
    }

    /// "1 person was erased at their request (line 4)".
    public static func erased(_ lines: [String], _ language: Language = .en) -> String {
        let list = lines.prefix(3).joined(separator: ", ") + (lines.count > 3 ? ", …" : "")
        return Words(language).format(lines.count == 1 ? "import.erased.one" : "import.erased", table: "Errors", lines.count, list)
    }
}
