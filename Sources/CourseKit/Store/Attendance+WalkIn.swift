import Foundation
import GRDB

extension Attendance {
    /// Someone who wrote their name on a blank line of the paper sheet: a new person enrolled
    /// as a walk-in awaiting the coordinator's review (as the kiosk's walk-ins are, with the next
    /// free `W-` code), and marked with `status` from the paper, all in one transaction, so a
    /// failure leaves neither a person without their mark nor a mark without its person.
    /// The walk-in is logged (source coordinator, the facilitator's name); the roster's `M`
    /// merges them into a person already known.
    public func markWalkIn(
        session: Session, givenName: String, familyName: String, country: String, status: AttendanceStatus,
        source: EventSource = .paper
    ) throws -> (Person, MarkOutcome) {
        guard let sessionID = session.id else { throw MusterError.refused(.sessionGone) }
        let given = NameSanitizer.clean(givenName), family = NameSanitizer.clean(familyName)
        guard !(given + family).isEmpty else { throw MusterError.invalid("a walk-in needs a name") }
        let countryCode = country.isEmpty ? "" : Countries.code(for: country)
        guard let countryCode else { throw MusterError.invalid("“\(country)” is not a country: write it like Palau or PW") }
        let now = clock()
        return try write { db in
            var number = (try Int.fetchOne(db, sql: "SELECT count(*) FROM person WHERE code LIKE 'W-%'") ?? 0) + 1
            while try Bool.fetchOne(db, sql: "SELECT 1 FROM person WHERE code = ?", arguments: [String(format: "W-%04d", number)]) ?? false
            {
                number += 1
            }
            var person = Person(code: String(format: "W-%04d", number), givenName: given, familyName: family, country: countryCode)
            let personID = try PersonWrites.insert(db, &person)
            person.id = personID
            let position =
                (try Int.fetchOne(db, sql: "SELECT max(position) FROM enrolment WHERE course_id = ?", arguments: [session.courseID]) ?? 0)
                + 1
            try EnrolmentWrites.insert(
                db, courseID: session.courseID, personID: personID, position: position, role: .participant, status: .walkIn,
                note: "walk-in written on the paper sheet of \(session.key)")
            let courseCode = try String.fetchOne(db, sql: "SELECT code FROM course WHERE id = ?", arguments: [session.courseID]) ?? ""
            _ = try store.record(
                db, entity: "person", entityID: personID, courseID: session.courseID, action: "walk-in",
                summary: "walk-in \(person.code) \(person.displayName) from the paper sheet of \(session.key)",
                before: ChangeSnapshot(), after: Courses.personRows(db, personID: personID, courseCode: courseCode))
            var event = AttendanceEvent(
                sessionID: sessionID, personID: personID, status: status, recordedAt: now, actor: actor, device: deviceID,
                source: source)
            if status == .late {
                let times = try Self.timeRules(db, session: session)
                event.arrival = AttendanceTimes.defaultArrival(session: session, lateAfterMinutes: times.lateAfterMinutes, now: now)
            }
            try AttendanceEventWrites.append(db, event)
            return (person, try Self.outcome(db, of: event, cancelled: nil))
        }
    }
}
