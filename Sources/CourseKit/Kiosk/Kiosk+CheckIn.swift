import Foundation
import GRDB

/// What a kiosk may show of a person: a given name, a family initial and an agency. Nothing
/// else leaves the database for the kiosk, so nothing else can leak onto its screen.
public struct KioskMatch: Hashable, Sendable {
    public var personID: Int64
    public var givenName: String
    public var familyInitial: String
    public var agency: String

    /// "Ana T. — Bureau of Immigration".
    public var label: String {
        let name = [givenName, familyInitial.isEmpty ? "" : "\(familyInitial)."].filter { !$0.isEmpty }.joined(separator: " ")
        return agency.isEmpty ? name : "\(name) — \(agency)"
    }
}

/// The outcome of a check-in, as the log stands after it: the kiosk never says "checked in"
/// when the record says otherwise.
public enum CheckInResult: Hashable, Sendable {
    /// A check-in was recorded and the person now counts as attending: the current mark
    /// `MarkRule` derives after the write (present, late, or late after a facilitator's absent).
    case checkedIn(AttendanceEvent)
    /// The person already had a present or late mark; nothing new was recorded.
    case alreadyCheckedIn(at: Date)
    /// A check-in was recorded but an earlier facilitator's mark still decides (say, excused):
    /// the person should see the facilitator. `.cleared` when there is no mark at all.
    case recordedAs(AttendanceStatus)
}

extension Kiosk {
    // MARK: PIN

    public func setKioskPIN(courseID: Int64, pin: String, iterations: Int = PINHasher.defaultIterations) throws {
        guard (4...32).contains(pin.count), pin.allSatisfy({ !$0.isWhitespace && !$0.isNewline }) else {
            throw MusterError.invalid("a kiosk PIN must be 4 to 32 characters without spaces")
        }
        let salt = PINHasher.salt()
        let hash = PINHasher.hash(pin, salt: salt, iterations: iterations)
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO kiosk_pin(course_id, salt, hash, iterations, set_at_ms) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT(course_id) DO UPDATE SET salt = excluded.salt, hash = excluded.hash,
                        iterations = excluded.iterations, set_at_ms = excluded.set_at_ms
                    """, arguments: [courseID, salt, hash, iterations, clock().ms])
        }
    }

    public func hasKioskPIN(courseID: Int64) throws -> Bool {
        try read { db in try Bool.fetchOne(db, sql: "SELECT 1 FROM kiosk_pin WHERE course_id = ?", arguments: [courseID]) ?? false }
    }

    /// The stored PIN hash, for the kiosk to check entries against without reading again.
    public func kioskPINVerifier(courseID: Int64) throws -> KioskPINVerifier? {
        try read { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT salt, hash, iterations FROM kiosk_pin WHERE course_id = ?",
                    arguments: [courseID])
            else { return nil }
            return KioskPINVerifier(salt: row["salt"], hash: row["hash"], iterations: row["iterations"])
        }
    }

    // MARK: Lookup and check-in

    /// Up to `limit` people on the course's roster (expected in the room) whose name matches
    /// `query` by word prefixes in any order, as the kiosk may show them. A query that is not
    /// searchable (`KioskQueryRule`: no fragment of three letters) finds nobody, so a passer-by
    /// cannot list the room with "a", or with "a a a".
    public func kioskMatches(_ query: String, courseID: Int64, limit: Int) throws -> [KioskMatch] {
        guard KioskQueryRule.isSearchable(query) else { return [] }
        return try read { db in
            // Expected in the room: nominated, confirmed or registered on site, tested in the
            // search itself so each key costs the same on a course of 30 or of 100,000.
            let people = try People.search(
                db, query: query, courseID: courseID, statuses: NominationStatus.allCases.filter(\.isExpected).map(\.rawValue),
                limit: limit)
            let agencyIDs = Array(Set(people.compactMap(\.agencyID)))
            let agencyNames =
                agencyIDs.isEmpty
                ? [:]
                : try Dictionary(
                    Row.fetchAll(
                        db, sql: "SELECT id, name FROM agency WHERE id IN (\(agencyIDs.map { _ in "?" }.joined(separator: ", ")))",
                        arguments: StatementArguments(agencyIDs)
                    ).map { ($0["id"] as Int64, $0["name"] as String) }, uniquingKeysWith: { a, _ in a })
            return people.map { p in
                KioskMatch(
                    personID: p.id ?? 0, givenName: p.givenName.isEmpty ? p.familyName : p.givenName,
                    familyInitial: p.givenName.isEmpty ? "" : String(p.familyName.prefix(1)),
                    agency: p.agencyID.flatMap { agencyNames[$0] } ?? "")
            }
        }
    }

    /// Checks a person in to a session from the kiosk: present, or late when it is past the
    /// course's late threshold. A second check-in records nothing and says when the first was.
    /// The check and the insert are one transaction, so two kiosks cannot both record one person.
    /// A kiosk that is a guest checks and records in its journal, with its own unabsorbed
    /// check-ins in view, so "already checked in" holds before the writer takes them in.
    /// The result is the mark the whole log gives after the write, so after a facilitator's
    /// absent it is late (flagged), and after an excused it says so instead of "checked in".
    public func checkIn(sessionID: Int64, personID: Int64) throws -> CheckInResult {
        let now = clock()
        return try store.logWrite { log in
            guard
                let row = try Row.fetchOne(
                    log.db,
                    sql: """
                        SELECT s.start_ms, c.late_after_minutes FROM session s JOIN course c ON c.id = s.course_id WHERE s.id = ?
                        """, arguments: [sessionID])
            else { throw MusterError.invalid("the session no longer exists") }
            let events = try log.events(sessionID: sessionID, personID: personID)
            if let current = MarkRule.currentMark(of: events), current.status.isAttending {
                return .alreadyCheckedIn(at: current.arrival ?? current.recordedAt)
            }
            let startMs: Int64 = row["start_ms"]
            let lateAfter: Int64 = row["late_after_minutes"]
            let late = now.ms > startMs + lateAfter * 60_000
            var event = AttendanceEvent(
                sessionID: sessionID, personID: personID, status: late ? .late : .present,
                arrival: now, recordedAt: now, actor: "kiosk", device: deviceID, source: .kiosk)
            event.recordedAt = try log.orderedTime(now, sessionID: sessionID, personID: personID)
            try log.append(event)
            let current = MarkRule.currentMark(of: events + [event])
            guard let current, current.status.isAttending else { return .recordedAs(current?.status ?? .cleared) }
            return .checkedIn(current)
        }
    }

    /// Someone not on the list: a new person enrolled as a walk-in awaiting a coordinator's
    /// review (the kiosk never confirms anyone), checked in to the session.
    public func registerWalkIn(
        courseID: Int64, sessionID: Int64, givenName: String, familyName: String,
        agency: String, country: String
    ) throws -> (KioskMatch, CheckInResult) {
        let given = NameSanitizer.clean(givenName), family = NameSanitizer.clean(familyName)
        guard !(given + family).isEmpty else { throw MusterError.invalid("please type your name") }
        let countryCode = Countries.code(for: country) ?? ""
        let agencyText = NameSanitizer.clean(agency)
        let personID: Int64 = try write { db in
            let agencyID = try Int64.fetchOne(
                db,
                sql: """
                    SELECT id FROM agency WHERE lower(name) = lower(?) OR (acronym <> '' AND lower(acronym) = lower(?)) LIMIT 1
                    """, arguments: [agencyText, agencyText])
            let note = agencyID == nil && !agencyText.isEmpty ? "walk-in at the kiosk; says agency: \(agencyText)" : "walk-in at the kiosk"
            // Attributable like every other change to people: logged with source and actor "kiosk".
            let person = try WalkIns.enrol(
                db, store: store, courseID: courseID, givenName: given, familyName: family, country: countryCode,
                agencyID: agencyID, note: note, summary: { ChangeSummary("walkIn.kiosk", .person($0)) },
                source: ChangeSource.kiosk, actor: "kiosk")
            let id = person.id!
            return id
        }
        let result = try checkIn(sessionID: sessionID, personID: personID)
        let match = KioskMatch(
            personID: personID, givenName: given.isEmpty ? family : given,
            familyInitial: given.isEmpty ? "" : String(family.prefix(1)), agency: agencyText)
        return (match, result)
    }
}

/// A kiosk PIN's salt and hash, checked in memory.
public struct KioskPINVerifier: Sendable, Equatable {
    public var salt: Data
    public var hash: Data
    public var iterations: Int

    public func matches(_ pin: String) -> Bool {
        PINHasher.matches(pin, salt: salt, hash: hash, iterations: iterations)
    }
}
