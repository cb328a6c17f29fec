import CourseKit
import Foundation
import TerminalUI

/// Muster's terminal app: the facilitator's path from the course list to a roll call.
///
/// `update` is pure: database work is handed back as `Effect.run` closures whose results
/// return as actions, so tests can drive every screen with a list of actions and a temp library.
public struct MusterProgram: Program {
    public typealias State = AppState
    public typealias Action = AppAction

    let loaders: Loaders
    public let keyMap: KeyMap
    /// `keyMap` in each language, made once: footers and help read these every frame.
    let keyMaps: [Language: KeyMap]

    /// `live` serves and exchanges for the sync screen (tests give one on another port).
    public init(store: CourseStore, keyMap: KeyMap = MusterKeyMap.standard, live: SyncLive = SyncLive()) {
        self.loaders = Loaders(store: store, live: live)
        self.keyMap = keyMap
        self.keyMaps = keyMap == MusterKeyMap.standard ? Self.standardKeyMaps : Self.localized(keyMap)
    }

    /// The standard table in every language, made once per process: a program is cheap to make
    /// (a test makes thousands), and the table's hundreds of lookups are not.
    static let standardKeyMaps = localized(MusterKeyMap.standard)

    static func localized(_ keyMap: KeyMap) -> [Language: KeyMap] {
        Dictionary(uniqueKeysWithValues: Language.allCases.map { ($0, keyMap.localized(Words($0))) })
    }

    /// The key table with its labels and descriptions in `language`.
    func keyMap(in language: Language) -> KeyMap { keyMaps[language] ?? keyMap }

    /// After the loop: stops live sync's server and exchanger, which outlive every screen.
    public func shutdown() { loaders.live.stopAll() }

    public var minimumSize: Size { Size(width: 60, height: 16) }

    /// The state to start from. Send `.start` next: the first frame draws at once ("Loading…")
    /// and the data arrives through the effects `.start` returns.
    public func initialState(options: AppOptions, size: Size) -> AppState {
        var state = AppState(options: options, size: size)
        if let code = options.startCourse {
            state.screens.push(.overview(OverviewState(courseCode: code)))
            state.screens.push(.rollCall(RollCallState(courseCode: code, sessionKey: "")))
        }
        return state
    }

    /// What `.start` loads: what the top screen shows (the course list, or with `--course` the
    /// roll call of the session running now or next). The screens beneath load when they are
    /// uncovered (`reloadTop`), as after any other screen: a roll call opened from the command
    /// line does not wait for a course list and an overview it does not show (on a library of
    /// 1,000 courses, most of its start).
    func startEffects(_ state: AppState) -> [Effect<AppAction>] { reloadTop(state) }

    public func action(for key: Key, in state: AppState) -> AppAction? {
        if case .mouse(let event) = key { return state.options.mouse ? .mouse(event) : nil }
        if case .paste = key { return state.top.model.acceptsPaste ? .key(key) : .pasteIgnored }
        if state.top.model.takesTyping { return .key(key) }
        return keyMap.command(for: key, in: state.top.keyContexts).map(AppAction.command)
    }

    /// What Ctrl-C (SIGINT, in the coordinator's cbreak mode) does: on a form with something
    /// typed it is Esc, so it asks before dropping the typing; anywhere else, nil, and the
    /// app quits as a Ctrl-C should. A second Ctrl-C on the question quits.
    public func interrupted(in state: AppState) -> AppAction? {
        guard let form = state.top.model as? FormState, form.isChanged else { return nil }
        return .key(.escape)
    }

    public func tick(_ state: AppState) -> AppAction? { .tick }

    public func resized(to size: Size, in state: AppState) -> AppAction? { .resized(size) }

    public func render(_ state: AppState, size: Size, theme: Theme) -> ScreenBuffer {
        AppRenderer(keyMap: keyMap(in: state.options.language)).render(state, size: size, theme: theme)
    }
}
