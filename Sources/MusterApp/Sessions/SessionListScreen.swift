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

    func render(into buffer: inout ScreenBuffer, body: Rect, theme: Theme, words: Words) -> HeaderLine {
        SessionListView.render(self, into: &buffer, body: body, theme: theme, words: words)
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
    /// The columns titled in `words`' language. MODALITY is as wide as its title and its widest
    /// value in that language (Spanish "presencial" takes one more column than "in-person").
    static func columns(_ words: Words) -> [TableColumn] {
        let modality = ([words.sessions("column.modality")] + Modality.allCases.map { $0.name(words) }).map(DisplayWidth.of).max() ?? 9
        return [
            // Sessions span years: the date is written in full ("2024-05-07 09:00–10:15"), in the
            // session's zone; a session over several days shows its first and last day.
            TableColumn(words.sessions("column.when"), width: .fixed(22)),
            TableColumn(words.sessions("column.course"), width: .flexible(min: 10, weight: 2)),
            TableColumn(words.sessions("column.session"), width: .flexible(min: 10, weight: 3)),
            // Last, so a narrow terminal drops them first.
            TableColumn(words.sessions("column.kind"), width: .flexible(min: 6, weight: 1)),
            TableColumn(words.sessions("column.modality"), width: .fixed(max(9, modality))),
        ]
    }

    /// Only when a session is held in a zone other than its course's (`Session.needZoneColumn`,
    /// as `muster sessions` decides): its WHEN is then in that zone, and the column says which.
    /// As wide as the longest zone shown, up to 22 ("America/Argentina/Buenos_Aires" is cut).
    static func zoneColumn(_ rows: [SessionListRow], _ words: Words) -> TableColumn {
        let widest = rows.compactMap { $0.session.ownZone(in: $0.course)?.count }.max() ?? 4
        return TableColumn(words.sessions("column.zone"), width: .fixed(min(22, max(4, widest))))
    }

    static func render(_ s: SessionListState, into buffer: inout ScreenBuffer, body: Rect, theme: Theme, words: Words) -> HeaderLine {
        let courses = Set(s.rows.map(\.course.code)).count
        let zones = Session.needZoneColumn(s.rows.map { ($0.session, $0.course) })
        TableView(
            columns: columns(words) + (zones ? [zoneColumn(s.rows, words)] : []), state: s.table,
            emptyMessage: words.sessions(s.loaded ? "sessions.empty" : "sessions.loading"),
            row: { i in
                let row = s.rows[i]
                let zone = row.session.zone(in: row.course)
                return TableRow(
                    [
                        DateText.sessionWhen(row.session.start, row.session.end, in: zone), row.course.label, row.session.title,
                        row.session.kind.name(words), row.session.modality.name(words),
                    ] + (zones ? [row.session.ownZone(in: row.course) ?? ""] : []),
                    cellRoles: [.dim, nil, nil, .dim, .dim] + (zones ? [.accent] : []))
            }
        ).render(into: &buffer, rect: body, theme: theme)
        let trailing =
            s.rows.isEmpty
            ? ""
            : words.counted("sessions.count", in: "Sessions", s.rows.count) + " · "
                + words.counted("sessions.courses", in: "Sessions", courses)
        return HeaderLine(breadcrumbs: ["Muster", words.sessions("sessions.title")], trailing: trailing)
    }
}

extension Words {
    /// A text of the session list, or a session's kind or modality: `key` in `Sessions.strings`.
    func sessions(_ key: String, _ arguments: any CVarArg...) -> String { say(key, in: "Sessions", arguments) }

    /// "28 sessions", "1 session": `key` in `table`, or its ".one" form for a count of one, with
    /// the count. The course list, this list and the overview count with it.
    func counted(_ key: String, in table: String, _ n: Int) -> String { say(key + (n == 1 ? ".one" : ""), in: table, [n]) }
}

extension SessionKind {
    /// The kind as the screens show it ("module", "módulo"); the raw value stays the files'.
    func name(_ words: Words) -> String { words.sessions("kind.\(rawValue)") }
}

extension Modality {
    /// The modality as the screens show it ("in-person", "presencial").
    func name(_ words: Words) -> String { words.sessions("modality.\(rawValue)") }
}
