import Foundation
import GRDB

/// Takes an erased person out of the change log.
///
/// The log keeps a one-line summary ("T-001 José Núñez: nominated → confirmed") and images of
/// the rows before and after each change, so without this an erasure would leave their name,
/// e-mail and phone in every entry about them, and undoing an old change could write them back.
/// What attributes a change (who, device, when, which kind, which rows) is left exactly as it was:
/// the schema's trigger refuses any other rewrite. In the row images their person row becomes the
/// placeholder's values and their enrolment notes are blanked; in the summaries their name,
/// e-mail and phone become "(erased)" and their code the placeholder's, in the sentence and in
/// its words (`summary_words`) alike.
enum ChangeLogScrub {
    static let redacted = "(erased)"

    /// Columns of a person row that identify them; sex and country follow `keepStatistics`.
    static let identifying = ["code", "given_name", "family_name", "position", "email", "phone", "sort_key"]

    static func run(_ db: Database, person: Person, personID: Int64, placeholder: Row) throws {
        let secrets = [person.displayName, person.email, person.phone]
            .filter { $0.count >= 3 }.sorted { $0.count > $1.count }
        // Every entry that names someone is linked to them (`record` links each person its rows
        // concern, and their summaries name only those), so the index finds them all without
        // reading the whole log: a purge of thousands stays one lookup per person.
        let ids = try Int64.fetchAll(
            db, sql: "SELECT change_id FROM change_subject WHERE person_id = ? ORDER BY change_id",
            arguments: [personID])
        for id in ids {
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT summary, summary_words, before_json, after_json FROM change_log WHERE id = ?",
                    arguments: [id])
            else { continue }
            let hide = { (text: String) in redact(text, secrets: secrets, code: person.code, placeholder: placeholder["code"]) }
            let summary = hide(row["summary"])
            // The words name them in their text parts, as the sentence does: scrubbed part by part.
            let words = ChangeSummary(json: row["summary_words"])?.mapText(hide).json
            let before = scrub(json: row["before_json"], personID: personID, placeholder: placeholder)
            let after = scrub(json: row["after_json"], personID: personID, placeholder: placeholder)
            try ChangeLogWrites.scrub(db, id: id, summary: summary, words: words, beforeJSON: before, afterJSON: after)
        }
    }

    /// `text` with each secret replaced by "(erased)" and the code, as a whole word, by the
    /// placeholder's code (so "T-001" does not touch "T-0012").
    static func redact(_ text: String, secrets: [String], code: String, placeholder: String) -> String {
        var out = text
        for secret in secrets { out = out.replacingOccurrences(of: secret, with: redacted, options: [.caseInsensitive]) }
        guard !code.isEmpty else { return out }
        var result = "", rest = Substring(out)
        while let range = rest.range(of: code, options: [.caseInsensitive]) {
            let before = rest[..<range.lowerBound].last, after = rest[range.upperBound...].first
            let whole = !(before.map(isCodeCharacter) ?? false) && !(after.map(isCodeCharacter) ?? false)
            result += rest[..<range.lowerBound] + (whole ? placeholder : String(rest[range]))
            rest = rest[range.upperBound...]
        }
        return result + rest
    }

    static func isCodeCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "-" }

    /// A logged row image with the person's own rows replaced: their person row takes the
    /// placeholder's identifying values, their enrolments lose their notes. Other people's rows
    /// are left alone, so undoing a change still restores them exactly.
    static func scrub(json: String, personID: Int64, placeholder: Row) -> String {
        guard var object = (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: Any] else { return json }
        func isPerson(_ value: Any?) -> Bool { (value as? NSNumber)?.int64Value == personID }
        if var people = object["person"] as? [[String: Any]] {
            for i in people.indices where isPerson(people[i]["id"]) {
                for column in identifying + ["sex", "country"] {
                    people[i][column] = (placeholder[column] as String?) ?? ""
                }
            }
            object["person"] = people
        }
        if var enrolments = object["enrolment"] as? [[String: Any]] {
            for i in enrolments.indices where isPerson(enrolments[i]["person_id"]) { enrolments[i]["note"] = "" }
            object["enrolment"] = enrolments
        }
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
