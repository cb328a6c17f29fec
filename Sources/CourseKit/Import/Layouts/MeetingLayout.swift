import Foundation

/// Online meeting reports: Zoom's participants report and Microsoft Teams' attendance report.
///
/// Zoom: an optional meeting block and a blank line, then `Name (Original Name)`, `User Email`
/// (newer: `Email`), `Join Time`, `Leave Time`, `Duration (Minutes)`, `Guest`, optional `In waiting
/// room`; one row per join, so rejoins are separate rows. Teams (UTF-16 LE with a BOM, tab-separated;
/// UTF-8 and commas when saved again from Excel): a `1. Summary` section, then `2. Participants`
/// with `Name`, `First Join`, `Last Leave`, `In-Meeting Duration` (`1h 13m 42s`), `Email`,
/// `Participant ID (UPN)`, `Role`, then `3. In-Meeting Activities` with `Name`, `Join Time`,
/// `Leave Time`, `Duration`, `Email`, `Role`: one row per join, like Zoom's. When that section is
/// there its rows are read instead of the participants' (First Join to Last Leave hides the time
/// someone was away). Older Teams wrote `Full Name`, `Join Time`, `Leave Time`, `Duration`, and
/// before that a join/leave list (`TeamsAttendanceList`).
///
/// Each row becomes one `.meeting` stretch; the planner splits a person's stretches over the
/// sessions they overlap (`MeetingCredit`). Waiting-room rows are skipped: being let in is not
/// attending. Organisers are skipped too: they run the meeting, they are not taking the course.
struct MeetingLayout: RosterLayout {
    let countries = CountryCache()
    let columns: ColumnMap
    let join: Int?, leave: Int?, duration: Int?, waitingRoom: Int?, upn: Int?, meetingRole: Int?
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
        meetingRole = h.firstIndex(of: "role")
        nameHasOriginal = map.columns[.name].map { h[$0].contains("(original name)") } ?? false
        self.context = context
        guard join != nil else { throw MusterError.importRefused(file: "", .noJoinTime(line: header.line)) }
    }

    /// A numbered section title ("3. In-Meeting Activities") ends the participants table.
    func continues(_ record: CSVRecord) -> Bool { !Self.isSectionTitle(record) }

    func map(_ record: CSVRecord) -> RowOutcome {
        if let waitingRoom, FieldWords.yes(record[waitingRoom]) == true {
            return .skipped(line: record.line, reason: RowReason("meeting.waiting"))
        }
        if let meetingRole, Self.isOrganiser(record[meetingRole]) {
            return .skipped(line: record.line, reason: RowReason("meeting.organiser"))
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
            return .rejected(line: record.line, reason: RowReason("meeting.joinTime", .text(Cell.clean(record[join]))))
        }
        let left = leave.map { ImportDates.candidates(record[$0], zone: context.zone) }.flatMap { $0.dates.isEmpty ? nil : $0 }
        var minutes = ImportDates.minutes(record[duration])
        if minutes == nil, let j = joined.dates.first, let l = left?.dates.first { minutes = max(0, l.timeIntervalSince(j) / 60) }
        guard let minutes else {
            return .rejected(line: record.line, reason: RowReason("meeting.noDuration"))
        }
        row.attendance.append(.meeting(join: joined, leave: left, minutes: minutes))
        return .row(row)
    }

    /// Teams' `Organizer` (and the British spelling a re-saved file may have).
    static func isOrganiser(_ role: String) -> Bool {
        let r = HeaderText.normalise(role)
        return r == "organizer" || r == "organiser"
    }

    /// Teams' new report: when an in-meeting activities section follows the participants, its
    /// join/leave rows are what the report says about each person's time; otherwise the table.
    func outcomes(_ body: ArraySlice<CSVRecord>, header: CSVRecord?) -> [RowOutcome] {
        if let (activities, rows) = Self.activitiesSection(body, context: context) {
            return activities.outcomes(rows, header: nil)
        }
        var outcomes: [RowOutcome] = []
        for record in body where !record.isBlank {
            if !continues(record) { break }
            outcomes.append(record.fields == header?.fields ? .skipped(line: record.line, reason: RowReason("headerAgain")) : map(record))
        }
        return outcomes
    }

    /// The layout of a later section whose header has a name, `Join Time` and `Leave Time`
    /// (Teams' `3. In-Meeting Activities`), and the records under it up to the next section.
    static func activitiesSection(_ body: ArraySlice<CSVRecord>, context: LayoutContext) -> (MeetingLayout, ArraySlice<CSVRecord>)? {
        var i = body.startIndex
        while i < body.endIndex {
            defer { i += 1 }
            guard isSectionTitle(body[i]) else { continue }
            guard let h = body[(i + 1)...].firstIndex(where: { !$0.isBlank }) else { return nil }
            let names = body[h].fields.map(HeaderText.normalise)
            guard names.contains("join time") && names.contains("leave time"),
                let layout = try? MeetingLayout(header: body[h], context: context), layout.columns.columns[.name] != nil
            else { continue }
            let rows = body[(h + 1)...]
            let end = rows.firstIndex(where: isSectionTitle) ?? rows.endIndex
            return (layout, rows[..<end])
        }
        return nil
    }

    /// "3. In-Meeting Activities": a number and a dot, nothing in the other fields.
    static func isSectionTitle(_ record: CSVRecord) -> Bool {
        let first = record.fields.first?.trimmingCharacters(in: .whitespaces) ?? ""
        guard let dot = first.firstIndex(of: "."), first.distance(from: first.startIndex, to: dot) <= 2, dot > first.startIndex else {
            return false
        }
        return first[..<dot].allSatisfy(\.isNumber) && record.fields.dropFirst().allSatisfy(\.isEmpty)
    }

    /// "Ana Tellei (Ana T)" → ("Ana Tellei", "Ana T"); a name without a trailing parenthesis is kept whole.
    static func splitOriginal(_ cell: String) -> (String, String) {
        let text = cell.trimmingCharacters(in: .whitespaces)
        guard text.hasSuffix(")"), let open = text.range(of: " (", options: .backwards) else { return (text, "") }
        return (String(text[..<open.lowerBound]), String(text[open.upperBound..<text.index(before: text.endIndex)]))
    }
}
