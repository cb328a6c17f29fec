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
        let words = context.words
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
                    title: words.rollCall("late.title", person.displayName), question: words.rollCall("late.question"),
                    default: arrival, onSubmit: .late(personID: pid), words: words))
        case Command.departure:
            guard let person = selectedPerson?.person, let pid = person.id else { return [.bell] }
            guard let current = mark(of: pid), current.status.isAttending else {
                return context.fail(words.rollCall("departure.unmarked", person.displayName))
            }
            context.push(
                timePrompt(
                    title: words.rollCall("departure.title", person.displayName), question: words.rollCall("departure.question"),
                    default: AttendanceTimes.defaultDeparture(session: session, now: loaders.now()), onSubmit: .departure(personID: pid),
                    words: words))
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
                    title: words.rollCall("excused.title", person.displayName),
                    message: words.rollCall("excused.question"),
                    field: TextField(maxLength: 200, placeholder: words.rollCall("excused.placeholder")), onSubmit: .excuse(personID: pid)))
        case Command.allPresent:
            let ids = unmarkedIDs
            guard !ids.isEmpty else {
                context.note(words.rollCall("allPresent.none"))
                return []
            }
            let names = ids.count == 1 ? words.rollCall("allPresent.one") : words.rollCall("allPresent.many", ids.count)
            context.push(
                ConfirmState(
                    dialog: .confirm(
                        title: words.rollCall("allPresent.title"), message: words.rollCall("allPresent.question", names, session.title),
                        destructive: false),
                    onYes: .markAllPresent(personIDs: ids)))
        case Command.undo:
            guard let last = undoStack.last else {
                context.note(words.rollCall("undo.nothing"))
                return [.bell]
            }
            return [.run { loaders.undo(last) }]
        case Command.search:
            search = RollCallSearch(origin: selectedPerson?.person.id, words: words)
        case Command.nextMatch, Command.previousMatch:
            let matches = matches(lastQuery)
            guard !matches.isEmpty else {
                context.note(lastQuery.isEmpty ? words.app("search.none") : words.app("search.noMatch", lastQuery))
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
            guard !people.isEmpty else { return context.fail(words.rollCall("sheet.nobody")) }
            context.push(SheetEntryState(currentSheetID: data.sheetID, rows: data.sheet))
        case Command.cancel:
            if filter != .all {
                filter = .all
                refilter(keeping: selectedPerson?.person.id)
                context.note(words.rollCall("showing.all"))
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
        let words = context.words
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
            return context.say(words.rollCall("said.mark", name(outcome.event.personID), describe(outcome.event, words)))
        case .markedBatch(let batch) where batch.outcomes.first?.event.sessionID == data?.session.id:
            for outcome in batch.outcomes { apply(outcome) }
            undoStack.append(.batch(changeID: batch.changeID, count: batch.outcomes.count))
            refilter(keeping: selectedPerson?.person.id)
            return context.say(words.rollCall("said.batch", batch.outcomes.count))
        case .undoneBatch(let changeID, let outcomes) where outcomes.first?.event.sessionID == data?.session.id:
            undoStack.removeAll { $0.batchID == changeID }
            for outcome in outcomes { apply(outcome) }
            refilter(keeping: selectedPerson?.person.id)
            return context.say(outcomes.count == 1 ? words.rollCall("said.undid.one") : words.rollCall("said.undid.many", outcomes.count))
        // An undo reads the same whether `u` was pressed here or typed on the sheet.
        case .undone(let outcome) where outcome.event.sessionID == data?.session.id,
            .sheetEntry(.undone(let outcome)) where outcome.event.sessionID == data?.session.id:
            let now = untake(outcome, page: pageHeight(context.size), words: words)
            return context.say(words.rollCall("said.undid", name(outcome.event.personID), now))
        case .sheetEntry(.walkIn(let person, let outcome)) where outcome.event.sessionID == data?.session.id:
            // A new person: the roster is read again so their row appears; `u` undoes the mark.
            undoStack.append(.mark(outcome.event.id))
            return context.say(words.rollCall("said.walkIn", person.displayName, person.code, describe(outcome.event, words)))
                + load(context)
        case .sheetEntry(.marked(let outcome, _)) where outcome.event.sessionID == data?.session.id:
            // The person marked from the sheet is likely behind the panel: the selection stays put.
            let kept = selectedPerson?.person.id
            take(outcome)
            refilter(keeping: kept)
            return context.say(words.rollCall("said.mark", name(outcome.event.personID), describe(outcome.event, words)))
        case .markFilterChosen(let chosen):
            filter = chosen
            refilter(keeping: selectedPerson?.person.id)
            context.note(chosen == .all ? words.rollCall("showing.all") : words.rollCall("showing.only", chosen.name(words)))
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
    private mutating func untake(_ outcome: MarkOutcome, page: Int, words: Words) -> String {
        undoStack.removeAll { $0.holds(outcome.cancelled?.id) }
        apply(outcome)
        refilter(keeping: outcome.event.personID)
        select(personID: outcome.event.personID)
        table.ensureVisible(height: page)
        return outcome.current?.status.name(words) ?? words.rollCall("status.none")
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
        render(into: &buffer, body: body, theme: theme, words: Words(.en))
    }

    func render(into buffer: inout ScreenBuffer, body: Rect, theme: Theme, words: Words) -> HeaderLine {
        RollCallView.render(self, into: &buffer, body: body, theme: theme, words: words)
    }

    var searchLine: (field: TextField, status: String)? {
        guard let search else { return nil }
        let words = search.words
        let count = matches(search.field.text).count
        return (
            search.field,
            search.field.isEmpty
                ? words.app("search.keys") : count == 1 ? words.rollCall("search.one") : words.rollCall("search.many", count)
        )
    }

    func name(_ personID: Int64) -> String {
        // The sheet holds the staff too, whom the sheet entry can mark.
        (people.first { $0.person.id == personID } ?? data?.sheet.first { $0.person.id == personID })?.person.displayName ?? "?"
    }

    /// A question for a time on the session's day, its default filled in (Enter accepts it,
    /// the first digit typed replaces it).
    func timePrompt(title: String, question: String, default time: Date, onSubmit: PendingAction, words: Words) -> PromptState {
        guard let session = data?.session else {
            return PromptState(title: title, message: question, field: TextField(), onSubmit: onSubmit)
        }
        return PromptState(
            title: title, message: words.rollCall("time.question", question),
            field: TextField(text: LocalTime.clock(time, in: sessionZone), maxLength: 5, placeholder: "09:25"), onSubmit: onSubmit,
            expects: .clockTime(session, zone: sessionZone), replacesDefault: true)
    }

    /// How a committed mark reads in the status line; arrival and departure times in the
    /// session's time zone.
    func describe(_ event: AttendanceEvent, _ words: Words) -> String {
        let status = event.status.name(words)
        if let departure = event.departure, event.status.isAttending {
            let left = words.rollCall("describe.leftAt", LocalTime.clock(departure, in: sessionZone))
            return event.arrival.map { words.rollCall("describe.arrivedLeft", status, LocalTime.clock($0, in: sessionZone), left) }
                ?? words.rollCall("describe.left", status, left)
        }
        return switch event.status {
        case .late: event.arrival.map { words.rollCall("describe.lateArrived", LocalTime.clock($0, in: sessionZone)) } ?? status
        case .excused: event.note.isEmpty ? status : words.rollCall("describe.excusedBecause", event.note)
        case .cleared: words.rollCall("describe.cleared")
        default: status
        }
    }
}
