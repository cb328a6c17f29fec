import CourseKit
import Foundation
import TerminalUI

extension MusterProgram {
    /// `#` on the roll call: the code-entry line over it, for marks from a paper sign-in sheet.
    func openSheetEntry(_ state: inout AppState) -> [Effect<AppAction>] {
        guard let s = state.rollCall, s.data != nil else { return [.bell] }
        guard !s.people.isEmpty else {
            state.message = StatusMessage("Nobody is expected in this session — nothing to mark", isError: true)
            return [.bell]
        }
        state.screens.push(.sheetEntry(SheetEntryState()))
        return []
    }

    /// Keys while typing marks: the line is a text field; Enter records, Esc leaves.
    func sheetEntryKey(_ key: Key, _ e: SheetEntryState, _ state: inout AppState) -> [Effect<AppAction>] {
        var e = e
        guard let roll = state.rollCall, let data = roll.data else {
            state.screens.pop()
            return []
        }
        switch key {
        case .escape:
            state.screens.pop()
            let n = e.log.filter { $0.status != nil }.count
            if n > 0 {
                let text = "\(n) mark\(n == 1 ? "" : "s") from the sheet recorded; u undoes the last"
                state.message = StatusMessage(text)
                return [.after(milliseconds: 4000, .clearMessage(text))]
            }
            return []
        case .enter:
            switch SheetEntryState.understand(e.field.text, people: roll.people, session: data.session, zone: roll.sessionZone) {
            case .success(let mark):
                e.problem = nil
                e.field.clear()
                state.screens.top = .sheetEntry(e)
                let previous = roll.mark(of: mark.entry.participant.id ?? 0)?.status
                return [.run { [loaders] in
                    loaders.sheetMark(data.session, mark.entry.participant, mark.status, arrival: mark.arrival, note: mark.note,
                                      previous: previous)
                }]
            case .failure(.undo):
                guard let last = roll.undoStack.last else {
                    e.problem = "Nothing to undo in this roll call"
                    state.screens.top = .sheetEntry(e)
                    return [.bell]
                }
                e.problem = nil
                e.field.clear()
                state.screens.top = .sheetEntry(e)
                return [.run { [loaders] in loaders.sheetUndo(last) }]
            case .failure(.empty):
                return []
            case .failure(.message(let why)):
                // The line stays as typed, to be corrected rather than typed again.
                e.problem = why
                state.screens.top = .sheetEntry(e)
                return [.bell]
            }
        default:
            guard e.field.handle(key) else { return [] }
            e.problem = nil
            state.screens.top = .sheetEntry(e)
            return []
        }
    }

    /// A committed mark or undo: the roll call takes it as it takes its own (undo stack, counts,
    /// status line), and the log under the field says what was entered.
    func sheetEntryResult(_ result: SheetEntryResult, _ state: inout AppState) -> [Effect<AppAction>] {
        guard let roll = state.rollCall, let data = roll.data else { return [] }
        let zone = roll.sessionZone
        let line: SheetEntryState.LogLine
        let effects: [Effect<AppAction>]
        switch result {
        case .marked(let outcome, let previous):
            let event = outcome.event
            guard event.sessionID == data.session.id else { return [] }
            let person = roll.people.first { $0.participant.id == event.participantID }?.participant
            effects = rollCallResult(.marked(outcome, advance: false), &state)
            // The roll call would jump to the person marked, likely behind the panel; it stays put.
            if let kept = roll.selectedPerson?.participant.id { state.updateRollCall { $0.select(personID: kept) } }
            var text = describe(event, zone: zone)
            if let previous, previous != .cleared { text += " (was \(previous.rawValue))" }
            line = .init(code: person?.code ?? "?", name: person?.displayName ?? "?", status: event.status, text: text)
        case .undone(let outcome):
            let person = roll.people.first { $0.participant.id == outcome.event.participantID }?.participant
            effects = rollCallResult(.undone(outcome), &state)
            let now = outcome.current?.status.rawValue ?? "no mark"
            line = .init(code: person?.code ?? "?", name: person?.displayName ?? "?", status: nil, text: "undone; now \(now)")
        }
        state.screens.updateFirst { screen in
            guard case .sheetEntry(var e) = screen else { return false }
            e.log.append(line)
            if e.log.count > 200 { e.log.removeFirst(e.log.count - 200) }
            screen = .sheetEntry(e)
            return true
        }
        return effects
    }
}

extension RollCallState {
    /// The zone the session's times are written in: its own, else the course's.
    var sessionZone: TimeZone {
        data.map { $0.session.timeZone.flatMap(TimeZone.init(identifier:)) ?? $0.course.zone } ?? TimeZone(identifier: "UTC")!
    }
}

extension Loaders {
    /// The roll call's own store call, with the paper source: the audit shows these marks came
    /// from the sheet, and a facilitator's source beats a kiosk check-in as the roll call does.
    func sheetMark(_ session: Session, _ person: Participant, _ status: AttendanceStatus, arrival: Date?, note: String,
                   previous: AttendanceStatus?) -> AppAction {
        attempt {
            .sheetEntry(.marked(try store.attendance.mark(session: session, participant: person, status: status, source: .paper,
                                               arrival: arrival, note: note),
                                previous: previous))
        }
    }

    func sheetUndo(_ eventID: UUID) -> AppAction {
        attempt { .sheetEntry(.undone(try store.attendance.undo(eventID: eventID, source: .paper))) }
    }
}
