import CourseKit
import Foundation
import TerminalUI

/// What one screen is: its state, and everything about it — keys and key contexts, commands,
/// what it loads and reloads, its table area, its results and its drawing.
///
/// A screen's state type conforms and lives in the screen's own folder. `Screen` (in
/// `Screen.swift`) is the registry: one exhaustive switch maps each case to its model, and the
/// update loop writes a model back into the stack after every handler, so no handler ever
/// writes a screen back itself. A handler changes the app around it only through its
/// `ScreenContext`: a message, a screen to push, itself to dismiss, an action to post to the
/// screens beneath it (the sheet entry's mark reaching the roll call, a change reloading its
/// parents). See docs/SCREENS.md.
protocol ScreenModel: Sendable, Equatable {
    /// This state wrapped in its `Screen` case.
    var screen: Screen { get }

    /// Modal screens (dialogs, prompts, menus, forms) are drawn over the screen below.
    var isModal: Bool { get }
    /// Screens that take raw keys for typing rather than commands from the key table.
    var takesTyping: Bool { get }
    /// The key-table contexts in force, most specific first.
    var keyContexts: [String] { get }

    /// The rows the list keys and the mouse move in, nil for a screen without a list.
    var list: TableState? { get set }
    /// Where the list is drawn within the body: one source for drawing, paging and mouse hits.
    func tableArea(body: Rect) -> Rect
    /// Rows of data the list shows at this size: what a page moves by.
    func pageHeight(_ size: Size) -> Int

    /// A command from the key table (list movement is handled before this is asked).
    mutating func command(_ id: CommandID, _ context: inout ScreenContext) -> [Effect<AppAction>]
    /// A raw key, for screens that take typing.
    mutating func key(_ key: Key, _ context: inout ScreenContext) -> [Effect<AppAction>]
    /// After the list moved (a key or the mouse): the roster fetches the pages it now needs.
    mutating func listMoved(_ context: inout ScreenContext) -> [Effect<AppAction>]
    /// A result or a posted action. Nil when it is not for this screen.
    mutating func receive(_ action: AppAction, _ context: inout ScreenContext) -> [Effect<AppAction>]?

    /// What the screen loads when opened, and again when shown again or after a change.
    func load(_ context: ScreenContext) -> [Effect<AppAction>]
    /// On each tick: the check for another process's commits, nil when this screen does not poll.
    func refresh(_ context: ScreenContext) -> [Effect<AppAction>]?

    /// Draws a full screen's body and returns its header line.
    func render(into buffer: inout ScreenBuffer, body: Rect, theme: Theme) -> HeaderLine
    /// Draws a full screen's body in `words`' language. The renderer calls this one; a screen
    /// not yet translated keeps only the form above, which this defaults to (see docs/SCREENS.md).
    func render(into buffer: inout ScreenBuffer, body: Rect, theme: Theme, words: Words) -> HeaderLine
    /// Draws a modal screen over what is below it (`below`: the screens beneath, nearest first).
    func renderOverlay(into buffer: inout ScreenBuffer, theme: Theme, below: [Screen])
    /// Draws a modal in `words`' language; defaults to the form above, like `render`.
    func renderOverlay(into buffer: inout ScreenBuffer, theme: Theme, below: [Screen], words: Words)
    /// A modal's own footer: dialogs take raw keys, so they name the keys they really answer.
    var footerHints: [FooterHint]? { get }
    /// A modal's own footer in `words`' language; defaults to `footerHints`.
    func footerHints(_ words: Words) -> [FooterHint]?
    /// The search line that replaces the footer while typing a search, like vi's and less's '/'.
    var searchLine: (field: TextField, status: String)? { get }
    /// A text field has the focus, so a paste (`Key.paste`) goes into it. Everywhere else a
    /// paste is dropped before the screen sees it: pasted text is never commands, and its
    /// newline never confirms a dialog.
    var acceptsPaste: Bool { get }
}

extension ScreenModel {
    var isModal: Bool { false }
    var takesTyping: Bool { isModal }
    var keyContexts: [String] { [KeyContext.global] }
    var list: TableState? {
        get { nil }
        set {}
    }
    func tableArea(body: Rect) -> Rect { body }
    mutating func command(_ id: CommandID, _ context: inout ScreenContext) -> [Effect<AppAction>] {
        if isModal && id == Command.cancel { context.dismiss() }
        return []
    }
    mutating func key(_ key: Key, _ context: inout ScreenContext) -> [Effect<AppAction>] { [] }
    mutating func listMoved(_ context: inout ScreenContext) -> [Effect<AppAction>] { [] }
    mutating func receive(_ action: AppAction, _ context: inout ScreenContext) -> [Effect<AppAction>]? { nil }
    func load(_ context: ScreenContext) -> [Effect<AppAction>] { [] }
    func refresh(_ context: ScreenContext) -> [Effect<AppAction>]? { nil }
    func render(into buffer: inout ScreenBuffer, body: Rect, theme: Theme) -> HeaderLine { HeaderLine(breadcrumbs: ["Muster"]) }
    func render(into buffer: inout ScreenBuffer, body: Rect, theme: Theme, words: Words) -> HeaderLine {
        render(into: &buffer, body: body, theme: theme)
    }
    func renderOverlay(into buffer: inout ScreenBuffer, theme: Theme, below: [Screen]) {}
    func renderOverlay(into buffer: inout ScreenBuffer, theme: Theme, below: [Screen], words: Words) {
        renderOverlay(into: &buffer, theme: theme, below: below)
    }
    var footerHints: [FooterHint]? { nil }
    func footerHints(_ words: Words) -> [FooterHint]? { footerHints }
    var searchLine: (field: TextField, status: String)? { nil }
    var acceptsPaste: Bool { searchLine != nil }

    func pageHeight(_ size: Size) -> Int { max(1, tableArea(body: Layout.body(size)).height - 1) }

    /// Moves the list for the list commands; false when `id` is not one or there is no list.
    mutating func moveList(_ id: CommandID, size: Size) -> Bool {
        guard var table = list else { return false }
        let page = pageHeight(size)
        switch id {
        case Command.down: table.moveDown(height: page)
        case Command.up: table.moveUp(height: page)
        case Command.pageDown: table.pageDown(height: page)
        case Command.pageUp: table.pageUp(height: page)
        case Command.halfDown: table.halfPageDown(height: page)
        case Command.halfUp: table.halfPageUp(height: page)
        case Command.first: table.home(height: page)
        case Command.last: table.end(height: page)
        default: return false
        }
        list = table
        return true
    }

    /// A click selects a row, the wheel scrolls; false when the event changed nothing.
    mutating func mouse(_ event: MouseEvent, size: Size) -> Bool {
        guard var table = list else { return false }
        let page = pageHeight(size)
        let rect = tableArea(body: Layout.body(size))
        switch event.kind {
        case .wheelDown: table.moveDown(by: 3, height: page)
        case .wheelUp: table.moveUp(by: 3, height: page)
        case .press:
            let row = event.at.y - rect.y - 1 + table.visibleOffset(height: page)
            guard rect.contains(event.at), event.at.y > rect.y, row >= 0, row < table.rowCount else { return false }
            table.select(row)
        case .release: return false
        }
        list = table
        return true
    }
}

/// A screen whose list is its `table`: the list keys and the mouse move it.
protocol TableScreen: ScreenModel {
    var table: TableState { get set }
}

extension TableScreen {
    var list: TableState? {
        get { table }
        set { if let newValue { table = newValue } }
    }
}

/// What a screen's handler may do to the app around it. The update loop applies it after the
/// handler returns: the message, the dismissal, the pushes, then the posted actions.
struct ScreenContext {
    let loaders: Loaders
    let keyMap: KeyMap
    let size: Size
    /// The screens beneath the one handling, nearest first: read them, never write them.
    let below: [Screen]
    /// Logged changes made in this run, newest last (what `u` on a coordinator screen undoes).
    let changes: [Int64]
    /// The app's language: every message a handler says, and every dialog it opens, in these words.
    let words: Words
    /// The message to show; nil leaves the current one.
    var message: StatusMessage?
    private(set) var pushed: [Screen] = []
    private(set) var dismissed = false
    private(set) var posted: [AppAction] = []

    init(loaders: Loaders, keyMap: KeyMap, size: Size, below: [Screen], changes: [Int64], words: Words = Words(.en)) {
        self.loaders = loaders; self.keyMap = keyMap; self.size = size; self.below = below; self.changes = changes
        self.words = words
    }

    /// Pushes a screen above the stack.
    mutating func push(_ model: some ScreenModel) { pushed.append(model.screen) }

    /// Pushes a screen and returns what it loads.
    mutating func open(_ model: some ScreenModel) -> [Effect<AppAction>] {
        push(model)
        return model.load(self)
    }

    /// Removes the screen whose handler is running.
    mutating func dismiss() { dismissed = true }

    /// An action for the screens beneath (and the app), handled as soon as this handler returns.
    mutating func post(_ action: AppAction) { posted.append(action) }

    /// Shows information that fades after `milliseconds`.
    mutating func say(_ text: String, fadingAfter milliseconds: Int = 4000) -> [Effect<AppAction>] {
        message = StatusMessage(text)
        return [.after(milliseconds: milliseconds, .clearMessage(text))]
    }

    /// Shows information that stays until the next message.
    mutating func note(_ text: String) { message = StatusMessage(text) }

    /// Shows an error (it stays until the next key) and rings the bell.
    mutating func fail(_ text: String) -> [Effect<AppAction>] {
        message = StatusMessage(text, isError: true)
        return [.bell]
    }

    /// The nearest screen of a kind beneath this one.
    func below<S: ScreenModel>(_ type: S.Type) -> S? {
        for screen in below { if let s = screen.model as? S { return s } }
        return nil
    }
}

/// Where things sit on the screen: the header line, the body, the footer line.
enum Layout {
    /// Rows between the header line and the footer line.
    static func body(_ size: Size) -> Rect { Rect(x: 0, y: 1, width: size.width, height: size.height - 2) }

    /// The usual table: below one info line and a blank line.
    static func belowInfoLine(_ body: Rect) -> Rect {
        Rect(x: body.x, y: body.y + 2, width: body.width, height: body.height - 2)
    }
}
