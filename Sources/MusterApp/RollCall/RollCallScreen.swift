import CourseKit
import Foundation
import TerminalUI

/// The roll call's keys and results. Marks go to the database first; the screen changes only
/// when the committed write comes back with the mark the store derived, so what is shown is
/// always on disk and always what the whole log says.
extension RollCallState: PagedFind, PagedList {
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
            let count = unmarkedCount
            guard count > 0 else {
                context.note(words.rollCall("allPresent.none"))
                return []
            }
            let names = count == 1 ? words.rollCall("allPresent.one") : words.rollCall("allPresent.many", count)
            context.push(
                ConfirmState(
                    dialog: .confirm(
                        title: words.rollCall("allPresent.title"), message: words.rollCall("allPresent.question", names, session.title),
                        destructive: false),
                    onYes: .markAllPresent))
        case Command.undo:
            guard let last = undoStack.last else {
                context.note(words.rollCall("undo.nothing"))
                return [.bell]
            }
            return [.run { loaders.undo(last) }]
        case Command.search:
            search = ListSearch(origin: table.selection ?? 0, placeholder: words.rollCall("search.placeholder"), words: words)
        case Command.nextMatch, Command.previousMatch:
            return findNext(backwards: id == Command.previousMatch, &context)
        case Command.filter:
            context.push(FilterMenuState(current: filter))
        case Command.sheetEntry:
            guard data.counts.expected > 0 else { return context.fail(words.rollCall("sheet.nobody")) }
            context.push(SheetEntryState.loading())
            return [.run { [loaders = context.loaders] in loaders.sheetRows(data.course, data.session) }]
        case Command.cancel:
            if filter != .all {
                context.note(words.rollCall("showing.all"))
                return [reload(context, filter: .all, focusPerson: selectedPerson?.person.id, known: true)]
            }
        default:
            break
        }
        return []
    }

    mutating func key(_ key: Key, _ context: inout ScreenContext) -> [Effect<AppAction>] { searchKey(key, &context) }

    func person(at index: Int) -> Int64? { entry(at: index)?.person.id }

    func find(_ text: String, from start: Int, startPerson: Int64?, backwards: Bool, _ loaders: Loaders) -> Effect<AppAction>? {
        guard let query else { return nil }
        return .run { loaders.rollCallFind(query, text: text, from: start, startPerson: startPerson, backwards: backwards) }
    }

    mutating func listMoved(_ context: inout ScreenContext) -> [Effect<AppAction>] {
        fetchPages(context.loaders, page: pageHeight(context.size))
    }

    mutating func receive(_ action: AppAction, _ context: inout ScreenContext) -> [Effect<AppAction>]? {
        let words = context.words
        let height = pageHeight(context.size)
        let session = data?.session.id
        switch action {
        case .rollCallLoaded(let load)
        where load.data.course.code == courseCode && (sessionKey.isEmpty || sessionKey == load.data.session.key):
            sessionKey = load.data.session.key
            apply(load, pageHeight: height)
            return fetchPages(context.loaders, page: height)
        case .rollCallPageLoaded(let query, let page, let rows) where query == self.query:
            take(page: page, rows)
            return []
        case .rollCallCounted(let sessionID, let counts) where sessionID == session:
            data?.counts = counts
            return []
        case .rollCallFound(let query, let text, let index) where query == self.query:
            return found(text, at: index, &context)
        case .marked(let outcome, let name, let advance) where outcome.event.sessionID == session:
            markedNames[outcome.event.personID] = name
            let shown = filter.admits(outcome.current?.status)
            take(outcome)
            // Move on only if the row is still where it was: a filter that no longer shows the
            // person brings the next one to the same row when the roll call reloads.
            if advance, shown, selectedPerson?.person.id == outcome.event.personID { table.moveDown(height: height) }
            // Unfiltered, every row stays where it was: only the counts are read again.
            let reread: Effect<AppAction> =
                if filter == .all, let data {
                    .run { [loaders = context.loaders] in loaders.rollCallCounts(data) }
                } else {
                    reload(context, focusPerson: shown ? selectedPerson?.person.id : nil, known: true)
                }
            return context.say(words.rollCall("said.mark", name, describe(outcome.event, words))) + [reread]
        case .markedBatch(let batch) where batch.outcomes.first?.event.sessionID == session:
            for outcome in batch.outcomes { apply(outcome) }
            undoStack.append(.batch(changeID: batch.changeID, count: batch.outcomes.count))
            return context.say(words.rollCall("said.batch", batch.outcomes.count))
                + [reload(context, focusPerson: selectedPerson?.person.id, known: true)]
        case .undoneBatch(let changeID, let outcomes) where outcomes.first?.event.sessionID == session:
            undoStack.removeAll { $0.batchID == changeID }
            for outcome in outcomes { apply(outcome) }
            return context.say(outcomes.count == 1 ? words.rollCall("said.undid.one") : words.rollCall("said.undid.many", outcomes.count))
                + [reload(context, focusPerson: selectedPerson?.person.id, known: true)]
        // An undo reads the same whether `u` was pressed here or typed on the sheet.
        case .undone(let outcome) where outcome.event.sessionID == session,
            .sheetEntry(.undone(let outcome)) where outcome.event.sessionID == session:
            undoStack.removeAll { $0.holds(outcome.cancelled?.id) }
            apply(outcome)
            let now = outcome.current?.status.name(words) ?? words.rollCall("status.none")
            // The row shows what the log now says, selected.
            return context.say(words.rollCall("said.undid", name(outcome.event.personID), now))
                + [reload(context, focusPerson: outcome.event.personID, known: true)]
        case .sheetEntry(.walkIn(let person, let outcome)) where outcome.event.sessionID == session:
            // A new person: the roll call is read again so their row appears; `u` undoes the mark.
            undoStack.append(.mark(outcome.event.id))
            markedNames[outcome.event.personID] = person.displayName
            return context.say(words.rollCall("said.walkIn", person.displayName, person.code, describe(outcome.event, words)))
                + [reload(context, focusPerson: selectedPerson?.person.id)]
        case .sheetEntry(.marked(let outcome, let person, _)) where outcome.event.sessionID == session:
            // The person marked from the sheet is likely behind the panel: the selection stays put.
            markedNames[outcome.event.personID] = person.displayName
            take(outcome)
            return context.say(words.rollCall("said.mark", person.displayName, describe(outcome.event, words)))
                + [reload(context, focusPerson: selectedPerson?.person.id, known: true)]
        case .markFilterChosen(let chosen):
            context.note(chosen == .all ? words.rollCall("showing.all") : words.rollCall("showing.only", chosen.name(words)))
            return [reload(context, filter: chosen, focusPerson: selectedPerson?.person.id, known: true)]
        case .perform(.markAllPresent, _):
            guard let session = data?.session, let query else { return [] }
            return [.run { [loaders = context.loaders] in loaders.markAllPresent(session, query) }]
        case .perform(.late(let personID), let text):
            guard let session = data?.session, let person = loadedPerson(personID),
                let arrival = AttendanceTimes.clockTime(text, on: session, zone: sessionZone)
            else { return [] }
            return [.run { [loaders = context.loaders] in loaders.mark(session, person, .late, arrival: arrival, advance: true) }]
        case .perform(.departure(let personID), let text):
            guard let session = data?.session, let person = loadedPerson(personID),
                let time = AttendanceTimes.clockTime(text, on: session, zone: sessionZone)
            else { return [] }
            return [.run { [loaders = context.loaders] in loaders.departure(session, person, at: time) }]
        case .perform(.excuse(let personID), let note):
            guard let session = data?.session, let person = loadedPerson(personID) else { return [] }
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

    func load(_ context: ScreenContext) -> [Effect<AppAction>] {
        [reload(context, focusPerson: selectedPerson?.person.id)]
    }

    /// The effect that (re)loads the roll call under `filter` (the current one by default): the
    /// selection follows `focusPerson` while the filter shows them, else stays at its row.
    /// `known`: after this roll call's own action, what only others change is not read again.
    func reload(_ context: ScreenContext, filter: MarkFilter? = nil, focusPerson: Int64?, known: Bool = false) -> Effect<AppAction> {
        let (code, key, marks, index, height) = (
            courseCode, sessionKey, filter ?? self.filter, table.selection ?? 0, pageHeight(context.size)
        )
        let kept = known ? data : nil
        return .run { [loaders = context.loaders] in
            loaders.rollCall(
                code: code, sessionKey: key.isEmpty ? nil : key, filter: marks, focusPerson: focusPerson, focusIndex: index,
                pageHeight: height, known: kept)
        }
    }

    /// Another process's marks (a kiosk, a guest, a sync): reload in place when the library changed.
    func refresh(_ context: ScreenContext) -> [Effect<AppAction>]? {
        guard let data, case .run(let work) = reload(context, focusPerson: selectedPerson?.person.id) else { return nil }
        return [.run { [loaders = context.loaders] in loaders.versionIfChanged(since: data.version) != nil ? work() : nil }]
    }

    func pageEffect(_ page: Int, _ loaders: Loaders) -> Effect<AppAction>? {
        query.map { [total] query in .run { loaders.rollCallPage(query, page: page, total: total) } }
    }

    func render(into buffer: inout ScreenBuffer, body: Rect, theme: Theme) -> HeaderLine {
        render(into: &buffer, body: body, theme: theme, words: Words(.en))
    }

    func render(into buffer: inout ScreenBuffer, body: Rect, theme: Theme, words: Words) -> HeaderLine {
        RollCallView.render(self, into: &buffer, body: body, theme: theme, words: words)
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
