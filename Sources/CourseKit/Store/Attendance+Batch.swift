import Foundation
import GRDB

/// Marks written together ("mark everyone present") and the undo that takes them back together.
///
/// The batch's id is the change-log entry that lists its events (`appended_attendance_events`,
/// as every logged change that appends attendance does): undoing the batch replays that entry,
/// so one `u` cancels every mark of the batch in one transaction, and the audit trail shows the
/// batch and its undo as one change each. No schema change: the change log already groups.
public struct BatchOutcome: Hashable, Sendable {
    /// The change-log entry recording the batch: what `undoBatch` takes.
    public var changeID: Int64
    /// One outcome per person, in the order given.
    public var outcomes: [MarkOutcome]
}

extension Attendance {
    /// Marks every person with `status` in one transaction and logs the batch as one change.
    /// Nothing is written unless everyone is enrolled.
    public func markBatch(session: Session, people: [Person], status: AttendanceStatus, source: EventSource) throws -> BatchOutcome {
        guard let sessionID = session.id else { throw MusterError.refused(.sessionGone) }
        let now = clock()
        return try write { db in
            var outcomes: [MarkOutcome] = []
            for person in people {
                guard let personID = person.id else { throw MusterError.unknownParticipant(person.code) }
                try Self.requireEnrolment(db, courseID: session.courseID, person: person)
                var event = AttendanceEvent(
                    sessionID: sessionID, personID: personID, status: status, recordedAt: now, actor: actor,
                    device: deviceID, source: source)
                event.recordedAt = try Self.orderedTime(db, now, sessionID: sessionID, personID: personID)
                try AttendanceEventWrites.append(db, event)
                outcomes.append(try Self.outcome(db, of: event, cancelled: nil))
            }
            var after = ChangeSnapshot()
            after.appendedEvents = outcomes.map { $0.event.id.lowercaseText }
            let change = try store.record(
                db, entity: "session", entityID: sessionID, courseID: session.courseID, action: "mark",
                summary: ChangeSummary(
                    people.count == 1 ? "marked.one" : "marked", .number(people.count), .mark(status),
                    .text("\(session.key) \(session.title)")), before: ChangeSnapshot(),
                after: after)
            return BatchOutcome(changeID: change.id, outcomes: outcomes)
        }
    }

    /// Cancels every mark of a batch that still counts, in one transaction, and returns the
    /// mark each person is left with (their earlier mark, or none). Refused when the batch was
    /// already undone.
    @discardableResult
    public func undoBatch(changeID: Int64) throws -> [MarkOutcome] {
        try write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT after_json FROM change_log WHERE id = ?", arguments: [changeID]) else {
                throw MusterError.refused(.noChange(id: changeID))
            }
            let eventIDs = ChangeSnapshot(json: row["after_json"]).appendedEvents
            let targets = try eventIDs.compactMap { id in
                try Row.fetchOne(db, sql: "SELECT * FROM attendance_event WHERE id = ?", arguments: [id]).map(AttendanceEvent.init(row:))
            }
            _ = try store.changeLog.undoChange(db, id: changeID)
            return try targets.map { target in
                let events = try Self.events(db, sessionID: target.sessionID, personID: target.personID)
                let undo = events.last { $0.undoes == target.id } ?? target
                return MarkOutcome(event: undo, cancelled: target, current: MarkRule.currentMark(of: events))
            }
        }
    }
}
