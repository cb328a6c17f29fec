import CourseKit
import Foundation
import TerminalUI

/// The update loop: app-wide actions here; everything else goes to the screens through
/// `dispatch`, which hands a screen its model and a context, then writes the model back and
/// applies what the handler asked of the app.
extension MusterProgram {
    public func update(_ state: inout AppState, _ action: AppAction) -> [Effect<AppAction>] {
        guard action.isInput else { return handle(action, &state) }
        // A message belongs to the screen it was said on. When a key or a click opens another
        // full screen or goes back to one, a message said before goes; a dialog opening over the
        // screen, or closing, leaves it; one said while handling the key stays ("Not saved" as a
        // form closes is for the screen beneath it).
        let before = state.message, depth = state.screens.count
        let kind = ObjectIdentifier(type(of: state.top.model)), dialogOnTop = state.top.isModal
        let effects = handle(action, &state)
        let changed = state.screens.count != depth || ObjectIdentifier(type(of: state.top.model)) != kind
        let dialogClosed = state.screens.count < depth && dialogOnTop
        if changed && !state.top.isModal && !dialogClosed && state.message == before { state.message = nil }
        return effects
    }

    func handle(_ action: AppAction, _ state: inout AppState) -> [Effect<AppAction>] {
        switch action {
        case .start:
            return startEffects(state)
        case .resized(let size):
            state.size = size
            return []
        case .clearMessage(let text):
            if state.message?.text == text && state.message?.isError == false { state.message = nil }
            return []
        case .pasteIgnored:
            let text = "Paste ignored — no text field here"
            state.message = StatusMessage(text)
            return [.after(milliseconds: 3000, .clearMessage(text))]
        case .failed(let text):
            state.message = StatusMessage(text, isError: true)
            return [.bell]
        case .tick:
            // The store's poll first: a writer takes in guests' marks (a kiosk's check-ins), a
            // guest whose writer left takes over; the screens' refresh then sees the change.
            return [.run { [loaders] in loaders.poll() }] + refreshEffects(state)
        case .command(let id):
            // An error stays until the next key; any command acknowledges it.
            if state.message?.isError == true { state.message = nil }
            if let effects = globalCommand(id, &state) { return effects }
            return dispatch(at: state.screens.count - 1, &state) { model, context in
                if model.moveList(id, size: context.size) { return model.listMoved(&context) }
                return model.command(id, &context)
            }
        case .key(let key):
            if state.message?.isError == true { state.message = nil }
            return dispatch(at: state.screens.count - 1, &state) { model, context in model.key(key, &context) }
        case .mouse(let event):
            guard !state.top.isModal else { return [] }
            return dispatch(at: state.screens.count - 1, &state) { model, context in
                model.mouse(event, size: context.size) ? model.listMoved(&context) : []
            }
        case .openForm(let form):
            state.screens.push(.form(form))
            return []
        case .changed(let record):
            // Said first: the form that saved it closes, and every screen reloads what it shows.
            state.changes.append(record.id)
            // A quota the change took over its limit is said at once, as a warning that stays
            // until the next key (the change itself is kept: a coordinator may mean it).
            let said = Self.sentence(record.summary(in: state.options.language))
            if !record.quotaWarnings.isEmpty {
                let warnings = record.quotaWarnings.map { $0.text(in: state.options.language) }
                let text = (warnings + [said]).joined(separator: " · ")
                state.message = StatusMessage(text, isError: true)
                return [.bell] + deliver(action, &state)
            }
            return announce(said, &state) + deliver(action, &state)
        case .changeUndone(let record):
            if let undone = record.undoes { state.changes.removeAll { $0 == undone } }
            let words = Words(state.options.language)
            return announce(words.app("change.undid", Self.undone(record, words.language)), &state) + deliver(action, &state)
        default:
            return deliver(action, &state)
        }
    }

    /// Commands that mean the same on every screen. Nil when the command is the screen's.
    func globalCommand(_ id: CommandID, _ state: inout AppState) -> [Effect<AppAction>]? {
        switch id {
        case Command.quit:
            return [.quit]
        case Command.redraw:
            return [.redraw]
        case Command.suspend:
            return [.suspend]
        case Command.help:
            let words = Words(state.options.language)
            state.screens.push(
                .help(
                    HelpOverlay(
                        keyMap: keyMap(in: state.options.language), contexts: state.top.keyContexts,
                        title: words.text("help.title", table: "Keys"))))
            return []
        case Command.back:
            if state.screens.pop() == nil { return [.quit] }
            return reloadTop(state)
        case Command.undoChange:
            // The run's change list is the app's, whichever coordinator screen `u` is pressed on.
            return dispatch(at: state.screens.count - 1, &state) { _, context in context.undoLastChange() }
        case Command.leave:
            if state.screens.isAtRoot { return [] }
            state.screens.pop()
            return reloadTop(state)
        default:
            return nil
        }
    }

    /// Results and posted actions go to the screens from the top down. Most are for one
    /// screen, and the first that takes one keeps it; those in `reachesEveryScreen` (a change,
    /// a mark) go to every screen that wants them.
    func deliver(_ action: AppAction, _ state: inout AppState) -> [Effect<AppAction>] {
        var effects: [Effect<AppAction>] = []
        var taken = false
        for index in state.screens.screens.indices.reversed() where index < state.screens.count {
            var handled = false
            effects += dispatch(at: index, &state) { model, context in
                let result = model.receive(action, &context)
                handled = result != nil
                // A change may touch anything a screen shows: every full screen reloads.
                let reload = action.isChange && !model.isModal ? model.load(context) : []
                return (result ?? []) + reload
            }
            taken = taken || handled
            if handled && !action.reachesEveryScreen { break }
        }
        if !taken { effects += unclaimed(action, &state) }
        return effects
    }

    /// What the app does with a result no screen took.
    func unclaimed(_ action: AppAction, _ state: inout AppState) -> [Effect<AppAction>] {
        switch action {
        case .formFailed(_, let message):
            // The form was closed before its save was refused: the refusal still shows.
            state.message = StatusMessage(message, isError: true)
            return [.bell]
        default:
            return []
        }
    }

    /// Runs one screen's handler on its model, writes the model back into the stack (the only
    /// place a screen is written back), then applies what the handler asked: the message, its
    /// dismissal, the screens it pushed and the actions it posted.
    func dispatch(
        at index: Int, _ state: inout AppState,
        _ handler: (inout any ScreenModel, inout ScreenContext) -> [Effect<AppAction>]
    ) -> [Effect<AppAction>] {
        guard state.screens.screens.indices.contains(index) else { return [] }
        var model = state.screens[index].model
        var context = context(for: index, in: state)
        var effects = handler(&model, &context)
        state.screens[index] = model.screen
        if let message = context.message { state.message = message }
        if context.dismissed { state.screens.remove(at: index) }
        for screen in context.pushed { state.screens.push(screen) }
        for action in context.posted { effects += update(&state, action) }
        return effects
    }

    /// After going back to a screen, refresh what it shows (marks may have changed above it).
    func reloadTop(_ state: AppState) -> [Effect<AppAction>] {
        state.top.model.load(context(for: state.screens.count - 1, in: state))
    }

    /// Every tick: the topmost screen that polls checks whether another process (a kiosk, a
    /// second facilitator) committed, and reloads what it shows if so.
    func refreshEffects(_ state: AppState) -> [Effect<AppAction>] {
        for index in state.screens.screens.indices.reversed() {
            if let effects = state.screens[index].model.refresh(context(for: index, in: state)) { return effects }
        }
        return []
    }

    /// The context of the screen at `index`: what it may read of the app, and, when a handler
    /// runs, what it asks of it.
    func context(for index: Int, in state: AppState) -> ScreenContext {
        var loaders = loaders
        loaders.language = state.options.language
        return ScreenContext(
            loaders: loaders, keyMap: keyMap, size: state.size, below: state.screens.screens[..<index].reversed(),
            changes: state.changes, words: Words(state.options.language))
    }

    func announce(_ text: String, _ state: inout AppState) -> [Effect<AppAction>] {
        state.message = StatusMessage(text)
        return [.after(milliseconds: 6000, .clearMessage(text))]
    }

    static func sentence(_ summary: String) -> String { summary.prefix(1).uppercased() + summary.dropFirst() }

    /// What an undo reversed, in `language`: the words the undo keeps of it, or, for an entry
    /// logged before words were kept, its English sentence after "undo: ".
    static func undone(_ record: ChangeRecord, _ language: Language) -> String {
        if let words = record.words, words.key == "undo", case .change(let inner)? = words.parts.first { return inner.text(in: language) }
        return record.summary.hasPrefix("undo: ") ? String(record.summary.dropFirst(6)) : record.summary
    }
}
