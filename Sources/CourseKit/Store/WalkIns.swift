import Foundation
import GRDB

/// Someone in the room who was not on the roster: the kiosk's "I'm not on the list" and a name
/// written on a blank line of the paper sheet both make a walk-in the same way, here, so the two
/// cannot drift apart in how codes are numbered or how the roster and the change log see them.
enum WalkIns {
    /// Inside the caller's transaction: a new person with the next free `W-` code, enrolled last
    /// on the course's roster as a walk-in awaiting a coordinator's review (nobody but a
    /// coordinator confirms anyone), and logged with `summary`, `source` and `actor`.
    static func enrol(
        _ db: Database, store: CourseStore, courseID: Int64, givenName: String, familyName: String, country: String,
        agencyID: Int64?, note: String, summary: (Person) -> ChangeSummary, source: String, actor: String?
    ) throws -> Person {
        // The library's origin is in the code (`W-3F2A-0001`): two kiosks registering walk-ins
        // offline never make the same code.
        let tag = try tag(db)
        var number = (try Int.fetchOne(db, sql: "SELECT count(*) FROM person WHERE code LIKE ?", arguments: ["W-\(tag)-%"]) ?? 0) + 1
        while try Bool.fetchOne(db, sql: "SELECT 1 FROM person WHERE code = ?", arguments: [Self.code(number, tag: tag)]) ?? false {
            number += 1
        }
        var person = Person(
            code: Self.code(number, tag: tag), givenName: givenName, familyName: familyName, country: country, agencyID: agencyID)
        let id = try PersonWrites.insert(db, &person)
        person.id = id
        // After the last position (1 on an empty roster, as walk-ins always were), not `nextPosition`.
        let position =
            (try Int.fetchOne(db, sql: "SELECT max(position) FROM enrolment WHERE course_id = ?", arguments: [courseID]) ?? 0) + 1
        try EnrolmentWrites.insert(
            db, courseID: courseID, personID: id, position: position, role: .participant, status: .walkIn, note: note)
        let courseCode = try String.fetchOne(db, sql: "SELECT code FROM course WHERE id = ?", arguments: [courseID]) ?? ""
        _ = try store.record(
            db, entity: "person", entityID: id, courseID: courseID, action: "walk-in", summary: summary(person),
            before: ChangeSnapshot(), after: Courses.personRows(db, personID: id, courseCode: courseCode), source: source, actor: actor)
        return person
    }

    static func code(_ number: Int, tag: String) -> String { "W-\(tag)-" + String(format: "%04d", number) }

    /// Four hex digits of the library's origin.
    static func tag(_ db: Database) throws -> String {
        let origin = try String.fetchOne(db, sql: "SELECT origin FROM sync_local WHERE id = 1") ?? UUID().uuidString
        return String(origin.prefix(4)).uppercased()
    }
}
