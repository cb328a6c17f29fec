import CourseKit
import Foundation
import TerminalUI

extension MusterProgram {
    /// The roll call's commands. Marks go to the database first; the screen changes only when
    /// the committed event comes back (`rollCallResult`), so what is shown is always on disk.
    func rollCallCommand(_ id: CommandID, _ state: inout AppState, page: Int) -> [Effect<AppAction>] {
        guard var s = state.rollCall else { return [] }
        if Self.move(&s.table, id, page: page) {
            state.updateRollCall { $0 = s }
            return []
        }
        guard let data = s.data else { return [] }
        let session = data.session
        switch id {
        case Command.present, Command.absent, Command.late, Command.clear:
            guard let person = s.selectedPerson?.participant else { return [.bell] }
            let status: AttendanceStatus = switch id {
            case Command.present: .present
            case Command.absent: .absent
            case Command.late: .late
            default: .cleared
            }
            if status == .cleared && s.mark(of: person.id ?? 0) == nil { return [] }
            return [.run { [loaders] in loaders.mark(session, person, status, advance: status != .cleared) }]
        case Command.excused:
            guard let person = s.selectedPerson?.participant, let pid = person.id else { return [.bell] }
            state.screens.push(.prompt(PromptState(
                title: "Excused: \(person.displayName)",
                message: "Reason (optional) — Enter to record, Esc to cancel",
                field: TextField(maxLength: 200, placeholder: "e.g. ministry meeting"), onSubmit: .excuse(personID: pid))))
            return []
        case Command.allPresent:
            let ids = s.unmarkedIDs
            guard !ids.isEmpty else {
                state.message = StatusMessage("Everyone already has a mark")
                return []
            }
            let names = ids.count == 1 ? "1 unmarked participant" : "\(ids.count) unmarked participants"
            state.screens.push(.confirm(ConfirmState(
                dialog: .confirm(title: "Mark all present", message: "Mark \(names) present in \(session.title)?",
                                 destructive: false),
                onYes: .markAllPresent(personIDs: ids))))
            return []
        case Command.undo:
            guard let last = s.undoStack.last else {
                state.message = StatusMessage("Nothing to undo in this roll call")
                return [.bell]
            }
            return [.run { [loaders] in loaders.undo(last) }]
        case Command.search:
            s.search = RollCallSearch(origin: s.selectedPerson?.participant.id)
        case Command.nextMatch, Command.previousMatch:
            let matches = s.matches(s.lastQuery)
            guard !matches.isEmpty else {
                state.message = StatusMessage(s.lastQuery.isEmpty ? "No search yet — press / to find a name" : "No match for “\(s.lastQuery)”")
                return [.bell]
            }
            let current = s.table.selection ?? -1
            let target = id == Command.nextMatch
                ? matches.first { $0 > current } ?? matches[0]
                : matches.last { $0 < current } ?? matches[matches.count - 1]
            s.table.select(target)
            s.table.ensureVisible(height: page)
        case Command.filter:
            state.screens.push(.filterMenu(FilterMenuState(current: s.filter)))
            return []
        case Command.cancel:
            if s.filter != .all {
                s.filter = .all
                s.refilter(keeping: s.selectedPerson?.participant.id)
                state.message = StatusMessage("Showing everyone")
            }
        default:
            return []
        }
        state.updateRollCall { $0 = s }
        return []
    }

    /// Committed marks coming back from the database.
    func rollCallResult(_ result: AppAction, _ state: inout AppState) -> [Effect<AppAction>] {
        guard let s = state.rollCall, let data = s.data else { return [] }
        let page = Layout.pageHeight(for: .rollCall(s), size: state.size)
        var message = ""
        state.updateRollCall { s in
            switch result {
            case .marked(let outcome, let advance):
                let event = outcome.event
                guard event.sessionID == data.session.id else { return }
                let wasVisibleAt = s.table.selection
                s.apply(outcome)
                s.undoStack.append(event.id)
                s.refilter(keeping: event.participantID)
                // Move on only if the row is still where it was; a filter may already have hidden it.
                if advance, s.selectedPerson?.participant.id == event.participantID, s.table.selection == wasVisibleAt {
                    s.table.moveDown(height: page)
                }
                message = "\(name(event.participantID, in: s)): \(describe(event, zone: data.course.zone))"
            case .markedMany(let events):
                for outcome in events { s.apply(outcome); s.undoStack.append(outcome.event.id) }
                s.refilter(keeping: s.selectedPerson?.participant.id)
                message = "Marked \(events.count) present"
            case .undone(let outcome):
                let undo = outcome.event
                s.undoStack.removeAll { $0 == outcome.cancelled?.id }
                s.apply(outcome)
                s.refilter(keeping: undo.participantID)
                s.select(personID: undo.participantID)
                s.table.ensureVisible(height: page)
                let now = outcome.current?.status.rawValue ?? "no mark"
                message = "Undid \(name(undo.participantID, in: s)); now \(now)"
            default:
                break
            }
        }
        state.message = StatusMessage(message)
        return [.after(milliseconds: 4000, .clearMessage(message))]
    }

    func name(_ personID: Int64, in s: RollCallState) -> String {
        s.people.first { $0.participant.id == personID }?.participant.displayName ?? "?"
    }

    /// How a committed mark reads in the status line; arrival times in the course's time zone.
    func describe(_ event: AttendanceEvent, zone: TimeZone) -> String {
        switch event.status {
        case .late: event.arrival.map { "late, arrived \(LocalTime.clock($0, in: zone))" } ?? "late"
        case .excused: event.note.isEmpty ? "excused" : "excused (\(event.note))"
        case .cleared: "mark cleared"
        default: event.status.rawValue
        }
    }
}
