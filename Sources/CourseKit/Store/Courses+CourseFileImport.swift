import Foundation
import GRDB

/// What an import did, for the command line to report.
public struct ImportSummary: Sendable, Equatable {
    public var course: String
    public var created: Bool
    public var sessions: Int
    public var participants: Int
    public var newPeople: Int

    public init(course: String, created: Bool, sessions: Int, participants: Int, newPeople: Int) {
        self.course = course; self.created = created; self.sessions = sessions
        self.participants = participants; self.newPeople = newPeople
    }
}

extension Courses {
    /// Loads a course file into the library in one transaction: all of it or, on any error, nothing.
    ///
    /// A course already in the library is updated to match the file. Agencies and people are shared
    /// across courses and matched by their codes. Sessions or enrolments the file no longer lists are
    /// removed, unless attendance was recorded for them: then the import is refused, because the
    /// attendance log is never deleted.
    ///
    /// People who were erased are refused (an old file must not bring them back) unless
    /// `allowErased` says a person asked to be registered again.
    @discardableResult
    public func importCourse(_ file: CourseFile, allowErased: Bool = false, progress: ProgressReporter = .silent) throws -> ImportSummary {
        try importCourse(file, allowErased: allowErased, progress: progress, upkeep: .automatic)
    }

    /// `upkeep`: how the derived roster tables are kept while the enrolments are written (tests
    /// compare the two ways).
    @discardableResult
    func importCourse(
        _ file: CourseFile, allowErased: Bool = false, progress: ProgressReporter = .silent, upkeep: DerivedUpkeep
    ) throws -> ImportSummary {
        try write(progress: progress) { db in
            let before = try Self.importedPeople(db, file: file)
            let summary = try CourseImporter(db: db, file: file, allowErased: allowErased, progress: progress, upkeep: upkeep).run()
            try logImport(db, file: file, before: before)
            return summary
        }
    }

    /// The person and enrolment rows an import of `file` may touch, per person: the file's people
    /// and whoever is on the course's roster now (an import removes those the file leaves out).
    static func importedPeople(_ db: Database, file: CourseFile) throws -> [Int64: ChangeSnapshot] {
        let codes = (file.participants ?? []).map { $0.code.uppercased() }
        var ids = Set<Int64>()
        for chunk in stride(from: 0, to: codes.count, by: 500).map({ Array(codes[$0..<min($0 + 500, codes.count)]) }) {
            ids.formUnion(
                try Int64.fetchAll(
                    db, sql: "SELECT id FROM person WHERE code IN (\(chunk.map { _ in "?" }.joined(separator: ",")))",
                    arguments: StatementArguments(chunk)))
        }
        ids.formUnion(
            try Int64.fetchAll(
                db,
                sql: """
                    SELECT e.person_id FROM enrolment e JOIN course c ON c.id = e.course_id WHERE c.code = ?
                    """, arguments: [file.code]))
        var snapshots: [Int64: ChangeSnapshot] = [:]
        for id in ids { snapshots[id] = try personRows(db, personID: id, courseCode: file.code) }
        return snapshots
    }

    static func personRows(_ db: Database, personID: Int64, courseCode: String) throws -> ChangeSnapshot {
        let enrolments = try Int64.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT e.id FROM enrolment e JOIN course c ON c.id = e.course_id WHERE c.code = ? AND e.person_id = ?
                    """), arguments: [courseCode, personID])
        return try ChangeSnapshot.read(db, [("enrolment", enrolments), ("person", [personID])])
    }

    /// Logs, for each person whose row or enrolment the import created, changed or removed, one
    /// change with source `import`: who ran it, on which device, when, and the rows before and
    /// after. A person the file leaves as they were gets no entry, so importing the same file
    /// twice logs nothing the second time.
    func logImport(_ db: Database, file: CourseFile, before: [Int64: ChangeSnapshot]) throws {
        guard let courseID = try Int64.fetchOne(db, sql: "SELECT id FROM course WHERE code = ?", arguments: [file.code]) else { return }
        var ids = Set(before.keys)
        for p in file.participants ?? [] {
            if let id = try Int64.fetchOne(
                db.cachedStatement(sql: "SELECT id FROM person WHERE code = ?"), arguments: [p.code.uppercased()])
            {
                ids.insert(id)
            }
        }
        for id in ids.sorted() {
            let old = before[id] ?? ChangeSnapshot()
            let new = try Self.personRows(db, personID: id, courseCode: file.code)
            guard old != new else { continue }
            let person = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM person WHERE id = ?"), arguments: [id]).map(
                Person.init(row:))
            let name = person.map { "\($0.code) \($0.displayName)" } ?? "#\(id)"
            let what =
                old.rows["person"] == nil
                ? "import.added"
                : new.rows["enrolment"] == nil && old.rows["enrolment"] != nil ? "import.removed" : "import.updated"
            _ = try store.record(
                db, entity: "person", entityID: id, courseID: courseID, action: "import",
                summary: ChangeSummary(what, .text(file.code), .text(name)), before: old, after: new,
                source: ChangeSource.import)
        }
    }

    /// Loads every `*.yaml` file in a folder, in name order, each in its own transaction.
    public func seed(from directory: String) throws -> [ImportSummary] {
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: directory) } catch {
            throw MusterError.unreadable(path: directory, reason: "no such folder")
        }
        return try names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().map {
            try importCourse(CourseFileCodec.read(path: (directory as NSString).appendingPathComponent($0)))
        }
    }
}

/// The steps of one course import, inside the caller's transaction.
struct CourseImporter {
    let db: Database
    let file: CourseFile
    var allowErased = false
    var progress = ProgressReporter.silent
    var upkeep = DerivedUpkeep.automatic

    func run() throws -> ImportSummary {
        let f = file
        let zone = TimeZone(identifier: f.timeZone) ?? .gmt
        let course = Course(
            code: f.code, title: clean(f.title), shortTitle: clean(f.shortTitle), programme: clean(f.programme),
            organiser: clean(f.organiser),
            funder: clean(f.funder), project: clean(f.project), venue: clean(f.venue),
            country: (f.country ?? "").uppercased(), timeZone: f.timeZone, modality: f.modality,
            startDate: f.startDate, endDate: f.endDate,
            completion: CompletionRule(
                minimumShare: Double(f.completion?.minimumPercent ?? 80) / 100,
                requireCore: f.completion?.requireCore ?? false),
            lateAfterMinutes: f.lateAfterMinutes ?? 15, summary: clean(f.summary),
            sources: (f.sources ?? []).map(NameSanitizer.clean),
            assumptions: (f.assumptions ?? []).map(NameSanitizer.clean),
            retention: f.retention.flatMap { try? RetentionPeriod.parse($0) },  // validated
            checkInOpensMinutes: f.checkInOpensMinutes ?? Course.defaultCheckInOpensMinutes,
            language: f.language.flatMap(Language.init(rawValue:)))
        let existing = try Int64.fetchOne(db, sql: "SELECT id FROM course WHERE code = ?", arguments: [f.code])
        let courseID: Int64
        if let existing {
            try CourseWrites.update(db, id: existing, course)
            courseID = existing
        } else {
            // A course file's first load is genesis: every library that loads the same file
            // makes the same ids and values, and any edit made anywhere wins over them.
            try SyncRecorder.markGenesis(db)
            courseID = try CourseWrites.insert(db, course)
        }

        try importSessions(courseID: courseID, zone: zone)
        let agencyIDs = try importAgencies(courseID: courseID)
        try QuotaWrites.deleteAll(db, courseID: courseID)
        for (i, q) in (f.quotas ?? []).enumerated() {
            try QuotaWrites.insert(
                db, courseID: courseID, scope: q.scope, key: q.scope == .country ? q.key.uppercased() : q.key,
                limit: q.limit, position: i)
        }
        let (people, newPeople) = try importPeople(agencyIDs: agencyIDs)
        try importEnrolments(courseID: courseID, people: people, agencyIDs: agencyIDs)
        return ImportSummary(
            course: f.code, created: existing == nil, sessions: f.sessions.count,
            participants: f.participants?.count ?? 0, newPeople: newPeople)
    }

    func clean(_ s: String?) -> String { NameSanitizer.clean(s ?? "") }

    func importSessions(courseID: Int64, zone: TimeZone) throws {
        let keep = Set(file.sessions.map(\.id))
        let old = try Row.fetchAll(db, sql: "SELECT id, key FROM session WHERE course_id = ?", arguments: [courseID])
        for row in old where !keep.contains(row["key"] as String) {
            let id: Int64 = row["id"]
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM attendance_event WHERE session_id = ? LIMIT 1", arguments: [id]) ?? false {
                throw MusterError.refused(.markedSessionMissing(session: row["key"] as String, course: file.code))
            }
            try SessionWrites.delete(db, id: id)
        }
        for (i, s) in file.sessions.enumerated() {
            let tz = s.timeZone.flatMap(TimeZone.init(identifier:)) ?? zone
            let start = LocalTime.parse(s.start, in: tz)!, end = LocalTime.parse(s.end, in: tz)!  // validated
            let values: [String: (any DatabaseValueConvertible)?] = [
                "course_id": courseID, "key": s.id, "position": i, "title": clean(s.title), "kind": s.kind.rawValue,
                "start_ms": start.ms, "end_ms": end.ms, "time_zone": s.timeZone,
                "modality": (s.modality ?? file.modality).rawValue, "venue": clean(s.venue), "link": clean(s.link),
                "facilitators": JSONList.encode((s.facilitators ?? []).map(NameSanitizer.clean)), "core": s.core ?? false,
            ]
            if let id = try Int64.fetchOne(db, sql: "SELECT id FROM session WHERE course_id = ? AND key = ?", arguments: [courseID, s.id]) {
                try SessionWrites.update(db, id: id, values)
            } else {
                try SessionWrites.insert(db, values)
            }
        }
    }

    func importAgencies(courseID: Int64) throws -> [String: Int64] {
        var ids: [String: Int64] = [:]
        try CourseAgencyWrites.deleteAll(db, courseID: courseID)
        for (i, a) in (file.agencies ?? []).enumerated() {
            let agency = Agency(
                code: a.id, name: clean(a.name), acronym: clean(a.acronym), kind: a.kind,
                country: (a.country ?? "").uppercased())
            let id: Int64
            if let existing = try AgencyWrites.id(db, code: a.id) {
                try AgencyWrites.update(db, id: existing, agency)
                id = existing
            } else {
                id = try AgencyWrites.insert(db, agency)
            }
            ids[a.id] = id
            try CourseAgencyWrites.insert(db, courseID: courseID, agencyID: id, position: i)
        }
        return ids
    }

    func importPeople(agencyIDs: [String: Int64]) throws -> ([String: Int64], Int) {
        var ids: [String: Int64] = [:]
        var created = 0
        // Read once: the key file is the same for every participant of the file.
        let erasureKey = allowErased ? nil : try ErasureKey(db).read()
        let participants = file.participants ?? []
        for (i, p) in participants.enumerated() {
            progress("people", i + 1, of: participants.count, "people")
            var person = PersonWrites.stored(
                Person(
                    code: p.code, givenName: p.givenName, familyName: p.familyName, sex: p.sex, country: p.country ?? "",
                    agencyID: p.agency.flatMap { agencyIDs[$0] }, position: p.position ?? "", email: p.email ?? "", phone: p.phone ?? ""))
            let id: Int64
            if let existing = try Int64.fetchOne(db, sql: "SELECT id FROM person WHERE code = ?", arguments: [person.code]) {
                person.id = existing
                try PersonWrites.update(db, &person)
                id = existing
            } else {
                if !allowErased, try PrivacyAudit.wasErased(db, code: person.code, email: person.email, key: erasureKey) {
                    throw MusterError.erasedParticipant(code: person.code)
                }
                id = try PersonWrites.insert(db, &person)
                created += 1
            }
            ids[person.code] = id
        }
        return (ids, created)
    }

    func importEnrolments(courseID: Int64, people: [String: Int64], agencyIDs: [String: Int64]) throws {
        let keep = Set(people.values)
        let old = try Int64.fetchAll(db, sql: "SELECT person_id FROM enrolment WHERE course_id = ?", arguments: [courseID])
        for personID in old where !keep.contains(personID) {
            let marked =
                try Bool.fetchOne(
                    db,
                    sql: """
                        SELECT 1 FROM attendance_event a JOIN session s ON s.id = a.session_id
                        WHERE s.course_id = ? AND a.person_id = ? LIMIT 1
                        """, arguments: [courseID, personID]) ?? false
            if marked {
                let code = try String.fetchOne(db, sql: "SELECT code FROM person WHERE id = ?", arguments: [personID]) ?? "?"
                throw MusterError.refused(.markedPersonMissing(code: code, course: file.code))
            }
            try EnrolmentWrites.delete(db, courseID: courseID, personID: personID)
        }
        // A big file (the 100k course's) keeps the derived roster tables set-wise, as a big roster
        // import does: the per-row triggers were a fifth of its import.
        let participants = file.participants ?? []
        let written =
            try upkeep.setWise(changes: participants.count, existing: old.count)
            && DerivedRoster.withTriggersSuspended(db, courseID: courseID) {
                try writeEnrolments(participants, courseID: courseID, people: people, agencyIDs: agencyIDs)
            }
        if !written { try writeEnrolments(participants, courseID: courseID, people: people, agencyIDs: agencyIDs) }
    }

    func writeEnrolments(
        _ participants: [CourseFile.ParticipantEntry], courseID: Int64, people: [String: Int64], agencyIDs: [String: Int64]
    ) throws {
        for (i, p) in participants.enumerated() {
            progress("enrolments", i + 1, of: participants.count, "enrolments")
            let personID = people[p.code.uppercased()]!
            let nominatedBy = p.nominatedBy.flatMap { agencyIDs[$0] }
            let substitutedBy = p.substitutedBy.flatMap { people[$0.uppercased()] }
            if let id = try Int64.fetchOne(
                db, sql: "SELECT id FROM enrolment WHERE course_id = ? AND person_id = ?",
                arguments: [courseID, personID])
            {
                try EnrolmentWrites.update(
                    db, id: id,
                    [
                        "course_id": courseID, "person_id": personID, "position": i, "role": p.role.rawValue,
                        "nominated_by": nominatedBy, "status": p.status.rawValue, "substituted_by": substitutedBy, "note": clean(p.note),
                    ])
            } else {
                try EnrolmentWrites.insert(
                    db, courseID: courseID, personID: personID, position: i, role: p.role,
                    nominatedBy: nominatedBy, status: p.status, substitutedBy: substitutedBy, note: clean(p.note))
            }
        }
    }
}
