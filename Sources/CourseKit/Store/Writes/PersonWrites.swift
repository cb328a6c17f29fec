import Foundation
import GRDB

/// Writes to `person`. A person is stored sanitised and NFC, code and country upper-cased, with
/// the sort key and name tokens that follow from the name; these functions are where that happens.
public enum PersonWrites: TableWrites {
    static let table = "person"

    /// The person as stored: text sanitised (which also makes it NFC), code and country upper-cased.
    /// Idempotent, so callers that cleaned already lose nothing.
    public static func stored(_ person: Person) -> Person {
        var p = person
        p.code = p.code.uppercased()
        p.givenName = StoredText.clean(p.givenName); p.familyName = StoredText.clean(p.familyName)
        p.country = p.country.uppercased(); p.position = StoredText.clean(p.position)
        p.email = StoredText.clean(p.email); p.phone = StoredText.clean(p.phone)
        return p
    }

    /// Refuses a person with a field past its limit, naming the person, the field and the limit.
    ///
    /// A megabyte "name" from a file was stored whole (issue 21, item 8) and then drawn, searched
    /// and exported on every screen. No real name comes near 200 characters; an e-mail address
    /// is at most 320 by its standard.
    static func checkLengths(_ person: Person) throws {
        let fields = [
            ("given name", person.givenName, 200), ("family name", person.familyName, 200), ("position", person.position, 500),
            ("e-mail", person.email, 320), ("phone", person.phone, 64), ("code", person.code, 64),
        ]
        for (field, value, limit) in fields {
            let count = value.count
            guard count > limit else { continue }
            let who = person.code.isEmpty ? "a person" : String(person.code.prefix(64))
            throw MusterError.invalid("the \(field) of \(who) is \(count) characters long; at most \(limit) are allowed")
        }
    }

    /// Adds a person (whose `id` is ignored) and indexes their name; `person` comes back as
    /// stored, with its new id. One cached statement, so a bulk import or generator calling this
    /// per row pays for binding, not for preparing.
    ///
    /// `sortKey`: the stored person's `sortKey` when the caller has it already (the roster
    /// planner folds each name once, through its cache); folding 100,000 names again would cost
    /// the import a second pass. It must equal what `Person.sortKey` computes.
    @discardableResult
    public static func insert(_ db: Database, _ person: inout Person, sortKey: String? = nil) throws -> Int64 {
        person = stored(person)
        try checkLengths(person)
        let sortKey = sortKey ?? person.sortKey
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO person (code, given_name, family_name, sex, country, agency_id, position, email, phone, sort_key)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        try statement.execute(arguments: [
            person.code, person.givenName, person.familyName, person.sex.rawValue, person.country,
            person.agencyID, person.position, person.email, person.phone, sortKey,
        ])
        let id = db.lastInsertedRowID
        person.id = id
        try NameTokenWrites.insert(db, personID: id, sortKey: sortKey)
        return id
    }

    /// Rewrites a saved person's columns and name tokens; `person` comes back as stored.
    static func update(_ db: Database, _ person: inout Person) throws {
        guard let id = person.id else { throw MusterError.refused(.notSaved(what: "person")) }
        person = stored(person)
        try checkLengths(person)
        let sortKey = person.sortKey
        try updateColumns(
            db, id: id,
            [
                "code": person.code, "given_name": person.givenName, "family_name": person.familyName, "sex": person.sex.rawValue,
                "country": person.country, "agency_id": person.agencyID, "position": person.position, "email": person.email,
                "phone": person.phone, "sort_key": sortKey,
            ])
        try NameTokenWrites.replace(db, personID: id, sortKey: sortKey)
    }

    /// Columns a roster import fills in where the library had nothing. Not the name: a name
    /// change goes through `update`, which keeps the sort key and tokens in step.
    static func fill(_ db: Database, id: Int64, _ values: [String: (any DatabaseValueConvertible)?]) throws {
        precondition(
            values.keys.allSatisfy { !["code", "given_name", "family_name", "sort_key"].contains($0) },
            "a name changes through PersonWrites.update")
        try updateColumns(db, id: id, values)
    }

    /// Records that a person was the same as `target` (a merge), and takes their name out of
    /// the search index: a merged person is found as the one they were merged into. Undo's
    /// `restore` puts the name back from the row's sort key.
    static func setMergedInto(_ db: Database, id: Int64, target: Int64) throws {
        try updateColumns(db, id: id, ["merged_into": target])
        try NameTokenWrites.delete(db, personID: id)
    }

    /// Blanks an erased person's row under a placeholder code, keeping sex, country and agency
    /// for statistics when asked (and only then: an erasure without statistics drops the agency
    /// too, as the erase record that travels carries none), and drops their name from the search index.
    static func erase(_ db: Database, id: Int64, placeholder: String, keepStatistics: Bool) throws {
        try db.execute(
            sql: """
                UPDATE person SET code = ?, given_name = '', family_name = '', position = '', email = '', phone = '',
                       sort_key = '', sex = CASE WHEN ? THEN sex ELSE 'not-disclosed' END,
                       country = CASE WHEN ? THEN country ELSE '' END,
                       agency_id = CASE WHEN ? THEN agency_id ELSE NULL END
                WHERE id = ?
                """, arguments: [placeholder, keepStatistics, keepStatistics, keepStatistics, id])
        try NameTokenWrites.delete(db, personID: id)
    }

    static func restore(_ db: Database, _ values: [String: DatabaseValue]) throws {
        guard let id = try restoreRow(db, values) else { return }
        try NameTokenWrites.replace(db, personID: id, sortKey: String.fromDatabaseValue(values["sort_key"] ?? .null) ?? "")
    }
}
