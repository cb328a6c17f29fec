import Foundation
import GRDB

/// Takes an erased person out of the free text written about others.
///
/// Their own rows are scrubbed by `PersonWrites.erase` and `ChangeLogScrub`; but someone else's
/// note can say "came with Ana Tellei (ana.tellei@…)", a session can list them as a facilitator,
/// and the change log keeps the text of both. This finds those by the person's full name (in
/// either order, with or without a comma), e-mail and phone, and replaces each with "(erased)":
/// a facilitator entry that is just their name becomes "(erased)". A family name alone is not
/// looked for: it would blank the text of every namesake.
enum FreeTextScrub {
    /// What was scrubbed in other people's text, for the erasure's report.
    struct Counts: Sendable, Equatable {
        var notes = 0
        var facilitatorLists = 0
        var logEntries = 0
    }

    /// The texts that identify `person` in someone else's words, longest first (so "Ana Tellei"
    /// goes before a shorter form inside it).
    static func secrets(of person: Person) -> [String] {
        let given = person.givenName, family = person.familyName
        var forms = [person.email, person.phone]
        if !given.isEmpty && !family.isEmpty {
            forms += ["\(given) \(family)", "\(family) \(given)", "\(family), \(given)"]
        }
        return Array(Set(forms.filter { $0.count >= 3 })).sorted { $0.count > $1.count }
    }

    /// The person's names, e-mails and phones now and as the change log's row images had them
    /// (an e-mail changed last year is still in a note written then). Read before
    /// `ChangeLogScrub` blanks those images.
    static func secrets(_ db: Database, person: Person, personID: Int64) throws -> [String] {
        var found = Set(secrets(of: person))
        let images = try Row.fetchAll(
            db,
            sql: """
                SELECT before_json, after_json FROM change_log
                WHERE id IN (SELECT change_id FROM change_subject WHERE person_id = ?)
                """, arguments: [personID])
        for row in images {
            for json in [row["before_json"], row["after_json"]] as [String] {
                guard let object = (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: Any],
                    let people = object["person"] as? [[String: Any]]
                else { continue }
                for image in people where (image["id"] as? NSNumber)?.int64Value == personID {
                    var old = person
                    old.givenName = image["given_name"] as? String ?? ""
                    old.familyName = image["family_name"] as? String ?? ""
                    old.email = image["email"] as? String ?? ""
                    old.phone = image["phone"] as? String ?? ""
                    found.formUnion(secrets(of: old))
                }
            }
        }
        return found.sorted { $0.count > $1.count }
    }

    static func run(_ db: Database, secrets: [String], personID: Int64, now: Date) throws -> Counts {
        guard !secrets.isEmpty else { return Counts() }
        let scrub = Redaction(secrets: secrets)
        var counts = Counts()
        for row in try candidates(db, table: "enrolment", columns: ["note"], secrets: secrets, except: personID) {
            let note: String = row["note"]
            guard scrub.text(note) != note else { continue }
            try EnrolmentWrites.update(db, id: row["id"], ["note": scrub.text(note)])
            try SyncRecorder.flush(db, entity: SyncEntity.named("enrolment")!, key: row["id"], now: now)
            counts.notes += 1
        }
        for row in try candidates(db, table: "attendance_event", columns: ["note"], secrets: secrets, except: personID) {
            let note: String = row["note"]
            guard scrub.text(note) != note else { continue }
            try AttendanceEventWrites.redactNote(db, id: row["id"], note: scrub.text(note))
            counts.notes += 1
        }
        for row in try candidates(db, table: "session", columns: ["facilitators"], secrets: secrets) {
            let list: String = row["facilitators"]
            guard scrub.list(list) != list else { continue }
            try SessionWrites.update(db, id: row["id"], ["facilitators": scrub.list(list)])
            try SyncRecorder.flush(db, entity: SyncEntity.named("session")!, key: row["id"], now: now)
            counts.facilitatorLists += 1
        }
        counts.logEntries = try scrubChangeLog(db, scrub, personID: personID)
        try scrubSyncRecords(db, scrub)
        return counts
    }

    /// Rows of `table` whose text columns may hold a secret: SQLite's `LIKE` narrows them (ASCII
    /// letters in any case), then `redact` decides, case-insensitively in every script. The
    /// person's own rows (`except`) were scrubbed already. `select` names what to read.
    static func candidates(
        _ db: Database, table: String, columns: [String], secrets: [String], except personID: Int64? = nil, select: String? = nil,
        where condition: String = "1"
    ) throws -> [Row] {
        let forms = Array(Set(secrets.flatMap { [$0, $0.lowercased(), $0.uppercased()] }))
        // The cast: a sync record's body is a BLOB, which LIKE does not read as text.
        let likes = columns.flatMap { column in forms.map { _ in "CAST(\(column) AS TEXT) LIKE ? ESCAPE '\\'" } }
        let patterns = columns.flatMap { _ in forms.map { "%" + escapeLike($0) + "%" } }
        let own = personID == nil ? "" : " AND person_id <> ?"
        return try Row.fetchAll(
            db,
            sql: """
                SELECT \(select ?? "id, " + columns.joined(separator: ", ")) FROM \(table)
                WHERE \(condition) AND (\(likes.joined(separator: " OR ")))\(own)
                """,
            arguments: StatementArguments(patterns + (personID.map { [$0] } ?? [])))
    }

    static func escapeLike(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(
            of: "_", with: "\\_")
    }
}
