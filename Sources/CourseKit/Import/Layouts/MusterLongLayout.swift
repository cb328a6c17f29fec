import Foundation

/// Muster's own long attendance export (`AttendanceExport.longColumns`), read back without loss.
///
/// Each row names its participant by code, so people keep their codes; a row with a status is
/// one mark, re-created with its original `recorded_at`, `source` and `device`, so exporting the
/// imported library writes the same rows. Rows with an empty status (`--include-unmarked`) only
/// bring the person and the enrolment. The `note` and `actor` columns are optional: exports made
/// before they existed import as before, with empty notes and this library's actor.
struct MusterLongLayout: RosterLayout {
    let countries = CountryCache()
    let columns: ColumnMap
    let index: [String: Int]
    let context: LayoutContext

    static func recognises(_ h: [String]) -> Bool {
        ["course", "session", "participant", "status", "recorded_at"].allSatisfy(h.contains)
    }

    init(header: CSVRecord, context: LayoutContext) throws {
        let h = header.fields.map(HeaderText.normalise)
        var index: [String: Int] = [:]
        for (i, name) in h.enumerated() where index[name] == nil { index[name] = i }
        self.index = index
        let fields: [(RosterField, String)] = [
            (.code, "participant"), (.given, "given_name"), (.family, "family_name"),
            (.sex, "sex"), (.country, "country"), (.agency, "agency"), (.role, "role"),
        ]
        columns = ColumnMap(columns: Dictionary(uniqueKeysWithValues: fields.compactMap { f, name in index[name].map { (f, $0) } }))
        self.context = context
    }

    func map(_ record: CSVRecord) -> RowOutcome {
        func value(_ column: String) -> String { Cell.clean(record[index[column]]) }
        let course = value("course")
        guard course == context.courseCode else {
            return .rejected(line: record.line, reason: RowReason("long.otherCourse", .text(course), .text(context.courseCode)))
        }
        let result = columns.row(from: record, limits: context.limits, countries: countries)
        guard case .success(var row) = result else { return RowOutcome(result) }
        guard !row.code.isEmpty else { return .rejected(line: record.line, reason: RowReason("long.noCode")) }
        let statusText = value("status")
        guard !statusText.isEmpty else { return .row(row) }
        guard let status = AttendanceStatus(rawValue: statusText), status != .cleared else {
            return .rejected(line: record.line, reason: RowReason("long.status", .text(statusText)))
        }
        var times: [String: Date] = [:]
        for column in ["arrival", "departure", "recorded_at"] {
            let text = value(column)
            if text.isEmpty { continue }
            guard let date = ImportDates.exact(text, zone: context.zone) else {
                return .rejected(line: record.line, reason: RowReason("long.time", .text(column), .text(text)))
            }
            times[column] = date
        }
        guard let recorded = times["recorded_at"] else { return .rejected(line: record.line, reason: RowReason("long.noRecorded")) }
        guard let source = EventSource(rawValue: value("source")) else {
            return .rejected(
                line: record.line,
                reason: RowReason(
                    "long.source", .text(value("source")), .text(EventSource.allCases.map(\.rawValue).joined(separator: ", "))))
        }
        let session = value("session")
        guard !session.isEmpty else { return .rejected(line: record.line, reason: RowReason("long.noSession")) }
        row.attendance.append(
            .mark(
                MarkClaim(
                    session: .key(session), status: status, arrival: times["arrival"],
                    departure: times["departure"],
                    recorded: RecordedStamp(
                        at: recorded, source: source, device: value("device"),
                        actor: index["actor"] == nil ? nil : value("actor")),
                    note: index["note"] == nil ? "" : Cell.cleanNote(record[index["note"]]))))
        return .row(row)
    }
}
