import CourseKit
import Foundation
import GRDB
import Testing
import TestSupport

/// `attendance_mark`, written by the log's writer with `MarkRule` (v11), is the rule's mark. On random seeded logs
/// (corrections, undo chains, undos of older marks, every source, clocks that step back, and
/// another device's events merged in with equal times and undos of undos) the SQL row, the
/// Swift rule over the stored log and the outcome each write returned agree, pair by pair.
///
/// Replay a failure with the seed its message names: `MUSTER_TEST_SEED=0x… swift test --filter
/// MarkRulePropertyTests`. Ids of events the store makes come from `UUID()`, so a replay is exact
/// except where such an event ties with a merged one on time and source authority.
@Suite struct MarkRulePropertyTests {
    static let steps = 400

    /// Four fresh seeds per run, or the one in `MUSTER_TEST_SEED`.
    static var seeds: [UInt64] {
        SeededRandom.environmentSeed.map { [$0] } ?? (0..<4).map { _ in SeededRandom().seed }
    }

    @Test func derivedTableEqualsMarkRuleOnRandomLogs() throws {
        for seed in Self.seeds {
            SeededRandom.run(seed: seed) { rng in try Self.check(&rng) }
        }
    }

    static func check(_ rng: inout SeededRandom) throws {
        let dir = TemporaryDirectory("mark-rule")
        let clock = TestClock()
        let store = try makeStore(dir, clock: clock)
        let course = try store.courses.course(code: "mini-2024")
        let sessions = try store.courses.sessions(courseID: course.id!)
        let people = try store.rosters.roster(courseID: course.id!).map(\.person)
        let otherDevice = try DatabaseQueue(path: store.path)
        let sources = EventSource.allCases
        var counts = (marks: 0, undos: 0, refused: 0, merged: 0)

        /// SQL row, Swift rule and (after a write) its outcome, for one pair.
        func compare(_ session: Session, _ person: Person, outcome: MarkOutcome?, _ what: String) throws {
            let events = try store.attendance.events(sessionID: session.id!, personID: person.id!)
            let rule = MarkRule.currentMark(of: events)
            let sql = try store.attendance.currentMarks(courseID: course.id!, personIDs: [person.id!])[person.id!]?[session.id!]
            let context = Comment(rawValue: "\(what), \(person.code) in \(session.key), \(events.count) events: \(rng.replayText)")
            #expect(sql == rule?.status, context)
            if let outcome { #expect(outcome.current == rule, context) }
        }

        for step in 0..<steps {
            let session = sessions[Int(rng.next() % UInt64(sessions.count))]
            let person = people[Int(rng.next() % UInt64(people.count))]
            let source = sources[Int(rng.next() % UInt64(sources.count))]
            let events = try store.attendance.events(sessionID: session.id!, personID: person.id!)
            switch rng.next() % 100 {
            case 0..<45:  // a mark or a correction of one, from any source
                let status = AttendanceStatus.allCases[Int(rng.next() % UInt64(AttendanceStatus.allCases.count))]
                let outcome = try store.attendance.mark(session: session, person: person, status: status, source: source)
                counts.marks += 1
                try compare(session, person, outcome: outcome, "step \(step): mark \(status) from \(source)")
            case 45..<60:  // undo the latest mark that counts; repeated, this walks down an undo chain
                if MarkRule.latestUndoable(of: events) == nil {
                    #expect(throws: MusterError.self, Comment(rawValue: rng.replayText)) {
                        try store.attendance.undo(session: session, person: person, source: source)
                    }
                    counts.refused += 1
                } else {
                    let outcome = try store.attendance.undo(session: session, person: person, source: source)
                    counts.undos += 1
                    try compare(session, person, outcome: outcome, "step \(step): undo latest from \(source)")
                }
            case 60..<70:  // undo one particular earlier event, which may no longer count
                guard !events.isEmpty else { continue }
                let target = events[Int(rng.next() % UInt64(events.count))]
                if MarkRule.effective(events).contains(where: { $0.id == target.id }) {
                    let outcome = try store.attendance.undo(eventID: target.id, source: source)
                    counts.undos += 1
                    try compare(session, person, outcome: outcome, "step \(step): undo \(target.id) from \(source)")
                } else {
                    #expect(throws: MusterError.self, Comment(rawValue: rng.replayText)) {
                        try store.attendance.undo(eventID: target.id, source: source)
                    }
                    counts.refused += 1
                }
            case 70..<80:  // this device's clock steps back by up to two minutes
                clock.advance(seconds: -Double(rng.next() % 120_000) / 1000)
            case 80..<92:  // another device's event merged in: at the same time as one already here,
                // or skewed up to a minute either way; sometimes an undo, even of an undo
                let base = events.isEmpty ? clock() : events[Int(rng.next() % UInt64(events.count))].recordedAt
                let skew = rng.next() % 3 == 0 ? Int64(rng.next() % 120_001) - 60_000 : 0
                let undoes = !events.isEmpty && rng.next() % 3 == 0 ? events[Int(rng.next() % UInt64(events.count))].id : nil
                let status = AttendanceStatus.allCases[Int(rng.next() % UInt64(AttendanceStatus.allCases.count))]
                let id = UUID(
                    uuid: withUnsafeBytes(of: (rng.next(), rng.next())) { bytes in
                        var u: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
                        withUnsafeMutableBytes(of: &u) { $0.copyMemory(from: bytes) }
                        return u
                    })
                // Through the log's one writer, as sync will bring it: it derives the mark.
                let event = AttendanceEvent(
                    id: id, sessionID: session.id!, personID: person.id!, status: status,
                    recordedAt: Date(timeIntervalSince1970: Double(Int64((base.timeIntervalSince1970 * 1000).rounded()) + skew) / 1000),
                    actor: "other", device: "other-device", source: source, undoes: undoes)
                try otherDevice.write { db in try AttendanceEventWrites.append(db, event) }
                counts.merged += 1
                try compare(
                    session, person, outcome: nil,
                    "step \(step): merged \(status) from \(source) undoing \(undoes?.uuidString ?? "nothing")")
            default:  // time passes, or does not (equal times)
                clock.advance(seconds: Double(rng.next() % 3))
            }
        }
        // Every pair at the end, marked or not.
        for session in sessions {
            for person in people { try compare(session, person, outcome: nil, "at the end") }
        }
        // The run exercised what it claims to.
        #expect(
            counts.marks > steps / 4 && counts.undos > steps / 20 && counts.merged > steps / 20,
            "\(counts): \(rng.replayText)")
    }
}
