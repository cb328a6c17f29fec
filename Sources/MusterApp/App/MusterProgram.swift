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

    public init(store: CourseStore, keyMap: KeyMap = MusterKeyMap.standard) {
        self.loaders = Loaders(store: store)
        self.keyMap = keyMap
    }

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

    /// What `.start` loads: the course list, and with `--course` the overview and the roll call.
    func startEffects(_ state: AppState) -> [Effect<AppAction>] {
        var effects: [Effect<AppAction>] = [.run { [loaders] in loaders.courses() }]
        if let code = state.options.startCourse {
            effects += [.run { [loaders] in loaders.overview(code: code) },
                        .run { [loaders] in loaders.rollCall(code: code, sessionKey: nil) }]
        }
        return effects
    }

    public func action(for key: Key, in state: AppState) -> AppAction? {
        if case .mouse(let event) = key { return state.options.mouse ? .mouse(event) : nil }
        if state.top.takesTyping { return .key(key) }
        return keyMap.command(for: key, in: state.top.keyContexts).map(AppAction.command)
    }

    public func tick(_ state: AppState) -> AppAction? { .tick }

    public func resized(to size: Size, in state: AppState) -> AppAction? { .resized(size) }

    public func render(_ state: AppState, size: Size, theme: Theme) -> ScreenBuffer {
        AppRenderer(keyMap: keyMap).render(state, size: size, theme: theme)
    }
}

/// Where things sit on the screen; update uses it too, for page sizes and mouse clicks.
enum Layout {
    /// Rows between the header line and the footer line.
    static func body(_ size: Size) -> Rect { Rect(x: 0, y: 1, width: size.width, height: size.height - 2) }

    /// The table area of each screen (below any info line), and the rows of data it shows.
    static func table(for screen: Screen, size: Size) -> Rect {
        let body = body(size)
        switch screen {
        case .overview, .rollCall, .nominations, .search:
            return Rect(x: body.x, y: body.y + 2, width: body.width, height: body.height - 2)
        case .roster(let s):
            // The matrix keeps its last line for the column totals.
            return Rect(x: body.x, y: body.y + 2, width: body.width, height: body.height - 2 - (s.mode == .matrix ? 1 : 0))
        case .person: return personTable(body)
        case .courses(let s): return CourseListView.tableRect(s, body: body)
        default: return body
        }
    }

    static func pageHeight(for screen: Screen, size: Size) -> Int { max(1, table(for: screen, size: size).height - 1) }

    /// The person view's history, below four lines of details and a blank one.
    static func personTable(_ body: Rect) -> Rect {
        Rect(x: body.x, y: body.y + PersonView.detailLines + 1, width: body.width, height: body.height - PersonView.detailLines - 1)
    }
}
