import Foundation

/// Teams' older attendance list (`meetingAttendanceList.csv`, UTF-16, tab-separated): `Full Name`,
/// `User Action`, `Timestamp`, one row per event, `Joined` (or `Joined before`, for people already
/// in when the list was downloaded) and `Left`.
///
/// A person's rows are paired in file order, each join with the next leave, into one `.meeting`
/// stretch per pair, so rejoins add up like Zoom's rows. A join never followed by a leave lasts until
/// the last time in the file (the list was downloaded with them still in), with a warning saying so.
struct TeamsAttendanceList: RosterLayout {
    let countries = CountryCache()
    let columns: ColumnMap
    let action: Int, timestamp: Int
    let context: LayoutContext

    static func recognises(_ h: [String]) -> Bool {
        h.contains("full name") && h.contains("user action") && h.contains("timestamp")
    }

    init(header: CSVRecord, context: LayoutContext) throws {
        let h = header.fields.map(HeaderText.normalise)
        var map = ColumnMap()
        map.columns[.name] = h.firstIndex(of: "full name")
        if let email = h.firstIndex(where: { ColumnMap.synonyms[.email]!.contains($0) }) { map.columns[.email] = email }
        columns = map
        guard let action = h.firstIndex(of: "user action"), let timestamp = h.firstIndex(of: "timestamp") else {
            throw MusterError.importRefused(file: "", .noJoinTime(line: header.line))
        }
        self.action = action
        self.timestamp = timestamp
        self.context = context
    }

    /// Unused: the list is read as a whole (`outcomes`), since a row alone is half a stretch.
    func map(_ record: CSVRecord) -> RowOutcome { .skipped(line: record.line, reason: RowReason("teams.pairs")) }

    func outcomes(_ body: ArraySlice<CSVRecord>, header: CSVRecord?) -> [RowOutcome] {
        var outcomes: [(Int, RowOutcome)] = []
        var open: [String: (row: ImportRow, join: TimeCandidates)] = [:]
        var openOrder: [String] = []
        var latest: TimeCandidates?
        for record in body where !record.isBlank {
            if record.fields == header?.fields {
                outcomes.append((record.line, .skipped(line: record.line, reason: RowReason("headerAgain"))))
                continue
            }
            let result = columns.row(from: record, limits: context.limits, countries: countries)
            guard case .success(let row) = result else {
                outcomes.append((record.line, RowOutcome(result)))
                continue
            }
            let time = ImportDates.candidates(record[timestamp], zone: context.zone)
            guard let first = time.dates.first else {
                outcomes.append(
                    (record.line, .rejected(line: record.line, reason: RowReason("teams.timestamp", .text(Cell.clean(record[timestamp]))))))
                continue
            }
            if latest.map({ first > $0.dates[0] }) ?? true { latest = time }
            let key = NameFolding.fold(row.displayName)
            switch HeaderText.normalise(record[action]) {
            case "joined", "joined before":
                if open[key] == nil {
                    open[key] = (row, time)
                    openOrder.append(key)
                } else {
                    outcomes.append(
                        (record.line, .skipped(line: record.line, reason: RowReason("teams.joinedAgain"))))
                }
            case "left":
                guard let (joinRow, join) = open.removeValue(forKey: key) else {
                    outcomes.append((record.line, .skipped(line: record.line, reason: RowReason("teams.leftFirst"))))
                    continue
                }
                openOrder.removeAll { $0 == key }
                outcomes.append((joinRow.line, .row(stretch(joinRow, join: join, leave: time))))
            default:
                outcomes.append(
                    (record.line, .rejected(line: record.line, reason: RowReason("teams.action", .text(Cell.clean(record[action])))))
                )
            }
        }
        for key in openOrder {
            guard let (row, join) = open[key], let latest else { continue }
            var still = stretch(row, join: join, leave: latest)
            still.warnings.append(RowReason("teams.noLeft"))
            outcomes.append((row.line, .row(still)))
        }
        return outcomes.sorted { $0.0 < $1.0 }.map(\.1)
    }

    private func stretch(_ row: ImportRow, join: TimeCandidates, leave: TimeCandidates) -> ImportRow {
        var row = row
        let minutes = max(0, (leave.dates.first ?? join.dates[0]).timeIntervalSince(join.dates[0]) / 60)
        row.attendance.append(.meeting(join: join, leave: leave, minutes: minutes))
        return row
    }
}
