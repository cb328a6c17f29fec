import CourseKit
import Foundation
import Testing
import TestSupport

/// Issue 13, item 4: a kiosk check-in recorded after a facilitator's absent makes the person
/// late and flagged; a facilitator's later mark wins; an earlier present, late or excused stands.
/// The examples pin the cases; the seeded properties hold the rule over random logs.
@Suite struct KioskAfterAbsentRuleTests {
    static let t0 = Date(timeIntervalSince1970: 1_715_040_000)

    static func event(
        _ status: AttendanceStatus, at seconds: Double, _ source: EventSource = .rollcall, undoes: UUID? = nil
    ) -> AttendanceEvent {
        AttendanceEvent(
            sessionID: 1, personID: 1, status: status, arrival: source == .kiosk ? t0.addingTimeInterval(seconds) : nil,
            recordedAt: t0.addingTimeInterval(seconds), actor: "a", device: "d", source: source, undoes: undoes)
    }

    @Test func checkInAfterAbsentIsLateFlaggedWithTheCheckInTimeAsArrival() throws {
        let absent = Self.event(.absent, at: 0)
        let checkIn = Self.event(.present, at: 25 * 60, .kiosk)
        let mark = try #require(MarkRule.currentMark(of: [absent, checkIn]))
        #expect(mark.status == .late)
        #expect(mark.kioskAfterAbsent)
        #expect(mark.arrival == checkIn.recordedAt)
        #expect(MarkRule.derive([checkIn, absent]).kioskAfterAbsent)
    }

    @Test func facilitatorMarkAfterTheCheckInWinsAndClearsTheFlag() {
        let absent = Self.event(.absent, at: 0)
        let checkIn = Self.event(.present, at: 60, .kiosk)
        for status in [AttendanceStatus.late, .present, .absent, .excused] {
            let confirm = Self.event(status, at: 120)
            let mark = MarkRule.currentMark(of: [absent, checkIn, confirm])
            #expect(mark?.status == status)
            #expect(mark?.kioskAfterAbsent == false)
        }
        #expect(MarkRule.currentMark(of: [absent, checkIn, Self.event(.cleared, at: 120)]) == nil)
    }

    @Test func facilitatorPresentLateOrExcusedBeforeTheCheckInStands() {
        for status in [AttendanceStatus.present, .late, .excused] {
            let mark = MarkRule.currentMark(of: [Self.event(status, at: 0), Self.event(.present, at: 60, .kiosk)])
            #expect(mark?.status == status)
            #expect(mark?.source == .rollcall)
            #expect(mark?.kioskAfterAbsent == false)
        }
    }

    @Test func checkInAfterAClearCountsAsItself() {
        let mark = MarkRule.currentMark(of: [Self.event(.absent, at: 0), Self.event(.cleared, at: 10), Self.event(.late, at: 60, .kiosk)])
        #expect(mark?.status == .late)
        #expect(mark?.kioskAfterAbsent == false)
    }

    // MARK: Properties over random logs

    /// A random log for one person and session: marks from every source at times that collide,
    /// some undos (of marks and of undos), as several devices with skewed clocks would merge them.
    static func randomLog(_ rng: inout SeededRandom) -> [AttendanceEvent] {
        var events: [AttendanceEvent] = []
        let count = Int(rng.next() % 9)
        for _ in 0..<count {
            let at = Double(rng.next() % 6) * 30  // few distinct times: ties are common
            if !events.isEmpty, rng.next() % 5 == 0 {
                let target = events[Int(rng.next() % UInt64(events.count))]
                events.append(event(.present, at: at, .rollcall, undoes: target.id))
            } else {
                let status = AttendanceStatus.allCases[Int(rng.next() % UInt64(AttendanceStatus.allCases.count))]
                let source = EventSource.allCases[Int(rng.next() % UInt64(EventSource.allCases.count))]
                events.append(event(status, at: at, source))
            }
        }
        return events
    }

    @Test(.seeded) func theMarkIsTheSameInEveryOrder() {
        var rng = SeededRandom()
        for _ in 0..<500 {
            let log = Self.randomLog(&rng)
            let expected = MarkRule.derive(log)
            let shuffled = log.shuffled(using: &rng)
            #expect(MarkRule.derive(shuffled) == expected, rng.replay)
            #expect(MarkRule.derive(log.reversed()) == expected, rng.replay)
        }
    }

    @Test(.seeded) func aFacilitatorMarkAfterEverythingElseDecides() {
        var rng = SeededRandom()
        for _ in 0..<500 {
            let log = Self.randomLog(&rng)
            let status = [AttendanceStatus.present, .late, .excused, .absent][Int(rng.next() % 4)]
            let last = Self.event(status, at: 10_000, .rollcall)
            let mark = MarkRule.currentMark(of: log + [last])
            #expect(mark?.id == last.id && mark?.status == status && mark?.kioskAfterAbsent == false, rng.replay)
        }
    }

    @Test(.seeded) func aCheckInAfterTheLatestAbsentMakesThePersonLateAndFlagged() {
        var rng = SeededRandom()
        for _ in 0..<500 {
            let log = Self.randomLog(&rng).filter { $0.source != .kiosk }
            let absent = Self.event(.absent, at: 5_000, EventSource.allCases.filter { $0 != .kiosk }[Int(rng.next() % 4)])
            let checkIn = Self.event(
                [AttendanceStatus.present, .late][Int(rng.next() % 2)], at: 5_000 + Double(1 + rng.next() % 600), .kiosk)
            let mark = MarkRule.currentMark(of: (log + [checkIn, absent]).shuffled(using: &rng))
            #expect(mark?.status == .late && mark?.kioskAfterAbsent == true, rng.replay)
            #expect(mark?.arrival == checkIn.recordedAt, rng.replay)
        }
    }

    /// Undoing any event that still counts gives the mark of the log without that event.
    @Test(.seeded) func undoOfAnyEventEqualsTheRuleWithoutIt() {
        var rng = SeededRandom()
        for _ in 0..<500 {
            let log = Self.randomLog(&rng)
            let counted = MarkRule.effective(log)
            guard !counted.isEmpty else { continue }
            let target = counted[Int(rng.next() % UInt64(counted.count))]
            let undo = Self.event(.cleared, at: Double(rng.next() % 200), .rollcall, undoes: target.id)
            let withUndo = MarkRule.currentMark(of: log + [undo])
            let without = MarkRule.currentMark(of: log.filter { $0.id != target.id })
            #expect(withUndo == without, rng.replay)
        }
    }

    /// Two devices whose clocks disagree by a fixed skew: the merged log derives one mark
    /// whichever device's copy is read, and shifting every event by the same amount changes nothing.
    @Test(.seeded) func skewedClocksDeriveOneMark() {
        var rng = SeededRandom()
        for _ in 0..<300 {
            let a = Self.randomLog(&rng)
            let skew = Double(Int(rng.next() % 241) - 120)
            let b = Self.randomLog(&rng).map { e -> AttendanceEvent in
                var e = e
                e.recordedAt += skew; e.device = "other"
                return e
            }
            let onA = MarkRule.derive(a + b), onB = MarkRule.derive((b + a).shuffled(using: &rng))
            #expect(onA == onB, rng.replay)
            let shift = Double(rng.next() % 10_000)
            let moved = (a + b).map { e -> AttendanceEvent in
                var e = e
                e.recordedAt += shift; e.arrival = e.arrival.map { $0 + shift }
                return e
            }
            #expect(MarkRule.derive(moved).deciding?.id == onA.deciding?.id, rng.replay)
            #expect(MarkRule.derive(moved).kioskAfterAbsent == onA.kioskAfterAbsent, rng.replay)
        }
    }
}
