import CourseKit
import Foundation
import TerminalUI

/// The overview's keys: a session's roll call, the roster, the matrix, the quotas, an import,
/// and adding, editing or deleting sessions (never one with attendance recorded).
extension OverviewState: TableScreen {
    var screen: Screen { .overview(self) }
    var keyContexts: [String] { [KeyContext.overview, KeyContext.list, KeyContext.global] }

    func tableArea(body: Rect) -> Rect { Layout.belowInfoLine(body) }

    mutating func command(_ id: CommandID, _ context: inout ScreenContext) -> [Effect<AppAction>] {
        guard let data else { return [] }
        switch id {
        case Command.open:
            guard let session = selectedSession else { return [] }
            return context.open(RollCallState(courseCode: courseCode, sessionKey: session.key))
        case Command.roster:
            return context.open(RosterState(courseCode: courseCode, mode: .list))
        case Command.matrix:
            return context.open(RosterState(courseCode: courseCode, mode: .matrix, filter: RosterFilter(rollCallOnly: true)))
        case Command.nominations:
            return context.open(NominationsState(courseCode: courseCode))
        case Command.importRoster:
            context.push(ImportRosterState(courseCode: courseCode, courseLabel: data.course.label))
        case Command.add:
            context.push(FormBuilder.session(nil, course: data.course, defaultKey: "s\(data.sessions.count + 1)", words: context.words))
        case Command.edit:
            guard let session = selectedSession else { return [.bell] }
            context.push(FormBuilder.session(session, course: data.course, words: context.words))
        case Command.editOther:
            context.push(FormBuilder.course(data.course, words: context.words))
        case Command.delete:
            guard let session = selectedSession, let sessionID = session.id else { return [.bell] }
            let words = context.words
            if let counts = data.counts[sessionID], counts.marked > 0 {
                return context.fail(words.overview("delete.recorded", session.title))
            }
            let when = Format.shortDateTime(session.start, in: data.course.zone, words.language)
            context.push(
                ConfirmState(
                    dialog: .confirm(
                        title: words.overview("delete.title"),
                        message: words.overview("delete.question", session.key, session.title, when),
                        destructive: true),
                    onYes: .deleteSession(id: sessionID)))
        default:
            break
        }
        return []
    }

    mutating func receive(_ action: AppAction, _ context: inout ScreenContext) -> [Effect<AppAction>]? {
        switch action {
        case .overviewLoaded(let new) where new.course.code == courseCode:
            load(new)
            return []
        case .perform(.deleteSession(let id), _):
            return context.change { try $0.courses.deleteSession(id: id) }
        case .rosterImported(let code) where code == courseCode:
            // From the overview, the roster is where an import's result shows.
            return context.open(RosterState(courseCode: courseCode, mode: .list))
        default:
            return nil
        }
    }

    func load(_ context: ScreenContext) -> [Effect<AppAction>] {
        [.run { [loaders = context.loaders, courseCode] in loaders.overview(code: courseCode) }]
    }

    func refresh(_ context: ScreenContext) -> [Effect<AppAction>]? {
        guard let data else { return nil }
        return [
            .run { [loaders = context.loaders, courseCode] in
                loaders.versionIfChanged(since: data.version) != nil ? loaders.overview(code: courseCode) : nil
            }
        ]
    }

    func render(into buffer: inout ScreenBuffer, body: Rect, theme: Theme, words: Words) -> HeaderLine {
        OverviewView.render(self, into: &buffer, body: body, theme: theme, words: words)
    }
}

extension Loaders {
    func overview(code: String) -> AppAction {
        attempt {
            let version = try store.dataVersion()
            let course = try store.courses.course(code: code)
            let sessions = try store.courses.sessions(courseID: course.id!)
            // Counted in SQL over the derived marks, so a course of 100,000 opens as fast as one of 20.
            let expected = RosterQuery(courseID: course.id!, filter: RosterFilter(rollCallOnly: true))
            let counts = try store.attendance.markTotals(expected)
            let current = try store.courses.currentOrNextSession(courseID: course.id!)
            return .overviewLoaded(
                OverviewData(
                    course: course, sessions: sessions, counts: counts,
                    expected: try store.rosters.rosterCount(expected),
                    currentSessionID: current?.id, version: version))
        }
    }
}
