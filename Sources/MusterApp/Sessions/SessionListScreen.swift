import CourseKit
import Foundation
import TerminalUI

/// One session of some course, as the session list shows it.
public struct SessionListRow: Sendable, Equatable {
    public var course: Course
    public var session: Session
}

/// `s` on the course list: every session of every course in time order, starting on the one
/// running now or next — for a facilitator who runs several courses and wants "what is on
/// now" in two keys. Enter takes its roll call.
public struct SessionListState: Sendable, Equatable {
    public var rows: [SessionListRow] = []
    public var table = TableState()
    /// False until the first load returns, so the screen can say "Loading…" instead of "none".
    public var loaded = false

    public init() {}

    public var selected: SessionListRow? { table.selection.flatMap { rows.indices.contains($0) ? rows[$0] : nil } }

    /// Takes the rows, keeping the selected session, or on the first load the `current` one.
    mutating func load(_ new: [SessionListRow], current: Int64?) {
        let keep = loaded ? selected?.session.id : current
        rows = new
        loaded = true
        table.setRowCount(new.count)
        if let keep, let i = new.firstIndex(where: { $0.session.id == keep }) { table.select(i) }
    }
}

extension SessionListState: TableScreen {
    var screen: Screen { .sessions(self) }
    var keyContexts: [String] { [KeyContext.sessions, KeyContext.list, KeyContext.global] }

    mutating func command(_ id: CommandID, _ context: inout ScreenContext) -> [Effect<AppAction>] {
        guard id == Command.open, let row = selected else { return [] }
        return context.open(RollCallState(courseCode: row.course.code, sessionKey: row.session.key))
    }

    mutating func receive(_ action: AppAction, _ context: inout ScreenContext) -> [Effect<AppAction>]? {
        switch action {
        case .sessionsLoaded(let rows, let current):
            load(rows, current: current)
            return []
        default:
            return nil
        }
    }

    func load(_ context: ScreenContext) -> [Effect<AppAction>] {
        [.run { [loaders = context.loaders] in loaders.allSessions() }]
    }

    func render(into buffer: inout ScreenBuffer, body: Rect, theme: Theme) -> HeaderLine {
        SessionListView.render(self, into: &buffer, body: body, theme: theme)
    }
}

extension Loaders {
    /// Every session of every course by start time, and the one running now or next.
    func allSessions() -> AppAction {
        attempt {
            let summaries = try store.courses.courseSummaries()
            var rows: [SessionListRow] = []
            for summary in summaries {
                rows += try store.courses.sessions(courseID: summary.course.id!).map { SessionListRow(course: summary.course, session: $0) }
            }
            rows.sort { ($0.session.start, $0.course.code, $0.session.key) < ($1.session.start, $1.course.code, $1.session.key) }
            let next = summaries.compactMap(\.nextSession).min { $0.start < $1.start }
            return .sessionsLoaded(rows, current: next?.id ?? rows.last?.session.id)
        }
    }
}

enum SessionListView {
    static let columns = [
        // Sessions span years: the date is written in full ("2024-05-07 09:00–10:15"), in the
        // session's zone; a session over several days shows its first and last day.
        TableColumn("WHEN", width: .fixed(22)),
        TableColumn("COURSE", width: .flexible(min: 10, weight: 2)),
        TableColumn("SESSION", width: .flexible(min: 10, weight: 3)),
        // Last, so a narrow terminal drops them first.
        TableColumn("KIND", width: .flexible(min: 6, weight: 1)),
        TableColumn("MODALITY", width: .fixed(9)),
    ]
    /// Only when a session is held in a zone other than its course's (`Session.needZoneColumn`,
    /// as `muster sessions` decides): its WHEN is then in that zone, and the column says which.
    /// As wide as the longest zone shown, up to 22 ("America/Argentina/Buenos_Aires" is cut).
    static func zoneColumn(_ rows: [SessionListRow]) -> TableColumn {
        let widest = rows.compactMap { $0.session.ownZone(in: $0.course)?.count }.max() ?? 4
        return TableColumn("ZONE", width: .fixed(min(22, max(4, widest))))
    }

    static func render(_ s: SessionListState, into buffer: inout ScreenBuffer, body: Rect, theme: Theme) -> HeaderLine {
        let courses = Set(s.rows.map(\.course.code)).count
        let zones = Session.needZoneColumn(s.rows.map { ($0.session, $0.course) })
        TableView(
            columns: columns + (zones ? [zoneColumn(s.rows)] : []), state: s.table,
            emptyMessage: s.loaded ? "No sessions in any course yet" : "Loading…",
            row: { i in
                let row = s.rows[i]
                let zone = row.session.zone(in: row.course)
                return TableRow(
                    [
                        DateText.sessionWhen(row.session.start, row.session.end, in: zone), row.course.label, row.session.title,
                        row.session.kind.rawValue, row.session.modality.rawValue,
                    ] + (zones ? [row.session.ownZone(in: row.course) ?? ""] : []),
                    cellRoles: [.dim, nil, nil, .dim, .dim] + (zones ? [.accent] : []))
            }
        ).render(into: &buffer, rect: body, theme: theme)
        let trailing = s.rows.isEmpty ? "" : "\(s.rows.count) sessions · \(courses) course\(courses == 1 ? "" : "s")"
        return HeaderLine(breadcrumbs: ["Muster", "Sessions"], trailing: trailing)
    }
}
