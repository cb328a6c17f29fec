import CourseKit
import Foundation
import TerminalUI

/// The roll call's keys and results. Marks go to the database first; the screen changes only
/// when the committed write comes back with the mark the store derived, so what is shown is
/// always on disk and always what the whole log says.
extension RollCallState: TableScreen {
    var screen: Screen { .rollCall(self) }
    var takesTyping: Bool { search != nil }
    var keyContexts: [String] { [KeyContext.rollCall, KeyContext.list, KeyContext.global] }

    func tableArea(body: Rect) -> Rect { Layout.belowInfoLine(body) }

    mutating func command(_ id: CommandID, _ context: inout ScreenContext) -> [Effect<AppAction>] {
        guard let data else { return [] }
        let session = data.session
        let loaders = context.loaders
        switch id {
        case Command.late:
            guard let person = selectedPerson?.person, let pid = person.id else { return [.bell] }
            // Confirming a kiosk check-in after an absent: the time they checked in, which the flag is about.
            let flagged = mark(of: pid).flatMap { $0.kioskAfterAbsent ? $0.arrival : nil }
            let arrival =
                flagged
                ?? AttendanceTimes.defaultArrival(session: session, lateAfterMinutes: data.course.lateAfterMinutes, now: loaders.now())
            context.push(
                timePrompt(
                    title: "Late: \(person.displayName)", question: "Arrived at", default: arrival, onSubmit: .late(personID: pid)))
        case Command.departure:
            guard let person = selectedPerson?.person, let pid = person.id else { return [.bell] }
            guard let current = mark(of: pid), current.status.isAttending else {
                return context.fail("\(person.displayName) is not marked present or late — mark them first, then d for the time they left")
            }
            context.push(
                timePrompt(
                    title: "Left early: \(person.displayName)", question: "Left at",
                    default: AttendanceTimes.defaultDeparture(session: session, now: loaders.now()), onSubmit: .departure(personID: pid)))
        case Command.present, Command.absent, Command.clear:
            guard let person = selectedPerson?.person else { return [.bell] }
            let status: AttendanceStatus =
                switch id {
                case Command.present: .present
                case Command.absent: .absent
                default: .cleared
                }
            if status == .cleared && mark(of: person.id ?? 0) == nil { return [] }
            return [.run { loaders.mark(session, person, status, advance: status != .cleared) }]
        case Command.excused:
            guard let person = selectedPerson?.person, let pid = person.id else { return [.bell] }
            context.push(
                PromptState(
                    title: "Excused: \(person.displayName)",
                    message: "Reason (optional) — Enter to record, Esc to cancel",
                    field: TextField(maxLength: 200, placeholder: "e.g. ministry meeting"), onSubmit: .excuse(personID: pid)))
        case Command.allPresent:
            let ids = unmarkedIDs
            guard !ids.isEmpty else {
                context.note("Everyone already has a mark")
                return []
            }
            let names = ids.count == 1 ? "1 unmarked participant" : "\(ids.count) unmarked participants"
            context.push(
                ConfirmState(
                    dialog: .confirm(
                        title: "Mark all present", message: "Mark \(names) present in \(session.title)?",
                        destructive: false),
                    onYes: .markAllPresent(personIDs: ids)))
        case Command.undo:
            guard let last = undoStack.last else {
                context.note("Nothing to undo in this roll call")
                return [.bell]
            }
            return [.run { loaders.undo(last) }]
        case Command.search:
            search = RollCallSearch(origin: selectedPerson?.person.id)
        case Command.nextMatch, Command.previousMatch:
            let matches = matches(lastQuery)
            guard !matches.isEmpty else {
                context.note(lastQuery.isEmpty ? "No search yet — press / to find a name" : "No match for “\(lastQuery)”")
                return [.bell]
            }
            let current = table.selection ?? -1
            let target =
                id == Command.nextMatch
                ? matches.first { $0 > current } ?? matches[0]
                : matches.last { $0 < current } ?? matches[matches.count - 1]
            table.select(target)
            table.ensureVisible(height: pageHeight(context.size))
        case Command.filter:
            context.push(FilterMenuState(current: filter))
        case Command.sheetEntry:
            guard !people.isEmpty else { return context.fail("Nobody is expected in this session — nothing to mark") }
            context.push(SheetEntryState(currentSheetID: data.sheetID, rows: data.sheet))
        case Command.cancel:
            if filter != .all {
                filter = .all
                refilter(keeping: selectedPerson?.person.id)
                context.note("Showing everyone")
            }
        default:
            break
        }
        return []
    }

    /// Incremental search: every key jumps to the first match; Enter keeps the place, Esc goes back.
    mutating func key(_ key: Key, _ context: inout ScreenContext) -> [Effect<AppAction>] {
        guard var search else { return [] }
        let page = pageHeight(context.size)
        switch key {
        case .escape:
            self.search = nil
            if let origin = search.origin { select(personID: origin) }
            table.ensureVisible(height: page)
            return []
        case .enter:
            lastQuery = search.field.text
            self.search = nil
            return []
        default:
            _ = search.field.handle(key)
        }
        self.search = search
        if let first = matches(search.field.text).first {
            table.select(first)
            table.ensureVisible(height: page)
        }
        return []
    }

    mutating func receive(_ action: AppAction, _ context: inout ScreenContext) -> [Effect<AppAction>]? {
        switch action {
        case .rollCallLoaded(let new) where new.course.code == courseCode && (sessionKey.isEmpty || sessionKey == new.session.key):
            sessionKey = new.session.key
            load(new)
            return []
        case .marksChanged(let sessionID, let marks, let version) where data?.session.id == sessionID:
            setMarks(marks, version: version)
            return []
        case .marked(let outcome, let advance) where outcome.event.sessionID == data?.session.id:
            let wasVisibleAt = table.selection
            take(outcome)
            refilter(keeping: outcome.event.personID)
            // Move on only if the row is still where it was; a filter may already have hidden it.
            if advance, selectedPerson?.person.id == outcome.event.personID, table.selection == wasVisibleAt {
                table.moveDown(height: pageHeight(context.size))
            }
            return context.say("\(name(outcome.event.personID)): \(describe(outcome.event))")
        case .markedBatch(let batch) where batch.outcomes.first?.event.sessionID == data?.session.id:
            for outcome in batch.outcomes { apply(outcome) }
            undoStack.append(.batch(changeID: batch.changeID, count: batch.outcomes.count))
            refilter(keeping: selectedPerson?.person.id)
            return context.say("Marked \(batch.outcomes.count) present")
        case .undoneBatch(let changeID, let outcomes) where outcomes.first?.event.sessionID == data?.session.id:
            undoStack.removeAll { $0.batchID == changeID }
            for outcome in outcomes { apply(outcome) }
            refilter(keeping: selectedPerson?.person.id)
            return context.say("Undid \(outcomes.count) mark\(outcomes.count == 1 ? "" : "s")")
        // An undo reads the same whether `u` was pressed here or typed on the sheet.
        case .undone(let outcome) where outcome.event.sessionID == data?.session.id,
            .sheetEntry(.undone(let outcome)) where outcome.event.sessionID == data?.session.id:
            let now = untake(outcome, page: pageHeight(context.size))
            return context.say("Undid \(name(outcome.event.personID)); now \(now)")
        case .sheetEntry(.walkIn(let person, let outcome)) where outcome.event.sessionID == data?.session.id:
            // A new person: the roster is read again so their row appears; `u` undoes the mark.
            undoStack.append(.mark(outcome.event.id))
            return context.say("\(person.displayName) (walk-in \(person.code)): \(describe(outcome.event))") + load(context)
        case .sheetEntry(.marked(let outcome, _)) where outcome.event.sessionID == data?.session.id:
            // The person marked from the sheet is likely behind the panel: the selection stays put.
            let kept = selectedPerson?.person.id
            take(outcome)
            refilter(keeping: kept)
            return context.say("\(name(outcome.event.personID)): \(describe(outcome.event))")
        case .markFilterChosen(let chosen):
            filter = chosen
            refilter(keeping: selectedPerson?.person.id)
            context.note(chosen == .all ? "Showing everyone" : "Showing \(chosen.rawValue) only — Esc shows everyone")
            return []
        case .perform(.markAllPresent(let ids), _):
            guard let session = data?.session else { return [] }
            let chosen = ids.compactMap { id in people.first { $0.person.id == id }?.person }
            return [.run { [loaders = context.loaders] in loaders.markAllPresent(session, chosen) }]
        case .perform(.late(let personID), let text):
            guard let session = data?.session, let person = people.first(where: { $0.person.id == personID })?.person,
                let arrival = AttendanceTimes.clockTime(text, on: session, zone: sessionZone)
            else { return [] }
            return [.run { [loaders = context.loaders] in loaders.mark(session, person, .late, arrival: arrival, advance: true) }]
        case .perform(.departure(let personID), let text):
            guard let session = data?.session, let person = people.first(where: { $0.person.id == personID })?.person,
                let time = AttendanceTimes.clockTime(text, on: session, zone: sessionZone)
            else { return [] }
            return [.run { [loaders = context.loaders] in loaders.departure(session, person, at: time) }]
        case .perform(.excuse(let personID), let note):
            guard let session = data?.session,
                let person = people.first(where: { $0.person.id == personID })?.person
            else { return [] }
            return [.run { [loaders = context.loaders] in loaders.mark(session, person, .excused, note: note, advance: true) }]
        default:
            return nil
        }
    }

    /// A committed mark: the row shows the mark the store derived, and `u` can undo it.
    private mutating func take(_ outcome: MarkOutcome) {
        apply(outcome)
        undoStack.append(.mark(outcome.event.id))
    }

    /// A committed undo: the row shows what the log now says, selected; returns it in words.
    private mutating func untake(_ outcome: MarkOutcome, page: Int) -> String {
        undoStack.removeAll { $0.holds(outcome.cancelled?.id) }
        apply(outcome)
        refilter(keeping: outcome.event.personID)
        select(personID: outcome.event.personID)
        table.ensureVisible(height: page)
        return outcome.current?.status.rawValue ?? "no mark"
    }

    func load(_ context: ScreenContext) -> [Effect<AppAction>] {
        [
            .run { [loaders = context.loaders, courseCode, sessionKey] in
                loaders.rollCall(code: courseCode, sessionKey: sessionKey.isEmpty ? nil : sessionKey)
            }
        ]
    }

    func refresh(_ context: ScreenContext) -> [Effect<AppAction>]? {
        guard let data, let id = data.session.id else { return nil }
        return [.run { [loaders = context.loaders] in loaders.marksIfChanged(sessionID: id, since: data.version) }]
    }

    func render(into buffer: inout ScreenBuffer, body: Rect, theme: Theme) -> HeaderLine {
        RollCallView.render(self, into: &buffer, body: body, theme: theme)
    }

    var searchLine: (field: TextField, status: String)? {
        guard let search else { return nil }
        let count = matches(search.field.text).count
        return (search.field, search.field.isEmpty ? "Esc cancel · Enter keep" : "\(count) match\(count == 1 ? "" : "es")")
    }

    func name(_ personID: Int64) -> String {
        // The sheet holds the staff too, whom the sheet entry can mark.
        (people.first { $0.person.id == personID } ?? data?.sheet.first { $0.person.id == personID })?.person.displayName ?? "?"
    }

    /// A question for a time on the session's day, its default filled in (Enter accepts it,
    /// the first digit typed replaces it).
    func timePrompt(title: String, question: String, default time: Date, onSubmit: PendingAction) -> PromptState {
        guard let session = data?.session else {
            return PromptState(title: title, message: question, field: TextField(), onSubmit: onSubmit)
        }
        return PromptState(
            title: title, message: "\(question) (HH:MM) — Enter to record, Esc to cancel",
            field: TextField(text: LocalTime.clock(time, in: sessionZone), maxLength: 5, placeholder: "09:25"), onSubmit: onSubmit,
            expects: .clockTime(session, zone: sessionZone), replacesDefault: true)
    }

    /// How a committed mark reads in the status line; arrival and departure times in the
    /// session's time zone.
    func describe(_ event: AttendanceEvent) -> String {
        if let departure = event.departure, event.status.isAttending {
            let left = "left at \(LocalTime.clock(departure, in: sessionZone))"
            return event.arrival.map { "\(event.status.rawValue), arrived \(LocalTime.clock($0, in: sessionZone)), \(left)" }
                ?? "\(event.status.rawValue), \(left)"
        }
        return switch event.status {
        case .late: event.arrival.map { "late, arrived \(LocalTime.clock($0, in: sessionZone))" } ?? "late"
        case .excused: event.note.isEmpty ? "excused" : "excused (\(event.note))"
        case .cleared: "mark cleared"
        default: event.status.rawValue
        }
    }
}
