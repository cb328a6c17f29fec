import CourseKit
import Foundation
import TerminalUI

/// Add, edit, delete and undo on the course list and the overview. Deleting asks first, names
/// what goes, and is refused (saying why) where attendance was recorded.
extension MusterProgram {
    func courseListEdit(_ id: CommandID, _ s: CourseListState, _ state: inout AppState) -> [Effect<AppAction>] {
        switch id {
        case Command.findPerson:
            state.screens.push(.search(PeopleSearchState()))
        case Command.add:
            state.screens.push(.form(FormBuilder.course(nil)))
        case Command.edit:
            guard let course = s.selected?.course else { return [.bell] }
            state.screens.push(.form(FormBuilder.course(course)))
        case Command.delete:
            guard let summary = s.selected, let courseID = summary.course.id else { return [.bell] }
            state.screens.push(.confirm(ConfirmState(
                dialog: .confirm(title: "Delete course",
                                 message: "Delete \(summary.course.code) “\(summary.course.label)” with its \(summary.sessionCount) "
                                    + "sessions, its roster and its quotas? The people stay in the library. "
                                    + "Refused if any attendance was recorded. u undoes.",
                                 destructive: true),
                onYes: .deleteCourse(id: courseID))))
        case Command.undoChange:
            return undoLastChange(&state)
        default:
            break
        }
        return []
    }

    func overviewEdit(_ id: CommandID, _ s: OverviewState, _ state: inout AppState) -> [Effect<AppAction>] {
        guard let data = s.data else { return [] }
        switch id {
        case Command.roster:
            return openRoster(&state, code: s.courseCode, mode: .list)
        case Command.matrix:
            return openRoster(&state, code: s.courseCode, mode: .matrix, filter: RosterFilter(rollCallOnly: true))
        case Command.nominations:
            state.screens.push(.nominations(NominationsState(courseCode: s.courseCode)))
            return [.run { [loaders, code = s.courseCode] in loaders.nominations(code: code) }]
        case Command.add:
            state.screens.push(.form(FormBuilder.session(nil, course: data.course, defaultKey: "s\(data.sessions.count + 1)")))
        case Command.edit:
            guard let session = s.selectedSession else { return [.bell] }
            state.screens.push(.form(FormBuilder.session(session, course: data.course)))
        case Command.editOther:
            state.screens.push(.form(FormBuilder.course(data.course)))
        case Command.delete:
            guard let session = s.selectedSession, let sessionID = session.id else { return [.bell] }
            if let counts = data.counts[sessionID], counts.marked > 0 {
                state.message = StatusMessage("“\(session.title)” has attendance recorded; the attendance log is append-only, "
                                              + "so it cannot be deleted", isError: true)
                return [.bell]
            }
            let when = Format.shortDateTime(session.start, in: data.course.zone)
            state.screens.push(.confirm(ConfirmState(
                dialog: .confirm(title: "Delete session",
                                 message: "Delete \(session.key) “\(session.title)” (\(when))? It has no attendance. u undoes.",
                                 destructive: true),
                onYes: .deleteSession(id: sessionID))))
        case Command.undoChange:
            return undoLastChange(&state)
        default:
            break
        }
        return []
    }

    /// What "yes" does for the coordinator's confirmations; nil for the roll call's own.
    func performEdit(_ pending: PendingAction) -> [Effect<AppAction>]? {
        switch pending {
        case .deleteCourse(let id):
            return [.run { [loaders] in loaders.change { try $0.courses.deleteCourse(id: id) } }]
        case .deleteSession(let id):
            return [.run { [loaders] in loaders.change { try $0.courses.deleteSession(id: id) } }]
        case .removeEnrolment(let courseID, let personID):
            return [.run { [loaders] in loaders.change { try $0.nominations.removeEnrolment(courseID: courseID, personID: personID) } }]
        default:
            return nil
        }
    }

    /// After a change: every screen on the stack reloads what it shows.
    func reloadAll(_ state: AppState) -> [Effect<AppAction>] {
        state.screens.screens.flatMap { screen -> [Effect<AppAction>] in
            switch screen {
            case .courses: [.run { [loaders] in loaders.courses() }]
            case .overview(let s): [.run { [loaders] in loaders.overview(code: s.courseCode) }]
            case .roster(let s): [reload(s, state, query: s.query, focusPerson: s.selected?.participant.id)]
            case .person(let s): [.run { [loaders] in loaders.person(s.personID) }]
            case .nominations(let s): [.run { [loaders] in loaders.nominations(code: s.courseCode) }]
            default: []
            }
        }
    }
}
