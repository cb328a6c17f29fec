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
            let person = try WalkIns.enrol(
                db, store: store, courseID: session.courseID, givenName: given, familyName: family, country: countryCode,
                agencyID: nil, note: "walk-in written on the paper sheet of \(session.key)",
                summary: { ChangeSummary("walkIn.sheet", .person($0), .text(session.key)) },
                source: ChangeSource.coordinator, actor: nil)
            let personID = person.id!
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
