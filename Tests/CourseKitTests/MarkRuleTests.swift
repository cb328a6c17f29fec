import CourseKit
import Foundation
import Testing

@Suite struct MarkRuleTests {
    let t0 = Date(timeIntervalSince1970: 1_715_040_000)

    func event(
        _ status: AttendanceStatus, at seconds: Double, _ source: EventSource = .rollcall,
        id: String? = nil, undoes: UUID? = nil
    ) -> AttendanceEvent {
        AttendanceEvent(
            id: id.flatMap(UUID.init(uuidString:)) ?? UUID(), sessionID: 1, personID: 1, status: status,
            recordedAt: t0.addingTimeInterval(seconds), actor: "a", device: "d", source: source, undoes: undoes)
    }

    @Test func latestWins() {
        let events = [event(.present, at: 0), event(.absent, at: 10), event(.late, at: 5)]
        #expect(MarkRule.currentMark(of: events)?.status == .absent)
    }

    @Test func facilitatorBeatsEarlierKioskCheckIn() {
        let events = [event(.present, at: 0, .kiosk), event(.absent, at: 60, .rollcall)]
        #expect(MarkRule.currentMark(of: events)?.status == .absent)
        #expect(MarkRule.currentMark(of: [event(.present, at: 60, .kiosk)])?.status == .present)
    }

    @Test func tieBrokenByEventIDWhateverTheOrder() {
        let a = event(.present, at: 0, id: "00000000-0000-0000-0000-00000000000A")
        let b = event(.absent, at: 0, id: "00000000-0000-0000-0000-00000000000B")
        #expect(MarkRule.currentMark(of: [a, b])?.id == b.id)
        #expect(MarkRule.currentMark(of: [b, a])?.id == b.id)
    }

    @Test func clearedMeansNoMark() {
        #expect(MarkRule.currentMark(of: [event(.present, at: 0), event(.cleared, at: 1)]) == nil)
        #expect(MarkRule.currentMark(of: []) == nil)
    }

    @Test func undoCancelsItsTargetEvenWhenMergedOutOfOrder() {
        let first = event(.present, at: 0)
        let second = event(.absent, at: 10)
        let undo = event(.present, at: 20, undoes: second.id)
        let otherDevice = event(.excused, at: 15)
        // The undo cancels `second`; the other device's later mark still counts.
        #expect(MarkRule.currentMark(of: [undo, otherDevice, second, first])?.status == .excused)
        #expect(MarkRule.currentMark(of: [first, second, undo])?.status == .present)
        #expect(MarkRule.latestUndoable(of: [first, second, undo])?.id == first.id)
    }

    @Test func statusWords() {
        #expect(AttendanceStatus(word: "clear") == .cleared)
        #expect(AttendanceStatus(word: "PRESENT") == .present)
        #expect(AttendanceStatus(word: "here") == nil)
    }
}
