import Crypto
import Foundation
import GRDB

/// Open conflicts: fields of one entity whose heads disagree (`SyncMerge`). Positions in a list
/// are merged by the rule but not listed: two devices adding the same person to a roster at
/// once give two positions, and nobody needs to choose between them.
enum SyncConflicts {
    static let quiet: Set<String> = ["position"]

    /// With `gids`, only those entities' conflicts (one index lookup each), in the same order.
    static func open(_ db: Database, course: String?, gids: Set<String>? = nil) throws -> [SyncConflict] {
        let quietMarks = quiet.map { _ in "?" }.joined(separator: ",")
        var rows: [Row]
        if let gids {
            let statement = try db.cachedStatement(
                sql: """
                    SELECT gid, field, entity FROM sync_field
                    WHERE gid = ? AND superseded = 0 AND field NOT IN (\(quietMarks))
                    GROUP BY field HAVING count(DISTINCT coalesce(value, x'00')) > 1
                    """)
            rows = try gids.flatMap { gid in try Row.fetchAll(statement, arguments: StatementArguments([gid] + quiet.sorted())) }
            rows.sort { ($0["entity"] as String, $0["gid"] as String, $0["field"] as String) < ($1["entity"], $1["gid"], $1["field"]) }
        } else {
            rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT gid, field, entity FROM sync_field
                    WHERE superseded = 0 AND field NOT IN (\(quietMarks))
                    GROUP BY gid, field HAVING count(DISTINCT coalesce(value, x'00')) > 1
                    ORDER BY entity, gid, field
                    """, arguments: StatementArguments(quiet.sorted()))
        }
        var result: [SyncConflict] = []
        for row in rows {
            let gid: String = row["gid"], field: String = row["field"], entity: String = row["entity"]
            if try SyncErasure.isErased(db, gid: gid) { continue }
            let (said, courseCode) = try describe(db, entity: entity, gid: gid)
            if let course, courseCode != course, !(try enrolled(db, entity: entity, gid: gid, course: course)) { continue }
            let heads = try SyncMerge.heads(db, gid: gid)[field] ?? []
            let candidates = heads.enumerated().map { i, h in
                SyncConflict.Candidate(
                    recordID: h.recordID, origin: h.origin, originLabel: SyncLabels.label(db, origin: h.origin),
                    value: h.value, at: HybridClock.date(h.hlc), isWinner: i == 0)
            }
            var conflict = SyncConflict(
                id: id(gid: gid, field: field), course: courseCode.isEmpty ? nil : courseCode, entity: entity, gid: gid,
                label: said.text(in: .en), field: field, candidates: candidates)
            conflict.said = said
            result.append(conflict)
        }
        return result
    }

    /// Short and stable: the same conflict has the same id on every device.
    static func id(gid: String, field: String) -> String {
        String(SHA256.hash(data: Data("\(gid):\(field)".utf8)).prefix(4).map { String(format: "%02x", $0) }.joined())
    }

    static func enrolled(_ db: Database, entity: String, gid: String, course: String) throws -> Bool {
        guard entity == "person" else { return false }
        return try Bool.fetchOne(
            db,
            sql: """
                SELECT 1 FROM person p JOIN enrolment e ON e.person_id = p.id JOIN course c ON c.id = e.course_id
                WHERE p.gid = ? AND c.code = ?
                """, arguments: [gid, course]) ?? false
    }

    /// What a user recognises, as words for any language, and the course it belongs to (""
    /// for people and agencies). Names and codes are cleaned: they came from other devices.
    static func describe(_ db: Database, entity: String, gid: String) throws -> (ChangeSummary, String) {
        func courseOf(_ table: String) throws -> String {
            try String.fetchOne(
                db, sql: "SELECT c.code FROM \(table) t JOIN course c ON c.id = t.course_id WHERE t.gid = ?", arguments: [gid]) ?? ""
        }
        func clean(_ text: String) -> ChangeSummary.Part { .text(NameSanitizer.clean(text)) }
        switch entity {
        case "person":
            if let row = try Row.fetchOne(db, sql: "SELECT code, given_name, family_name FROM person WHERE gid = ?", arguments: [gid]) {
                let name = [row["code"] as String, row["given_name"] as String, row["family_name"] as String].filter { !$0.isEmpty }
                return (ChangeSummary("conflict.person", clean(name.joined(separator: " "))), "")
            }
        case "course":
            if let code = try String.fetchOne(db, sql: "SELECT code FROM course WHERE gid = ?", arguments: [gid]) {
                return (ChangeSummary("conflict.course", clean(code)), code)
            }
        case "agency":
            if let code = try String.fetchOne(db, sql: "SELECT code FROM agency WHERE gid = ?", arguments: [gid]) {
                return (ChangeSummary("conflict.agency", clean(code)), "")
            }
        case "session":
            if let key = try String.fetchOne(db, sql: "SELECT key FROM session WHERE gid = ?", arguments: [gid]) {
                let course = try courseOf("session")
                return (ChangeSummary("conflict.session", clean(key), clean(course)), course)
            }
        case "enrolment":
            if let code = try String.fetchOne(
                db, sql: "SELECT p.code FROM enrolment e JOIN person p ON p.id = e.person_id WHERE e.gid = ?", arguments: [gid])
            {
                let course = try courseOf("enrolment")
                return (ChangeSummary("conflict.enrolment", clean(code), clean(course)), course)
            }
        case "quota":
            if let row = try Row.fetchOne(db, sql: "SELECT scope, key FROM quota WHERE gid = ?", arguments: [gid]) {
                let course = try courseOf("quota")
                return (ChangeSummary("conflict.quota", clean(row["key"] as String), clean(course)), course)
            }
        default: break
        }
        return (ChangeSummary("logged", .text("\(entity) \(GlobalID.short(gid))")), "")
    }

    /// Chooses the value to keep (`keep` is an origin's label or id prefix, or a value) and
    /// records it as a put replacing every head, so the conflict closes on every device that
    /// receives it.
    static func resolve(_ db: Database, conflict: String, keep: String, now: Date) throws -> SyncConflict {
        let needle = conflict.lowercased()
        let open = try open(db, course: nil)
        let matching = open.filter { $0.id.hasPrefix(needle) }
        guard needle.count >= 4, let found = matching.first, matching.count == 1 else {
            throw MusterError.invalid(
                matching.count > 1
                    ? "\(NameSanitizer.clean(conflict)) names \(matching.count) conflicts; give more of its id"
                    : "no open conflict \(NameSanitizer.clean(conflict)); see muster sync conflicts")
        }
        let wanted = keep.trimmingCharacters(in: .whitespaces)
        let byOrigin = found.candidates.filter {
            $0.originLabel.caseInsensitiveCompare(wanted) == .orderedSame
                || (wanted.count >= 4 && $0.origin.hasPrefix(wanted.lowercased()))
        }
        let value: SyncValue
        if let candidate = byOrigin.first {
            value = candidate.value
        } else if let candidate = found.candidates.first(where: { $0.value.description == wanted }) {
            value = candidate.value
        } else if SyncEntity.named(found.entity)?.refs[found.field] != nil {
            throw MusterError.invalid("keep one of: \(found.candidates.map(\.originLabel).joined(separator: ", "))")
        } else if found.candidates.allSatisfy({ if case .int = $0.value { true } else { false } }), let number = Int64(wanted) {
            value = .int(number)
        } else {
            value = .text(NameSanitizer.clean(wanted))
        }
        guard var local = try SyncLocal.read(db), let entity = SyncEntity.named(found.entity) else {
            throw MusterError.database("this library has no sync origin")
        }
        try SyncRecorder.emit(
            db, kind: .put, entity: found.entity, gid: found.gid, fields: [found.field: value],
            prev: [found.field: found.candidates.map(\.recordID)], id: GlobalID.record(), local: &local, now: now, genesis: false)
        try local.save(db)
        _ = try SyncApply.materialize(db, entity: entity, gid: found.gid)
        var resolved = found
        resolved.candidates = [
            SyncConflict.Candidate(
                recordID: "", origin: local.origin, originLabel: local.label, value: value, at: now, isWinner: true)
        ]
        return resolved
    }
}
