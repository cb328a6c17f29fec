import CourseKit
import Foundation
import LibraryTestSupport
import Testing
import TestSupport

/// The kiosk as a participant and a prankster meet it: the real binary in tmux.
@Suite(.serialized, .skipUnlessTmuxOrCI, .tmux)
struct KioskJourneyTests {
    let dir = TemporaryDirectory("kiosk-journey")
    var db: String { dir.file("lib.sqlite") }
    var courses: String { dir.file("courses") }
    static let pin = "door-4711"

    init() throws {
        try FileManager.default.createDirectory(atPath: dir.file("courses"), withIntermediateDirectories: true)
        dir.write("courses/mini.yaml", Fixtures.miniCourseYAML)
    }

    func muster(_ args: [String], environment: [String: String] = [:]) throws -> MusterBinary.Result {
        try MusterBinary.run(args + ["--db", db, "--courses", courses], home: dir.path, environment: environment)
    }

    @Test func refusesToStartWithoutAPIN() throws {
        let r = try muster(["kiosk", "mini-2024", "--session", "am"])
        #expect(r.status != 0)
        #expect(r.stderr == "muster: no kiosk PIN is set for mini-2024: set one first with 'muster kiosk-pin mini-2024'\n")
    }

    @Test func checkInThenPranksThenPINExit() throws {
        #expect(try muster(["kiosk-pin", "mini-2024"], environment: ["MUSTER_KIOSK_PIN": Self.pin]).status == 0)
        let terminal = MusterTerminal(home: dir.path)
        let tmux = terminal.tmux
        // Started with the backtracer on: the kiosk must turn it off itself.
        try terminal.start(
            ["kiosk", "mini-2024", "--session", "am", "--db", db, "--courses", courses],
            removing: ["SWIFT_BACKTRACE"])
        try tmux.waitFor(text: "Type your name to check in")
        // The session was chosen by hand and is not today's (the test runs on the real clock).
        try tmux.waitFor(text: "session am is on 2024-05-07, not today")
        let pid = try #require(try terminal.musterPID())
        let environ = try String(contentsOfFile: "/proc/\(pid)/environ", encoding: .utf8)
        #expect(environ.split(separator: "\0").contains("SWIFT_BACKTRACE=enable=no"))

        try tmux.kioskCheckIn(typing: "jose nu", pick: "José N. — Bureau of Immigration", welcome: "Welcome, José — checked in")

        let export = try muster(["export", "attendance", "mini-2024"])
        let rows = export.stdout.components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }
        #expect(rows.count == 1)
        #expect(rows.first?.contains(",T-001,José,Núñez,") == true && rows.first?.contains(",kiosk,") == true)

        // Everything a prankster can do from the keyboard.
        try tmux.send("C-c", "C-z", "C-\\", "C-d", "C-s", "C-q", "F1", "F4", "F12")
        for _ in 0..<20 { try tmux.send("Escape") }
        try tmux.send("\u{1B}[2J\u{1B}]0;x\u{07}", literal: true)
        try tmux.send("\u{1B}[200~pasted\u{1B}[201~", literal: true)
        try tmux.send(String(repeating: "a", count: 10_240), literal: true)
        // The field is capped at 64 characters: "pasted" (its bracketed-paste markers swallowed) and 58 a's.
        try tmux.waitFor(text: "pasted" + String(repeating: "a", count: 58) + " ", timeout: 30)
        try tmux.resize(width: 30, height: 8)
        try tmux.resize(width: 120, height: 40)
        try tmux.resize(width: 80, height: 24)
        // tmux tells the kiosk about the last sizes a moment later, and keys read while the
        // screen is too small are dropped by design; so Escape until the field is empty.
        var cleared = false
        for _ in 0..<100 where !cleared {
            try tmux.send("Escape")
            cleared = (try? tmux.waitFor(text: "│ your name", timeout: 0.3)) != nil
        }
        #expect(cleared, "Escape never emptied the pasted field")
        #expect(try tmux.format("#{pane_dead}") == "0")
        #expect(try terminal.musterPID() == pid)
        #expect(!(try tmux.capture().contains("Núñez")))

        try tmux.send("F10")
        try tmux.waitFor(text: "enter the kiosk PIN")
        try tmux.send("0000", literal: true)
        try tmux.send("Enter")
        try tmux.waitFor(text: "Wrong PIN")
        #expect(try terminal.musterPID() == pid)
        try tmux.send(Self.pin, literal: true)
        try tmux.send("Enter")
        try terminal.expectSaneExit(status: [0])
    }

    /// Issue 13 through the real binary, with the test-only clock file moving time: the roll
    /// call's absent at 09:00 and a latecomer at 09:25 (late, not absent, in the export); a
    /// bracketed paste; the kiosk moving from the morning to the afternoon on its own tick; and
    /// a PIN lock-out whose typed digits are dropped and whose message counts down and clears.
    @Test func aDayAtTheDoorWithAnInjectedClock() throws {
        #expect(try muster(["kiosk-pin", "mini-2024"], environment: ["MUSTER_KIOSK_PIN": Self.pin]).status == 0)
        let clock = dir.file("now")
        func set(_ time: String) throws {
            try "2024-05-07T\(time)+09:00\n".write(toFile: clock, atomically: true, encoding: .utf8)
        }
        try set("09:00:00")
        let absent = try muster(["mark", "mini-2024", "am", "T-001", "absent"], environment: ["MUSTER_NOW_FILE": clock])
        #expect(absent.status == 0, "\(absent.stderr)")

        let terminal = MusterTerminal(home: dir.path)
        let tmux = terminal.tmux
        try terminal.start(
            ["kiosk", "mini-2024", "--db", db, "--courses", courses], environment: ["MUSTER_NOW_FILE": clock])
        try tmux.waitFor(text: "Type your name to check in")
        #expect(try tmux.capture().contains("Morning"))

        // 09:25: the latecomer the roll call marked absent checks in, and counts as late.
        try set("09:25:00")
        try tmux.kioskCheckIn(typing: "jose nu", pick: "José N. — Bureau of Immigration", welcome: "Welcome, José — checked in 09:25")
        let export = try muster(["export", "attendance", "mini-2024"])
        let jose = export.stdout.components(separatedBy: "\r\n").filter { $0.contains(",T-001,") }
        #expect(jose.count == 1)
        #expect(jose.first?.contains(",late,") == true && jose.first?.contains(",absent,") == false, "\(export.stdout)")

        // A paste is text for the field: its CR and LF neither choose nor confirm anyone (each
        // run of them is one space between words).
        try tmux.send("Escape")
        try tmux.waitFor(text: "│ your name")
        _ = try tmux.run(["set-buffer", "-b", "p", "Ana\rMaria\n"])
        _ = try tmux.run(["paste-buffer", "-p", "-d", "-b", "p", "-t", tmux.session])
        try tmux.waitFor(text: "│ Ana Maria")
        #expect(!(try tmux.capture().contains("Is this you?")))
        try tmux.send("Escape")
        try tmux.waitFor(text: "│ your name")

        // 12:10: the morning is over and nothing is open; 12:30 the afternoon's check-in opens.
        try set("12:10:00")
        try tmux.waitFor(text: "No session is open for check-in.")
        try tmux.waitFor(text: "Next, at 13:00: Afternoon")
        try tmux.waitFor(text: "Check-in opens at 12:30.")
        try set("12:30:00")
        try tmux.waitFor(text: "Afternoon")
        try tmux.waitFor(text: "Type your name to check in")
        try set("16:00:00")
        try tmux.kioskCheckIn(typing: "jose nu", pick: "José N. — Bureau of Immigration", welcome: "Welcome, José — checked in 16:00")

        // Three wrong PINs, digits typed during the wait, the countdown, then the right PIN.
        try tmux.send("Escape")
        try tmux.send("F10")
        try tmux.waitFor(text: "enter the kiosk PIN")
        for _ in 0..<3 {
            try tmux.send("0000", literal: true)
            try tmux.send("Enter")
            try tmux.waitFor(text: "Wrong PIN")
        }
        try tmux.waitFor(text: "Wait 5 s before trying again.")
        try tmux.send("1234", literal: true)
        try set("16:00:02")
        try tmux.waitFor(text: "Wait 3 s before trying again.")
        try set("16:00:06")
        try tmux.waitFor("the wait message to go") { !$0.contains("Wait") && $0.contains("enter the kiosk PIN") }
        try tmux.send(Self.pin, literal: true)
        try tmux.send("Enter")
        try terminal.expectSaneExit(status: [0])

        let store = try CourseStore(path: db)
        let course = try store.courses.course(code: "mini-2024")
        let am = try store.courses.session(course: course, key: "am"), pm = try store.courses.session(course: course, key: "pm")
        let id = try store.people.person(code: "T-001").id!
        let morning = try #require(try store.attendance.marks(sessionID: am.id!)[id])
        #expect(morning.status == .late && morning.kioskAfterAbsent)
        #expect(try store.attendance.marks(sessionID: pm.id!)[id]?.status == .late)
        #expect(try store.attendance.eventCount() == 3)
    }

    /// A kiosk and a script marking from separate processes on one library: nothing lost.
    @Test func kioskAndMarkWritingAtOnceLoseNothing() throws {
        let people = 120
        dir.write("courses/crowd.yaml", Self.crowdCourse(people: people))
        #expect(try muster(["kiosk-pin", "crowd-2024"], environment: ["MUSTER_KIOSK_PIN": Self.pin]).status == 0)
        let terminal = MusterTerminal(home: dir.path)
        let tmux = terminal.tmux
        try terminal.start(["kiosk", "crowd-2024", "--session", "s1", "--db", db, "--courses", courses])
        try tmux.waitFor(text: "Type your name to check in")

        // The script marks everyone in the second session while the kiosk checks them in to the first.
        let finished = DispatchSemaphore(value: 0)
        Thread { [db, courses, home = dir.path] in
            for i in 0..<people {
                _ = try? MusterBinary.run(
                    ["mark", "crowd-2024", "s2", Self.code(i), "present", "--db", db, "--courses", courses],
                    home: home)
            }
            finished.signal()
        }.start()
        for i in 0..<people {
            try tmux.kioskCheckIn(typing: Self.family(i), pick: "→ Person V.", welcome: "checked in")
            try tmux.send("Escape")
            try tmux.waitFor(text: "Type your name")
        }
        finished.wait()
        try tmux.send("F10")
        try tmux.send(Self.pin, literal: true)
        try tmux.send("Enter")
        try terminal.expectSaneExit(status: [0])

        let store = try CourseStore(path: db)
        let course = try store.courses.course(code: "crowd-2024")
        let marks = try store.attendance.marks(courseID: course.id!)
        let s1 = try store.courses.session(course: course, key: "s1"), s2 = try store.courses.session(course: course, key: "s2")
        #expect(marks[s1.id!]?.values.filter { $0.source == .kiosk }.count == people)
        #expect(marks[s2.id!]?.values.filter { $0.source == .cli }.count == people)
        #expect(try store.attendance.eventCount() == 2 * people)
    }

    static func code(_ i: Int) -> String { String(format: "C-%03d", i) }

    /// Four letters, unique per person, so typing it finds exactly one match: "vaab", "vaac", ….
    static func family(_ i: Int) -> String {
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        return "v" + String([letters[(i / 676) % 26], letters[(i / 26) % 26], letters[i % 26]])
    }

    static func crowdCourse(people: Int) -> String {
        var yaml = """
            code: crowd-2024
            title: Crowd Day
            time_zone: UTC
            modality: in-person
            start_date: 2024-05-07
            end_date: 2024-05-07
            sessions:
            - id: s1
              title: Morning
              kind: module
              start: 2024-05-07 09:00
              end: 2024-05-07 12:00
            - id: s2
              title: Afternoon
              kind: module
              start: 2024-05-07 13:00
              end: 2024-05-07 17:00
            participants:

            """
        for i in 0..<people {
            yaml += """
                - code: \(code(i))
                  given_name: Person
                  family_name: \(family(i).capitalized)
                  sex: not-disclosed
                  role: participant
                  status: confirmed

                """
        }
        return yaml
    }
}
