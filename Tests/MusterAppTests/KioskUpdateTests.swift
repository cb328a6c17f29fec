import CourseKit
import Foundation
import MusterApp
import TerminalUI
import Testing

@Suite struct KioskUpdateTests {
    @Test func nothingIsListedBeforeThreeLetters() throws {
        let k = try KioskDriver()
        k.type("jo")
        #expect(k.state.matches.isEmpty)
        #expect(k.text.contains("Keep typing"))
        k.type("s")
        #expect(k.state.matches.map(\.label) == ["José N. — Bureau of Immigration"])
    }

    @Test(arguments: ["jose nu", "JOSE NUN", "nunez jose", "Jose\u{301} Nu\u{301}n\u{303}ez", "núñ"])
    func findsAccentCaseAndOrderInsensitively(query: String) throws {
        let k = try KioskDriver()
        k.type(query)
        #expect(k.state.matches.map(\.label) == ["José N. — Bureau of Immigration"])
    }

    @Test func showsOnlyGivenNameInitialAndAgency() throws {
        let k = try KioskDriver()
        k.type("jose")
        let text = k.text
        #expect(text.contains("José N. — Bureau of Immigration"))
        #expect(!text.contains("Núñez") && !text.contains("example.org") && !text.contains("T-001"))
    }

    @Test func checkInRecordsAKioskEventAndSaysWelcome() throws {
        let k = try KioskDriver()
        k.type("jose nu")
        k.press(.enter)
        guard case .confirm(let match) = k.state.phase else { Issue.record("no confirmation"); return }
        #expect(match.givenName == "José")
        #expect(k.text.contains("Is this you?"))
        k.press(.enter)
        #expect(k.state.phase == .success(name: "José", time: "08:50", already: false))
        #expect(k.text.contains("Welcome, José — checked in 08:50."))
        let events = try k.kioskEvents()
        #expect(events.count == 1 && events[0].status == .present && events[0].source == .kiosk)
        k.fireTimers()  // a few seconds later: back to the welcome screen
        #expect(k.state.phase == .welcome && k.state.query.isEmpty)
    }

    @Test func afterTheLateThresholdACheckInIsLate() throws {
        let k = try KioskDriver(start: Date(timeIntervalSince1970: 1_715_041_200))  // 09:20, threshold 15 min
        k.type("jose nu")
        k.press(.enter, .enter)
        #expect(try k.kioskEvents().first?.status == .late)
    }

    @Test func checkingInTwiceSaysSoAndRecordsNothingNew() throws {
        let k = try KioskDriver()
        k.type("jose nu")
        k.press(.enter, .enter)
        k.clock.advance(seconds: 120)
        k.press(.char("x"))  // next person starts typing over the success screen
        k.press(.ctrl("u"))
        k.type("jose nu")
        k.press(.enter, .enter)
        #expect(k.state.phase == .success(name: "José", time: "08:50", already: true))
        #expect(k.text.contains("already checked in"))
        #expect(try k.kioskEvents().count == 1)
    }

    @Test func noInConfirmationGoesBack() throws {
        let k = try KioskDriver()
        k.type("jose")
        k.press(.enter, .escape)
        #expect(k.state.phase == .welcome)
        #expect(k.state.query.text == "jose")
        #expect(try k.kioskEvents().isEmpty)
    }

    @Test func arrowsChooseAmongMatches() throws {
        let k = try KioskDriver()
        k.type("van")  // Nguyễn Văn A only
        #expect(k.state.matches.count == 1)
        k.press(.down, .down, .up)
        #expect(k.state.selection == 0)
    }

    @Test func notOnTheListAsksForTheFacilitator() throws {
        let k = try KioskDriver()
        k.type("zzzz")
        k.press(.enter)
        #expect(k.state.phase == .notListed)
        #expect(k.text.contains("Please ask the facilitator"))
        k.press(.enter)  // walk-ins not allowed: Enter just goes back
        #expect(k.state.phase == .welcome)
    }

    @Test func walkInsAwaitReviewAndAreCheckedIn() throws {
        let k = try KioskDriver(walkIns: true)
        k.type("Maria")
        k.press(.enter)
        #expect(k.state.phase == .notListed)
        k.press(.enter)
        guard case .walkIn(let form) = k.state.phase else { Issue.record("no form"); return }
        #expect(form.fields[0].text == "Maria")
        k.press(.enter)
        k.type("Kesolei")
        k.press(.enter)
        k.type("Bureau of Immigration")
        k.press(.enter)
        k.type("Palau")
        k.press(.enter)
        #expect(k.state.phase == .success(name: "Maria", time: "08:50", already: false))
        let course = try k.store.courses.course(code: "mini-2024")
        let entry = try #require(k.store.rosters.roster(courseID: course.id!).first { $0.person.familyName == "Kesolei" })
        #expect(entry.enrolment.status == .walkIn)
        #expect(entry.person.country == "PW" && entry.agency?.code == "pw-bim")
        #expect(try k.kioskEvents().count == 1)
    }

    @Test func idleReturnsToTheWelcomeScreen() throws {
        let k = try KioskDriver()
        k.type("jose")
        k.press(.enter)
        k.clock.advance(seconds: 59)
        k.send(.tick)
        #expect(k.state.phase != .welcome)
        k.clock.advance(seconds: 2)
        k.send(.tick)
        #expect(k.state.phase == .welcome && k.state.query.isEmpty && k.state.matches.isEmpty)
    }

    /// Searches given up that showed more than `abandonedDisclosureLimit` people pause the kiosk
    /// (three searches showing five each); searches that showed nobody cost nothing.
    @Test func probingManyNamesPausesTheKiosk() throws {
        let k = try KioskCrowd.driver(300)
        for query in ["aaa", "aab", "zzz", "xqx", "ana", "and"] {
            k.type(query)
            k.press(.escape)
            k.clock.advance(seconds: 2)
        }
        #expect(k.state.phase == .welcome)
        k.type("ant")
        k.press(.escape)
        guard case .paused = k.state.phase else { Issue.record("not paused: \(k.state.phase)"); return }
        #expect(k.text.contains("Please ask the facilitator for help"))
        k.type("jose")
        #expect(k.state.query.isEmpty && k.state.matches.isEmpty)  // typing does nothing while paused
        k.clock.advance(seconds: 61)
        k.send(.tick)
        #expect(k.state.phase == .welcome)
        k.type("jose")
        #expect(k.state.matches.count == 5)
    }

    @Test func lookingForYourselfNeverPauses() throws {
        let k = try KioskDriver()
        for _ in 0..<3 {  // typos, corrections, a long name
            k.type("nguyen van a")
            k.press(.ctrl("u"))
        }
        k.type("jose nunez")
        k.press(.enter, .enter)
        #expect(k.state.phase == .success(name: "José", time: "08:50", already: false))
    }

    @Test func controlKeysAndFunctionKeysDoNothing() throws {
        let k = try KioskDriver()
        k.type("jos")
        for key: Key in [
            .ctrl("c"), .ctrl("z"), .ctrl("\\"), .ctrl("d"), .ctrl("q"), .ctrl("s"), .function(1), .function(4),
            .function(12), .tab, .backTab, .insert, .pageUp, .pageDown, .unknown, .resize,
        ] {
            k.press(key)
        }
        #expect(!k.quit)
        #expect(k.state.phase == .welcome)
        #expect(k.state.query.text == "jos")
    }

    @Test func inputIsCapped() throws {
        let k = try KioskDriver()
        k.type(String(repeating: "a", count: 10_000))
        #expect(k.state.query.text.count == 64)
    }

    @Test func exitNeedsTheRightPIN() throws {
        let k = try KioskDriver()
        k.press(.function(10))
        guard case .pin = k.state.phase else { Issue.record("no PIN prompt"); return }
        #expect(k.text.contains("enter the kiosk PIN"))
        k.type("secret")
        #expect(!k.text.contains("secret"))  // masked
        k.press(.enter)
        #expect(!k.quit)
        #expect(k.state.message == "Wrong PIN.")
        k.press(.escape)
        #expect(k.state.phase == .welcome)
        k.press(.function(10))
        k.type(KioskDriver.pin)
        k.press(.enter)
        #expect(k.quit)
    }

    @Test func wrongPINsSlowDown() throws {
        let k = try KioskDriver()
        k.press(.function(10))
        for _ in 0..<3 { k.type("0000"); k.press(.enter) }
        #expect(k.state.message == "Wrong PIN. Wait 5 s before trying again.")
        k.type(KioskDriver.pin)
        k.press(.enter)  // even the right PIN waits
        #expect(!k.quit)
        #expect(k.state.message == "Wrong PIN. Wait 5 s before trying again.")
        k.clock.advance(seconds: 5)
        k.type("1111"); k.press(.enter)
        #expect(k.state.message == "Wrong PIN. Wait 10 s before trying again.")
        k.clock.advance(seconds: 10)
        k.type(KioskDriver.pin)
        k.press(.enter)
        #expect(k.quit)
    }

    /// Issue 21, item 7: restarting the kiosk made the first three tries free again.
    @Test func wrongPINsAreStillCountedAfterARestart() throws {
        let k = try KioskDriver()
        k.press(.function(10))
        for _ in 0..<3 { k.type("0000"); k.press(.enter) }
        #expect(k.state.message == "Wrong PIN. Wait 5 s before trying again.")
        #expect(k.pinLog.read().failures == 3)
        k.restart()
        k.press(.function(10))
        k.type(KioskDriver.pin)
        k.press(.enter)
        #expect(!k.quit)  // the wait started before the restart still runs
        #expect(k.state.message == "Wrong PIN. Wait 5 s before trying again.")
        k.clock.advance(seconds: 5)
        k.type("1111"); k.press(.enter)
        #expect(k.state.message == "Wrong PIN. Wait 10 s before trying again.")  // the fourth try, not a free first
        k.restart()
        k.clock.advance(seconds: 10)
        k.press(.function(10))
        k.type(KioskDriver.pin)
        k.press(.enter)
        #expect(k.quit)
        #expect(k.pinLog.read() == PINFailureLog.Record())  // the right PIN starts the count again
    }

    /// Issue 13, item 9: digits typed during a lock-out used to stay in the field, so the right
    /// PIN typed after the wait became "12341234…", failed, and doubled the wait; and "Wait 5 s"
    /// never changed or went away.
    @Test func keysTypedDuringAPINWaitAreDroppedAndTheWaitCountsDownAndClears() throws {
        let k = try KioskDriver()
        k.press(.function(10))
        for _ in 0..<3 { k.type("0000"); k.press(.enter) }
        #expect(k.state.message == "Wrong PIN. Wait 5 s before trying again.")
        k.type("1234")
        guard case .pin(let during) = k.state.phase else { Issue.record("left the PIN screen"); return }
        #expect(during.text.isEmpty)
        k.clock.advance(seconds: 2)
        k.send(.tick)
        #expect(k.state.message == "Wrong PIN. Wait 3 s before trying again.")
        #expect(k.text.contains("Wait 3 s"))
        k.clock.advance(seconds: 0.5)
        k.send(.tick)
        #expect(k.state.message == "Wrong PIN. Wait 3 s before trying again.")  // 2.5 s left rounds up
        k.type("99")
        k.clock.advance(seconds: 2.5)
        k.send(.tick)
        #expect(k.state.message == nil)
        #expect(!k.text.contains("Wait"))
        guard case .pin(let after) = k.state.phase else { Issue.record("left the PIN screen"); return }
        #expect(after.text.isEmpty)
        k.type(KioskDriver.pin)
        k.press(.enter)
        #expect(k.quit)
    }

    @Test func policyDelaysDoubleAndCap() {
        let p = KioskPolicy()
        #expect([0, 1, 2].map(p.pinDelay(afterFailures:)) == [0, 0, 0])
        #expect([3, 4, 5].map(p.pinDelay(afterFailures:)) == [5, 10, 20])
        #expect(p.pinDelay(afterFailures: 100) == 300)
        #expect([0, 1, 2, 3, 4, 20].map(p.searchPause(afterPauses:)) == [60, 120, 240, 480, 900, 900])
    }
}
