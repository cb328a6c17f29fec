import CourseKit
import Foundation
import LibraryTestSupport
import MusterApp
import TerminalUI
import TestSupport

/// Drives `KioskProgram` synchronously on the mini course's morning session with a hand-moved
/// clock: keys in, effects run at once, timers recorded (fire them with `fireTimers()`).
final class KioskDriver {
    static let pin = "correct-horse-29"
    let dir = TemporaryDirectory("kiosk")
    let clock: TestClock
    let store: CourseStore
    let program: KioskProgram
    /// The wrong-PIN count on disk, as `muster kiosk` keeps it.
    let pinLog: PINFailureLog
    var state: KioskState
    var timers: [KioskAction] = []
    var quit = false

    /// `followsTimetable`: started without `--session`, as `muster kiosk` then is. `courseYAML`:
    /// another course under the mini course's code and sessions (see `KioskCrowd`).
    init(
        walkIns: Bool = false, size: Size = Size(width: 80, height: 24), start: Date? = nil, followsTimetable: Bool = false,
        courseYAML: String = Fixtures.miniCourseYAML
    ) throws {
        clock = TestClock(start ?? Date(timeIntervalSince1970: 1_715_039_400))  // 2024-05-07 08:50 in Palau
        store = try CourseStore(path: dir.file("lib.sqlite"), actor: "kiosk", clock: clock.function)
        try store.courses.importCourse(CourseFileCodec.decode(Data(courseYAML.utf8), path: "mini.yaml"))
        let course = try store.courses.course(code: "mini-2024")
        try store.kiosk.setKioskPIN(courseID: course.id!, pin: Self.pin, iterations: 50)
        let session = try store.courses.session(course: course, key: "am")
        pinLog = PINFailureLog(library: store.path, courseID: course.id!)
        program = KioskProgram(
            store: store, verifier: try store.kiosk.kioskPINVerifier(courseID: course.id!)!, pinFailures: pinLog, now: clock.function)
        let context = KioskContext(
            courseID: course.id!, courseTitle: course.title, sessionID: session.id!,
            sessionTitle: session.title, when: [.en: "Day 1 · 09:00–12:00", .es: "Día 1 · 09:00–12:00"], walkInsAllowed: walkIns,
            zone: course.zone)
        state = KioskState(context: context, now: clock(), size: size)
        if followsTimetable {
            state.context.timetable = KioskTimetable(
                sessions: try store.courses.sessions(courseID: course.id!), opensMinutes: course.checkInOpensMinutes,
                zone: course.zone)
            state.followTimetable(at: clock())
        }
    }

    func send(_ action: KioskAction) { run(program.update(&state, action)) }

    /// The kiosk process started again, as `muster kiosk` starts: a fresh state that takes up
    /// the wrong PINs counted on disk.
    func restart() {
        let context = state.context
        state = KioskState(context: context, now: clock(), size: state.size)
        state.restorePINFailures(pinLog.read(), at: clock())
        timers = []
    }

    func press(_ keys: Key...) { for key in keys { if let a = program.action(for: key, in: state) { send(a) } } }

    func type(_ text: String) { for ch in text { press(.char(ch)) } }

    func run(_ effects: [Effect<KioskAction>]) {
        for effect in effects {
            switch effect {
            case .run(let work): if let next = work() { send(next) }
            case .after(_, let action): timers.append(action)
            case .quit: quit = true
            case .suspend, .redraw, .bell: break
            }
        }
    }

    func fireTimers() {
        let due = timers
        timers = []
        for action in due { send(action) }
    }

    func frame(theme: Theme = .color) -> ScreenBuffer { program.render(state, size: state.size, theme: theme) }
    var text: String { frame().lines.joined(separator: "\n") }

    func kioskEvents() throws -> [AttendanceEvent] {
        let course = try store.courses.course(code: "mini-2024")
        let session = try store.courses.session(course: course, key: "am")
        return try store.rosters.roster(courseID: course.id!).flatMap {
            try store.attendance.events(sessionID: session.id!, personID: $0.person.id!)
        }.filter { $0.source == .kiosk }
    }
}
