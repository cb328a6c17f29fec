import Foundation
import GRDB

/// The free text that names an erased person, and how it is taken out: in words, each secret
/// becomes "(erased)"; in a facilitator list, an entry that is just their name becomes "(erased)".
struct Redaction {
    let secrets: [String]
    /// The name forms folded, to recognise a facilitator entry written with other accents or case.
    let folded: Set<String>

    init(secrets: [String]) {
        self.secrets = secrets
        folded = Set(secrets.map(NameFolding.fold))
    }

    func text(_ text: String) -> String {
        ChangeLogScrub.redact(text, secrets: secrets, code: "", placeholder: "")
    }

    /// A facilitator list as stored (a JSON array of names).
    func list(_ json: String) -> String {
        let list = JSONList.decode(json)
        let scrubbed = list.map { folded.contains(NameFolding.fold($0)) ? ChangeLogScrub.redacted : text($0) }
        return scrubbed == list ? json : JSONList.encode(scrubbed)
    }
}

extension FreeTextScrub {
    /// The free-text columns of logged rows and synced records: only these are rewritten, so a
    /// namesake's own name, in their own rows, is never touched.
    static let freeText: Set<String> = ["note", "facilitators"]

    /// Change-log entries about others that quote their words: a note's or a facilitator list's
    /// old and new values in the row images, and the summary when it repeats them. A summary that
    /// names a namesake linked to the entry (the same full name, another person) keeps the name:
    /// it is theirs.
    static func scrubChangeLog(_ db: Database, _ scrub: Redaction, personID: Int64) throws -> Int {
        var count = 0
        let columns = ["summary", "summary_words", "before_json", "after_json"]
        for row in try candidates(db, table: "change_log", columns: columns, secrets: scrub.secrets) {
            let id: Int64 = row["id"]
            let texts: [String] = [row["summary"], row["before_json"], row["after_json"]]
            let words: String? = row["summary_words"]
            let namesakes = try String.fetchAll(
                db,
                sql: """
                    SELECT p.given_name || ' ' || p.family_name FROM change_subject s JOIN person p ON p.id = s.person_id
                    WHERE s.change_id = ? AND s.person_id <> ?
                    """, arguments: [id, personID]
            ).filter { scrub.folded.contains(NameFolding.fold($0)) }
            let summary = namesakes.isEmpty ? scrub.text(texts[0]) : texts[0]
            let scrubbed = [summary, image(texts[1], scrub), image(texts[2], scrub)]
            let scrubbedWords = namesakes.isEmpty ? ChangeSummary(json: words)?.mapText(scrub.text).json ?? words : words
            guard scrubbed != texts || scrubbedWords != words else { continue }
            try ChangeLogWrites.scrub(
                db, id: id, summary: scrubbed[0], words: scrubbedWords, beforeJSON: scrubbed[1], afterJSON: scrubbed[2])
            count += 1
        }
        return count
    }

    /// A logged row image with the free-text values of every row redacted.
    static func image(_ json: String, _ scrub: Redaction) -> String {
        guard var object = (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: Any] else { return json }
        var changed = false
        for (table, value) in object {
            guard var rows = value as? [[String: Any]] else { continue }
            for i in rows.indices {
                for column in freeText {
                    guard let text = rows[i][column] as? String else { continue }
                    let redacted = column == "facilitators" ? scrub.list(text) : scrub.text(text)
                    if redacted != text { rows[i][column] = redacted; changed = true }
                }
            }
            object[table] = rows
        }
        guard changed, let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else { return json }
        return String(decoding: data, as: UTF8.self)
    }

    /// The sync log keeps every record this library made or received, to pass on: a note or a
    /// facilitator list in one of them is redacted as in the table, the record keeping the hash
    /// of what it was (as an erased person's own notes are), and so are the fields' stored values.
    ///
    /// In an edit, only a value that was replaced (superseded here by the erasure's own edit,
    /// recorded before this runs, or by an earlier one): a value still in force is a head the
    /// merge compares, and a head rewritten in place on one device made devices see different
    /// conflicts (`SyncConvergenceTests`, seed 0x3f53ac502650a338). One that arrives later, made
    /// on a device that had not heard of the erasure, stays as it came: every device then shows
    /// the same conflict, and resolving it ends it. Other libraries take the scrubbed copies in
    /// place of their originals when they arrive (`SyncScrubbedCopy`).
    static func scrubSyncRecords(_ db: Database, _ scrub: Redaction) throws {
        for row in try candidates(db, table: "sync_record", columns: ["body"], secrets: scrub.secrets) {
            let record = try SyncRecord.decode(row["body"])
            var redacted = record
            for column in freeText {
                guard case .text(let text) = record.fields?[column] ?? .null else { continue }
                let replaced = try record.kind == .event || superseded(db, recordID: record.id, field: column)
                guard replaced else { continue }
                redacted.fields?[column] = .text(column == "facilitators" ? scrub.list(text) : scrub.text(text))
            }
            guard redacted.fields != record.fields else { continue }
            redacted.hash = record.contentHash
            try SyncRecordWrites.scrub(db, redacted)
        }
        let fields = try candidates(
            db, table: "sync_field", columns: ["value"], secrets: scrub.secrets, select: "gid, field, record_id, value",
            where: "field IN ('note', 'facilitators') AND superseded = 1")
        for row in fields {
            let field: String = row["field"], value: String = row["value"]
            let redacted = field == "facilitators" ? scrub.list(value) : scrub.text(value)
            guard redacted != value else { continue }
            try SyncRecordWrites.redactField(db, gid: row["gid"], field: field, recordID: row["record_id"], value: redacted)
        }
    }

    /// Whether a later record replaced this record's value of `field`. A record whose fields
    /// are read from its body is its entity's only one: a head (`SyncRecordWrites.materializeFields`).
    static func superseded(_ db: Database, recordID: String, field: String) throws -> Bool {
        if let stored = try Bool.fetchOne(
            db, sql: "SELECT superseded FROM sync_field WHERE record_id = ? AND field = ?", arguments: [recordID, field])
        {
            return stored
        }
        let alone = try Bool.fetchOne(
            db, sql: "SELECT 1 FROM (\(SyncRecordWrites.fieldsInBodies)) WHERE record_id = ? AND field = ?",
            arguments: [recordID, field])
        return alone != true
    }
}
