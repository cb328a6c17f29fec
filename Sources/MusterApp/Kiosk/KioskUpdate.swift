import CourseKit
import Foundation
import TerminalUI

extension KioskProgram {
    public func update(_ state: inout KioskState, _ action: KioskAction) -> [Effect<KioskAction>] {
        let time = now()
        switch action {
        case .resized(let size):
            state.size = size
            return []
        case .tick:
            state.followTimetable(at: time)
            pinWaitTick(&state, at: time)
            // The store's poll: as the writer the kiosk takes in other processes' marks; as a
            // guest it becomes the writer once the library's writer has gone.
            return [
                .run { [store] in
                    _ = try? store.poll(); return nil
                }
            ] + idleCheck(&state, at: time)
        case .timeout(let generation):
            guard generation == state.generation else { return [] }
            if case .paused = state.phase { state.message = nil }
            reset(&state)
            return []
        case .failed(let text):
            state.message = state.say("kiosk.error")
            state.phase = .welcome
            _ = text  // the details go to the log, not to the public screen
            return []
        case .matches(let query, let found, let more):
            guard query == state.query.text, case .welcome = state.phase else { return [] }  // typed on meanwhile
            state.matches = Array(found.prefix(state.policy.maxMatches))
            state.probing.show(state.matches.map(\.personID))
            state.moreMatches = more
            state.selection = min(state.selection, max(0, state.matches.count - 1))
            return []
        case .checkedIn(let match, let result):
            // A check-in used to wipe the log, so a prober could check in and start afresh; now
            // only the search that led to a new check-in goes uncounted. "Already checked in" and
            // "recorded as" count as given up: else checking one person in again and again would
            // make every search free.
            if case .checkedIn = result {
                state.probing.checkedIn(match.personID, at: time)
            } else {
                state.probing.abandon(at: time)
            }
            switch result {
            case .checkedIn(let event):
                state.phase = .success(
                    name: match.givenName, time: LocalTime.clock(event.arrival ?? event.recordedAt, in: state.context.zone),
                    already: false)
            case .alreadyCheckedIn(let at):
                state.phase = .success(name: match.givenName, time: LocalTime.clock(at, in: state.context.zone), already: true)
            case .recordedAs(let status):
                state.phase = .recordedAs(name: match.givenName, status: status)
            }
            let pause = pauseIfProbing(&state, at: time)
            return pause.isEmpty ? [timer(&state, after: state.policy.successSeconds)] : pause
        case .pinChecked(let ok):
            guard case .pin = state.phase else { return [] }
            if ok { return [.quit] }
            state.pinFailures += 1
            let delay = state.policy.pinDelay(afterFailures: state.pinFailures)
            state.pinBlockedUntil = delay > 0 ? time.addingTimeInterval(delay) : nil
            state.phase = .pin(TextField(maxLength: 32, mask: "•"))
            state.message = delay > 0 ? Self.pinWaitMessage(delay, state) : state.say("kiosk.pin.wrong")
            return []
        case .key(let key):
            state.lastActivity = time
            return handle(key, &state, at: time)
        }
    }

    func handle(_ key: Key, _ state: inout KioskState, at time: Date) -> [Effect<KioskAction>] {
        // A paste only ever goes into a text field, and never confirms or chooses anything.
        if case .paste = key, !state.phase.hasTextField { return [] }
        if key == .function(10) {
            if case .pin = state.phase { return [] }
            state.phase = .pin(TextField(maxLength: 32, mask: "•"))
            state.message = nil
            return []
        }
        switch state.phase {
        case .welcome:
            // The language key works on the welcome screen, open or closed: someone who cannot
            // read why check-in is closed needs it most.
            if key == KioskProgram.languageKey {
                state.switchLanguage()
                return []
            }
            // Between sessions there is nothing to check in to: the screen says when the next opens.
            guard state.context.checkInOpen else { return [] }
            return welcomeKey(key, &state, at: time)
        case .confirm(let match):
            switch key {
            case .enter, .char("y"), .char("Y"):
                return [
                    .run { [store, context = state.context] in
                        do {
                            return .checkedIn(match, try store.kiosk.checkIn(sessionID: context.sessionID, personID: match.personID))
                        } catch { return .failed("\(error)") }
                    }
                ]
            case .escape, .char("n"), .char("N"), .backspace:
                state.phase = .welcome
            default:
                break
            }
        case .success, .recordedAs:
            reset(&state)
            // The next person starts typing, unless check-in has closed meanwhile.
            if case .char = key, state.context.checkInOpen { return welcomeKey(key, &state, at: time) }
        case .notListed:
            if key == .enter && state.context.walkInsAllowed {
                var form = WalkInForm()
                form.fields[0].setText(state.query.text)
                state.phase = .walkIn(form)
            } else if key == .escape || key == .enter || key == .backspace {
                reset(&state)
            }
        case .walkIn(var form):
            return walkInKey(key, &form, &state)
        case .pin(var field):
            switch key {
            case .escape:
                state.phase = .welcome
                state.message = nil
            case .enter:
                if let until = state.pinBlockedUntil, until > time {
                    state.message = Self.pinWaitMessage(until.timeIntervalSince(time), state)
                    return []
                }
                let pin = field.text
                state.message = state.say("kiosk.pin.checking")
                // The count is on disk before the screen says "Wrong PIN": a restart right after
                // still knows about this try.
                return [
                    .run { [verifier, pinFailures] in
                        let ok = verifier.matches(pin)
                        if ok { pinFailures?.clear() } else { _ = try? pinFailures?.recordFailure(at: time) }
                        return .pinChecked(ok)
                    }
                ]
            default:
                // During a lock-out nothing is typed: digits kept from the wait would be sent with
                // the right PIN afterwards, fail it, and double the next wait.
                if let until = state.pinBlockedUntil, until > time { return [] }
                switch key {
                case .char, .paste, .backspace: _ = field.handle(key)
                default: break
                }
                state.phase = .pin(field)
            }
        case .paused(let until):
            if time >= until { reset(&state) }
        }
        return []
    }

    func welcomeKey(_ key: Key, _ state: inout KioskState, at time: Date) -> [Effect<KioskAction>] {
        switch key {
        case .up:
            state.selection = max(0, state.selection - 1)
        case .down, .tab:
            state.selection = min(max(0, state.matches.count - 1), state.selection + 1)
        case .enter:
            if state.matches.indices.contains(state.selection) {
                state.phase = .confirm(state.matches[state.selection])
            } else if state.probing.searching {
                state.probing.abandon(at: time)
                state.phase = .notListed
                return pauseIfProbing(&state, at: time)
            }
        case .escape:
            state.probing.abandon(at: time)
            clearQuery(&state)
            return pauseIfProbing(&state, at: time)
        case .char, .paste, .backspace, .delete, .left, .right, .home, .end, .ctrl("u"), .ctrl("w"):
            let before = state.query.text
            // Only plain editing keys: Ctrl-D, Ctrl-K and friends are not for a public kiosk.
            _ = state.query.handle(key)
            state.message = nil
            guard state.query.text != before else { return [] }
            return search(&state, at: time)
        default:
            break
        }
        return []
    }

    func search(_ state: inout KioskState, at time: Date) -> [Effect<KioskAction>] {
        state.selection = 0
        // Below three letters, or edited into another search: the last one was given up.
        if state.probing.queryChanged(to: state.query.text, at: time) {
            let pause = pauseIfProbing(&state, at: time)
            if !pause.isEmpty { return pause }
        }
        guard state.probing.searching else {
            state.matches = []
            state.moreMatches = false
            return []
        }
        let query = state.query.text
        let limit = state.policy.maxMatches
        return [
            .run { [store, courseID = state.context.courseID] in
                do {
                    let found = try store.kiosk.kioskMatches(query, courseID: courseID, limit: limit + 1)
                    return .matches(query: query, Array(found.prefix(limit)), more: found.count > limit)
                } catch {
                    return .failed("\(error)")
                }
            }
        ]
    }

    func walkInKey(_ key: Key, _ form: inout WalkInForm, _ state: inout KioskState) -> [Effect<KioskAction>] {
        switch key {
        case .escape:
            reset(&state)
            return []
        case .tab, .down:
            form.focus = (form.focus + 1) % form.fields.count
        case .backTab, .up:
            form.focus = (form.focus + form.fields.count - 1) % form.fields.count
        case .enter:
            if form.focus < form.fields.count - 1 {
                form.focus += 1
            } else {
                let values = form.fields.map(\.text)
                guard !(values[0] + values[1]).trimmingCharacters(in: .whitespaces).isEmpty else {
                    form.error = "kiosk.walkIn.noName"
                    form.focus = 0
                    state.phase = .walkIn(form)
                    return []
                }
                return [
                    .run { [store, context = state.context] in
                        do {
                            let (match, result) = try store.kiosk.registerWalkIn(
                                courseID: context.courseID, sessionID: context.sessionID,
                                givenName: values[0], familyName: values[1],
                                agency: values[2], country: values[3])
                            return .checkedIn(match, result)
                        } catch {
                            return .failed("\(error)")
                        }
                    }
                ]
            }
        case .char, .paste, .backspace, .delete, .left, .right, .home, .end:
            _ = form.fields[form.focus].handle(key)
            form.error = nil
        default:
            break
        }
        state.phase = .walkIn(form)
        return []
    }

    /// Back to an empty welcome screen, as after a check-in or when the next person walks up.
    func reset(_ state: inout KioskState) {
        state.phase = .welcome
        clearQuery(&state)
        state.generation += 1
    }

    func clearQuery(_ state: inout KioskState) {
        state.query.clear()
        state.matches = []
        state.moreMatches = false
        state.selection = 0
        state.probing.endUncounted()
    }

    /// Many people shown by searches given up in a short time look like someone reading the
    /// list name by name (`KioskProbing`, `KioskPolicy.abandonedDisclosureLimit`).
    func pauseIfProbing(_ state: inout KioskState, at time: Date) -> [Effect<KioskAction>] {
        guard let length = state.probing.pause(at: time, policy: state.policy) else { return [] }
        clearQuery(&state)
        state.phase = .paused(until: time.addingTimeInterval(length))
        return [timer(&state, after: length)]
    }

    /// While a wrong-PIN wait runs, the PIN screen counts it down each tick; when it ends the
    /// message goes and the (empty) field takes a PIN again. The failure count stays, so the
    /// next wrong PIN still waits longer.
    func pinWaitTick(_ state: inout KioskState, at time: Date) {
        guard let until = state.pinBlockedUntil else { return }
        guard until > time else {
            state.pinBlockedUntil = nil
            if case .pin = state.phase { state.message = nil }
            return
        }
        guard case .pin = state.phase else { return }
        state.message = Self.pinWaitMessage(until.timeIntervalSince(time), state)
    }

    /// "Wait 4 s before trying again.", rounded up so it never says 0 while still waiting.
    static func pinWaitMessage(_ remaining: TimeInterval, _ state: KioskState) -> String {
        state.say("kiosk.pin.wait", Int(remaining.rounded(.up)))
    }

    /// The key that switches the screen's language, shown on the welcome screen. Not a letter
    /// (letters are the name) and not Tab (it moves through the matches).
    public static let languageKey = Key.function(2)

    /// Idle: whoever walked away, the next person finds a clean welcome screen.
    func idleCheck(_ state: inout KioskState, at time: Date) -> [Effect<KioskAction>] {
        if case .paused(let until) = state.phase, time >= until { reset(&state); return [] }
        let idle = time.timeIntervalSince(state.lastActivity) >= state.policy.idleTimeout
        let pristine = state.phase == .welcome && state.query.isEmpty && state.message == nil
        guard idle, !pristine else { return [] }
        if case .paused = state.phase { return [] }
        state.probing.abandon(at: time)
        if case .pin = state.phase { state.message = nil }
        reset(&state)
        state.message = nil
        return []
    }

    func timer(_ state: inout KioskState, after seconds: TimeInterval) -> Effect<KioskAction> {
        state.generation += 1
        return .after(milliseconds: Int(seconds * 1000), .timeout(generation: state.generation))
    }
}
