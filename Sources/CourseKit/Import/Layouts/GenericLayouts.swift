import Foundation

/// Any roster with a header: columns found by synonyms, keywords inside long questions (Google
/// Forms titles each column with its question), and `--map` overrides.
struct GenericLayout: RosterLayout {
    let countries = CountryCache()
    let columns: ColumnMap
    let limits: CSVLimits
    let width: Int

    init(header: CSVRecord, context: LayoutContext) throws {
        columns = try ColumnMap(header: header.fields, overrides: context.overrides)
        guard columns.hasName else {
            throw MusterError.importRefused(file: "", .noNameColumn(line: header.line))
        }
        limits = context.limits
        width = header.fields.count
    }

    func map(_ record: CSVRecord) -> RowOutcome {
        if let problem = Ragged.check(record, width: width) { return .rejected(line: problem.line, reason: problem.said) }
        return RowOutcome(columns.row(from: record, limits: limits, countries: countries))
    }
}

/// Indico's registration import: no header, exactly six columns in a fixed order.
struct IndicoImportLayout: RosterLayout {
    let countries = CountryCache()
    static let columns = ColumnMap(columns: [.given: 0, .family: 1, .agency: 2, .position: 3, .phone: 4, .email: 5])
    let limits: CSVLimits

    init(context: LayoutContext) { limits = context.limits }

    /// Six fields and an e-mail address last: a data row, not a header.
    static func looksLikeData(_ record: CSVRecord) -> Bool {
        record.fields.count == 6 && Email.isPlausible(Email.normalise(record.fields[5]))
    }

    func map(_ record: CSVRecord) -> RowOutcome {
        guard record.fields.count == 6 else {
            return .rejected(line: record.line, reason: RowReason("indico.columns", .number(record.fields.count)))
        }
        return RowOutcome(Self.columns.row(from: record, limits: limits, countries: countries))
    }
}

/// Rows with more fields than the header are refused unless the extra fields are empty: an
/// unquoted comma inside a name ("Tellei, Ana") shifts every later column, and importing that
/// would file an e-mail address under country. Short rows are fine (spreadsheets drop empty
/// trailing cells); the missing fields are empty.
enum Ragged {
    static func check(_ record: CSVRecord, width: Int) -> RowProblem? {
        guard record.fields.count > width, record.fields[width...].contains(where: { !$0.isEmpty }) else { return nil }
        return RowProblem(line: record.line, RowReason("ragged", .number(record.fields.count), .number(width)))
    }
}

extension RowOutcome {
    init(_ result: Result<ImportRow, RowProblem>) {
        switch result {
        case .success(let row): self = .row(row)
        case .failure(let p): self = .rejected(line: p.line, reason: p.said)
        }
    }
}
