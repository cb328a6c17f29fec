import Foundation

/// Online meeting reports: Zoom's participants report and Microsoft Teams' attendance report.
///
/// Zoom: an optional meeting block and a blank line, then `Name (Original Name)`, `User Email`
/// (newer: `Email`), `Join Time`, `Leave Time`, `Duration (Minutes)`, `Guest`, optional `In waiting
/// room`; one row per join, so rejoins are separate rows. Teams (UTF-16, tab-separated): a
/// `1. Summary` section, then `2. Participants` with `Name`, `First Join`, `Last Leave`,
/// `In-Meeting Duration` (`1h 13m 42s`), `Email`, `Person ID (UPN)`, `Role`, then
/// `3. In-Meeting Activities`, which ends the table. Older Teams wrote `Full Name`, `Join Time`,
/// `Leave Time`, `Duration`.
///
/// Each row becomes one `.meeting` stretch; the importer adds up a person's stretches per session
/// and applies the minimum-minutes rule. Waiting-room rows are skipped: being let in is not attending.
struct MeetingLayout: RosterLayout {
    let countries = CountryCache()
    let columns: ColumnMap
    let join: Int?, leave: Int?, duration: Int?, waitingRoom: Int?, upn: Int?
    /// The name column holds "Display Name (Original Name)".
    let nameHasOriginal: Bool
    let context: LayoutContext

    static func recognisesZoom(_ h: [String]) -> Bool {
        h.contains("join time") && h.contains("leave time") && h.contains { $0.hasPrefix("duration (minutes)") }
    }

    static func recognisesTeams(_ h: [String]) -> Bool {
        (h.contains("first join") && h.contains("last leave"))
            || (h.contains("full name") && h.contains("join time") && h.contains("leave time"))
    }

    init(header: CSVRecord, context: LayoutContext) throws {
        let h = header.fields.map(HeaderText.normalise)
        var map = try ColumnMap(header: header.fields, keywords: false)
        map.columns[.role] = nil  // Teams' Organizer/Presenter/Attendee say nothing about the course role
        if map.columns[.name] == nil, let i = h.firstIndex(where: { $0.hasPrefix("name") }) { map.columns[.name] = i }
        columns = map
        join = h.firstIndex { $0 == "join time" || $0 == "first join" }
        leave = h.firstIndex { $0 == "leave time" || $0 == "last leave" }
        duration = h.firstIndex { $0.hasPrefix("duration") || $0 == "in-meeting duration" }
        waitingRoom = h.firstIndex(of: "in waiting room")
        upn = h.firstIndex(of: "participant id (upn)")
        nameHasOriginal = map.columns[.name].map { h[$0].contains("(original name)") } ?? false
        self.context = context
        guard join != nil else { throw MusterError.importRefused(file: "", .noJoinTime(line: header.line)) }
    }

    /// A numbered section title ("3. In-Meeting Activities") ends the participants table.
    func continues(_ record: CSVRecord) -> Bool {
        let first = record.fields.first?.trimmingCharacters(in: .whitespaces) ?? ""
        guard let dot = first.firstIndex(of: "."), first.distance(from: first.startIndex, to: dot) <= 2 else { return true }
        return !(first[..<dot].allSatisfy(\.isNumber) && record.fields.dropFirst().allSatisfy(\.isEmpty))
    }

    func map(_ record: CSVRecord) -> RowOutcome {
        if let waitingRoom, FieldWords.yes(record[waitingRoom]) == true {
            return .skipped(line: record.line, reason: "in the waiting room")
        }
        var record = record
        var original = ""
        if nameHasOriginal, let i = columns.columns[.name], i < record.fields.count {
            (record.fields[i], original) = Self.splitOriginal(record.fields[i])
        }
        let result = columns.row(from: record, limits: context.limits, countries: countries)
        guard case .success(var row) = result else { return RowOutcome(result) }
        if !original.isEmpty { row.otherNames = [Cell.clean(original)] }
        if row.email.isEmpty, Email.isPlausible(Email.normalise(record[upn])) { row.email = Email.normalise(record[upn]) }
        let joined = ImportDates.candidates(record[join], zone: context.zone)
        guard !joined.dates.isEmpty else {
            return .rejected(line: record.line, reason: "join time '\(Cell.clean(record[join]))' not understood")
        }
        let left = leave.map { ImportDates.candidates(record[$0], zone: context.zone) }.flatMap { $0.dates.isEmpty ? nil : $0 }
        var minutes = ImportDates.minutes(record[duration])
        if minutes == nil, let j = joined.dates.first, let l = left?.dates.first { minutes = max(0, l.timeIntervalSince(j) / 60) }
        guard let minutes else {
            return .rejected(line: record.line, reason: "no duration and no leave time")
        }
        row.attendance.append(.meeting(join: joined, leave: left, minutes: minutes))
        return .row(row)
    }

    /// "Ana Tellei (Ana T)" → ("Ana Tellei", "Ana T"); a name without a trailing parenthesis is kept whole.
    static func splitOriginal(_ cell: String) -> (String, String) {
        let text = cell.trimmingCharacters(in: .whitespaces)
        guard text.hasSuffix(")"), let open = text.range(of: " (", options: .backwards) else { return (text, "") }
        return (String(text[..<open.lowerBound]), String(text[open.upperBound..<text.index(before: text.endIndex)]))
    }
}
