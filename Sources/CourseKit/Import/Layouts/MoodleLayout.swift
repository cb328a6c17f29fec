import Foundation

/// Moodle's attendance export ("Download in text format"): tab-separated, a preamble (`Course`,
/// `Group`, a blank line), then `Last name` (older: `Surname`), `First name`, `Email address`,
/// optional identity columns, one column per session titled `07 May 2024 09.00AM All students`
/// (each perhaps followed by an untitled remarks column), and summary columns (P, L, E, A, Taken
/// sessions, Points, Percentage) that are derived and ignored.
///
/// Session cells read `P (2/2)`, `L (1/2)`, `E (1/2)`, `A (0/2)`: the letter is the mark (Moodle's
/// default acronyms). `?` (not taken) and empty (not applicable) bring no mark.
struct MoodleLayout: RosterLayout {
    let countries = CountryCache()
    let columns: ColumnMap
    /// Session columns and the start time their title gives, in the course's time zone.
    let sessions: [(index: Int, start: Date)]
    let limits: CSVLimits
    let width: Int

    static func recognises(_ h: [String]) -> Bool {
        h.contains("first name") && (h.contains("last name") || h.contains("surname"))
            && (h.contains("taken sessions") || h.contains { ImportDates.moodleSessionStart($0, zone: .gmt) != nil })
    }

    init(header: CSVRecord, context: LayoutContext) throws {
        columns = try ColumnMap(header: header.fields, keywords: false)
        sessions = header.fields.enumerated().compactMap { i, title in
            ImportDates.moodleSessionStart(title.trimmingCharacters(in: .whitespaces), zone: context.zone).map { (i, $0) }
        }
        limits = context.limits
        width = header.fields.count
    }

    func map(_ record: CSVRecord) -> RowOutcome {
        if let p = Ragged.check(record, width: width) { return .rejected(line: p.line, reason: p.said) }
        let result = columns.row(from: record, limits: limits, countries: countries)
        guard case .success(var row) = result else { return RowOutcome(result) }
        for (index, start) in sessions {
            let cell = Cell.clean(record[index])
            guard let letter = cell.first, letter != "?" else { continue }
            guard let status = Self.status(letter) else {
                row.warnings.append(RowReason("moodle.cell", .text(cell)))
                continue
            }
            row.attendance.append(.mark(MarkClaim(session: .start(start), status: status)))
        }
        return .row(row)
    }

    static func status(_ letter: Character) -> AttendanceStatus? {
        switch letter {
        case "P", "p": .present
        case "L", "l": .late
        case "E", "e": .excused
        case "A", "a": .absent
        default: nil
        }
    }
}
