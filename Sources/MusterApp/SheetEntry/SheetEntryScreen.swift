import CourseKit
import Foundation
import TerminalUI

/// `#` on the roll call: the code-entry line over it. It reads the roll call beneath (its
/// people, session and undo stack) and writes nothing into it: a committed mark comes back as
/// `sheetEntry(…)`, which both this panel (its log) and the roll call (its row) take.
extension SheetEntryState: ScreenModel {
    var screen: Screen { .sheetEntry(self) }
    var isModal: Bool { true }

    /// Keys while typing marks: the line is a text field; Enter records, Esc leaves.
    mutating func key(_ key: Key, _ context: inout ScreenContext) -> [Effect<AppAction>] {
        guard let roll = context.below(RollCallState.self), let data = roll.data else {
            context.dismiss()
            return []
        }
        switch key {
        case .escape:
            context.dismiss()
            let n = log.filter { $0.status != nil }.count
            guard n > 0 else { return [] }
            return context.say(context.words.sheetEntry(n == 1 ? "said.recorded.one" : "said.recorded", n))
        case .enter where !loaded:
            return [.bell]
        case .enter where sheetID == nil:
            // Which sheet is being typed: Enter keeps today's, filled in.
            let typed = field.text.trimmingCharacters(in: .whitespaces).uppercased()
            sheetID = typed.isEmpty ? currentSheetID : typed
            field = TextField(maxLength: 120)
            problem = nil
            return []
        case .enter:
            switch SheetEntryState.understand(
                field.text, sheet: rows, numbersAllowed: numbersAllowed, session: data.session, zone: roll.sessionZone)
            {
            case .success(let mark):
                problem = nil
                field.clear()
                if let walkIn = mark.walkIn {
                    return [
                        .run { [loaders = context.loaders] in
                            loaders.sheetWalkIn(
                                data.session, given: walkIn.given, family: walkIn.family, country: walkIn.country, mark.status)
                        }
                    ]
                }
                guard let person = mark.entry?.person else { return [] }
                let previous = marks[person.id ?? 0]?.status
                return [
                    .run { [loaders = context.loaders] in
                        loaders.sheetMark(data.session, person, mark.status, arrival: mark.arrival, note: mark.note, previous: previous)
                    }
                ]
            case .failure(.undo):
                guard let last = roll.undoStack.last else {
                    problem = context.words.rollCall("undo.nothing")
                    return [.bell]
                }
                problem = nil
                field.clear()
                return [.run { [loaders = context.loaders] in loaders.sheetUndo(last) }]
            case .failure(.empty):
                return []
            case .failure(.refused(let why)):
                // The line stays as typed, to be corrected rather than typed again.
                problem = why.text(context.words)
                return [.bell]
            }
        default:
            guard field.handle(key) else { return [] }
            problem = nil
            return []
        }
    }

    /// A committed mark or undo: the log under the field says what was entered. The roll call
    /// beneath takes the same action for its row, counts and status line.
    mutating func receive(_ action: AppAction, _ context: inout ScreenContext) -> [Effect<AppAction>]? {
        if case .sheetRowsLoaded(let sheet) = action, let roll = context.below(RollCallState.self), sheet.sessionID == roll.data?.session.id
        {
            take(sheet)
            return []
        }
        guard case .sheetEntry(let result) = action, let roll = context.below(RollCallState.self), let data = roll.data else {
            return nil
        }
        let words = context.words
        let line: SheetEntryState.LogLine
        switch result {
        case .walkIn(let person, let outcome):
            guard outcome.event.sessionID == data.session.id else { return nil }
            marks[person.id ?? 0] = outcome.current
            line = .init(
                code: person.code, name: person.displayName, status: outcome.event.status,
                text: words.sheetEntry("log.walkIn", roll.describe(outcome.event, words)))
        case .marked(let outcome, let person, let previous):
            let event = outcome.event
            guard event.sessionID == data.session.id else { return nil }
            marks[event.personID] = outcome.current
            var text = roll.describe(event, words)
            if let previous, previous != .cleared { text = words.sheetEntry("log.was", text, previous.name(words)) }
            line = .init(code: person.code, name: person.displayName, status: event.status, text: text)
        case .undone(let outcome):
            marks[outcome.event.personID] = outcome.current
            let id = outcome.event.personID
            let person = rows.first { $0.person.id == id }?.person ?? roll.loadedRows.first { $0.person.id == id }?.person
            let now = outcome.current?.status.name(words) ?? words.rollCall("status.none")
            line = .init(
                code: person?.code ?? "?", name: person?.displayName ?? "?", status: nil, text: words.sheetEntry("log.undone", now))
        }
        log.append(line)
        if log.count > 200 { log.removeFirst(log.count - 200) }
        return []
    }

    func footerHints(_ words: Words) -> [FooterHint]? { SheetEntryView.hints(words) }

    func renderOverlay(into buffer: inout ScreenBuffer, theme: Theme, below: [Screen], words: Words) {
        let rollCall = below.lazy.compactMap { $0.model as? RollCallState }.first
        SheetEntryView.render(self, rollCall: rollCall, into: &buffer, theme: theme, words: words)
    }
}

extension Loaders {
    /// The roll call's own store call, with the paper source: the audit shows these marks came
    /// from the sheet, and a facilitator's source beats a kiosk check-in as the roll call does.
    func sheetMark(
        _ session: Session, _ person: Person, _ status: AttendanceStatus, arrival: Date?, note: String,
        previous: AttendanceStatus?
    ) -> AppAction {
        attempt {
            .sheetEntry(
                .marked(
                    try store.attendance.mark(
                        session: session, person: person, status: status, source: .paper,
                        arrival: arrival, note: note),
                    person: person, previous: previous))
        }
    }

    /// The session's printed sheet, read when the sheet entry opens: the expected people
    /// (staff too) in the sheet's order, its id, and their marks.
    func sheetRows(_ course: Course, _ session: Session) -> AppAction {
        attempt {
            let rows = SignInSheet.order(try store.rosters.roster(courseID: course.id!, expectedOnly: true))
            return .sheetRowsLoaded(
                SheetEntryRows(
                    sessionID: session.id!, rows: rows,
                    sheetID: SignInSheet.sheetID(sessionKey: session.key, codes: rows.map(\.person.code)),
                    marks: try store.attendance.marks(sessionID: session.id!)))
        }
    }

    /// The sheet's `u`: the roll call's last step, a mark (logged here) or a whole batch.
    /// A name from a blank line of the sheet: enrolled as a walk-in and marked in one transaction.
    func sheetWalkIn(_ session: Session, given: String, family: String, country: String, _ status: AttendanceStatus) -> AppAction {
        attempt {
            let (person, outcome) = try store.attendance.markWalkIn(
                session: session, givenName: given, familyName: family, country: country, status: status)
            return .sheetEntry(.walkIn(person, outcome))
        }
    }

    func sheetUndo(_ entry: RollCallUndo) -> AppAction {
        switch entry {
        case .mark(let eventID): attempt { .sheetEntry(.undone(try store.attendance.undo(eventID: eventID, source: .paper))) }
        case .batch: undo(entry)
        }
    }
}
