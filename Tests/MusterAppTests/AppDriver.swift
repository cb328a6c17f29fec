import CourseKit
import Foundation
import LibraryTestSupport
import MusterApp
import TerminalUI
import TestSupport

/// Drives `MusterProgram` the way the runner does, but synchronously and without a terminal:
/// keys become actions, `.run` effects execute at once and feed their results back, timers are
/// recorded instead of waited for. Tests then look at the state, the effects and the frame.
///
/// Its library is a copy of one made once per process for the same courses and clock
/// (`LibraryTemplates`); `fresh: true` makes and seeds its own, for tests that compare
/// libraries seeded apart.
final class AppDriver {
    let program: MusterProgram
    let store: CourseStore
    var state: AppState
    /// Every effect that was not work to run (quit, bell, timers…), in order.
    var effects: [String] = []
    let dir: TemporaryDirectory

    init(
        courses: [String] = [Fixtures.miniCourseYAML], options: AppOptions = AppOptions(),
        size: Size = Size(width: 80, height: 24), clock: TestClock = TestClock(), live: SyncLive = SyncLive(),
        fresh: Bool = false, extra: LibraryTemplates.Extra? = nil
    ) throws {
        dir = TemporaryDirectory("app")
        let path = dir.file("lib.sqlite")
        if fresh {
            store = try CourseStore(path: path, actor: "facilitator", clock: clock.function)
            for yaml in courses { try store.courses.importCourse(CourseFileCodec.decode(Data(yaml.utf8), path: "test.yaml")) }
            try extra?.build(store)
        } else {
            try LibraryTemplates.copy(courses: courses, actor: "facilitator", clock: clock, extra: extra, to: path)
            store = try CourseStore(path: path, actor: "facilitator", clock: clock.function)
        }
        program = MusterProgram(store: store, live: live)
        state = program.initialState(options: options, size: size)
        send(.start)
    }

    /// A driver on the five shipped course files.
    static func shipped(options: AppOptions = AppOptions(), size: Size = Size(width: 80, height: 24)) throws -> AppDriver {
        let dir = Fixtures.coursesDirectory
        let files = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".yaml") }.sorted()
        return try AppDriver(
            courses: files.map { try String(contentsOfFile: "\(dir)/\($0)", encoding: .utf8) },
            options: options, size: size)
    }

    func send(_ action: AppAction) { run(program.update(&state, action)) }

    func press(_ keys: Key...) { for key in keys { if let a = program.action(for: key, in: state) { send(a) } } }

    func type(_ text: String) { for ch in text { press(.char(ch)) } }

    func run(_ list: [Effect<AppAction>]) {
        for effect in list {
            switch effect {
            case .run(let work): if let next = work() { send(next) }
            case .quit: effects.append("quit")
            case .suspend: effects.append("suspend")
            case .redraw: effects.append("redraw")
            case .bell: effects.append("bell")
            case .after(0, let action):
                // "After the frame": the runner fires it once the queued work is drawn.
                effects.append("after 0")
                send(action)
            case .after(let ms, _): effects.append("after \(ms)")
            }
        }
    }

    var quit: Bool { effects.contains("quit") }

    func frame(theme: Theme = .color) -> ScreenBuffer { program.render(state, size: state.size, theme: theme) }

    var screenText: String { frame().lines.joined(separator: "\n") }

    var courseList: CourseListState? {
        if case .courses(let s) = state.screens.screens.last(where: { if case .courses = $0 { true } else { false } }) { return s }
        return nil
    }

    var rollCall: RollCallState? {
        if case .rollCall(let s) = state.screens.screens.last(where: { if case .rollCall = $0 { true } else { false } }) { return s }
        return nil
    }

    /// The current mark of a participant in the roll call's session, read back from the database.
    func storedMark(_ code: String) throws -> AttendanceStatus? {
        guard let session = rollCall?.data?.session else { return nil }
        let person = try store.people.person(code: code)
        return try store.attendance.marks(sessionID: session.id!)[person.id!]?.status
    }
}
