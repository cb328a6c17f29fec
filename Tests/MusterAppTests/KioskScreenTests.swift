import CourseKit
import Foundation
import MusterApp
import TerminalUI
import Testing
import TestSupport

/// The kiosk's screens at a laptop's 80×24 and a big screen's 160×48, and the fuzz test that
/// throws random keys at it: it must never exit without the PIN, never show an e-mail, a phone
/// or more than five names, and never trap.
@Suite struct KioskScreenTests {
    static let sizes = [("80x24", Size(width: 80, height: 24)), ("160x48", Size(width: 160, height: 48))]

    @Test(arguments: sizes)
    func welcomeWithMatches(name: String, size: Size) throws {
        let k = try KioskDriver(size: size)
        k.type("nguy")
        assertSnapshot(SnapshotText.render(k.frame()), named: "kiosk-matches-\(name)")
    }

    @Test(arguments: sizes)
    func confirmation(name: String, size: Size) throws {
        let k = try KioskDriver(size: size)
        k.type("jose nu")
        k.press(.enter)
        assertSnapshot(SnapshotText.render(k.frame()), named: "kiosk-confirm-\(name)")
    }

    @Test(arguments: sizes)
    func success(name: String, size: Size) throws {
        let k = try KioskDriver(size: size)
        k.type("jose nu")
        k.press(.enter, .enter)
        assertSnapshot(SnapshotText.render(k.frame()), named: "kiosk-success-\(name)")
    }

    @Test func welcomeEmptyPINAndPausedInASCII() throws {
        let k = try KioskDriver()
        let ascii = Theme.color.asciiVariant()
        assertSnapshot(SnapshotText.render(k.frame(theme: ascii)), named: "kiosk-welcome-ascii")
        k.press(.function(10))
        k.type("12345")
        assertSnapshot(SnapshotText.render(k.frame()), named: "kiosk-pin")
    }

    @Test func walkInForm() throws {
        let k = try KioskDriver(walkIns: true)
        k.type("Maria")
        k.press(.enter, .enter, .tab)
        k.type("Kesolei")
        assertSnapshot(SnapshotText.render(k.frame()), named: "kiosk-walk-in")
    }

    /// A name with CR, backspaces and a right-to-left override cannot pose as someone else.
    @Test func spoofingNamesAreShownSanitised() throws {
        let k = try KioskDriver()
        let course = try k.store.courses.course(code: "mini-2024")
        var file = try k.store.courses.courseFile(code: "mini-2024")
        file.participants?[0].givenName = "Jos\u{8}\u{8}\u{8}Mary\r\u{202E}é"
        try k.store.courses.importCourse(file)
        _ = course
        k.type("nunez")
        let text = k.text
        #expect(!text.unicodeScalars.contains { $0 == "\r" || $0 == "\u{8}" || $0 == "\u{202E}" })
        #expect(text.contains("JosMary é N."))
    }

    /// 6,000 keys here, in three sequences of 2,000 that run side by side (one sequence alone was
    /// the suite's longest test: 522 s of a 554 s run); `scripts/fuzz` runs hundreds of thousands
    /// with MUSTER_FUZZ_KEYS (the total of the three). Each sequence draws from its own fresh seed; a failure names it, and
    /// MUSTER_TEST_SEED replays it.
    @Test(.seeded, arguments: 0..<3) func fuzzRandomKeysNeverEscapeNorLeak(sequence: Int) throws {
        let k = try KioskDriver(walkIns: true)
        let env = ProcessInfo.processInfo.environment
        // MUSTER_FUZZ_KEYS is the total, shared by the three sequences.
        let keys = (env["MUSTER_FUZZ_KEYS"].flatMap(Int.init) ?? 6_000) / 3
        var rng = SeededRandom()
        let names = try k.store.rosters.roster(courseID: k.state.context.courseID).map(\.person)
        let secrets = names.flatMap { [$0.email, $0.phone, $0.code] }.filter { !$0.isEmpty }
        let alphabet: [Key] =
            [
                .enter, .escape, .backspace, .delete, .tab, .backTab, .up, .down, .left, .right, .home,
                .end, .pageUp, .pageDown, .insert, .unknown, .resize, .function(1), .function(10), .function(12),
            ]
            + "abcdefghijklmnopqrstuvwxyzAJNT ñéü李'-0123456789\u{7F}\u{1B}[]~;".map { Key.char($0) }
            + "acdhlqsuwxz\\".map { Key.ctrl($0) }
        for step in 0..<keys {
            let key = alphabet[Int(rng.next() % UInt64(alphabet.count))]
            k.press(key)
            if rng.next() % 50 == 0 { k.clock.advance(seconds: Double(rng.next() % 90)); k.send(.tick) }
            if rng.next() % 40 == 0 { k.fireTimers() }
            #expect(!k.quit, "quit without the PIN at step \(step), \(rng.replayText)")
            if step % 7 == 0 {
                let frame = k.frame()
                #expect(frame.isWellFormed, "step \(step), \(rng.replayText)")
                let text = frame.lines.joined(separator: "\n")
                for secret in secrets { #expect(!text.contains(secret), "showed \(secret) at step \(step), \(rng.replayText)") }
                #expect(text.components(separatedBy: " — ").count - 1 <= 5, "more than five names at step \(step), \(rng.replayText)")
            }
            if k.quit { break }
        }
    }
}
