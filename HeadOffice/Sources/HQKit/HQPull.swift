import CourseKit
import Foundation

/// What to pull: courses by code, by the countries of their people or host, and by period.
public struct HQPullScope: Sendable {
    public var courses: [String] = []
    public var countries: [String] = []
    public var from: CalendarDate?
    public var to: CalendarDate?
    public init(courses: [String] = [], countries: [String] = [], from: CalendarDate? = nil, to: CalendarDate? = nil) {
        self.courses = courses; self.countries = countries; self.from = from; self.to = to
    }
    var isEverything: Bool { courses.isEmpty && countries.isEmpty && from == nil && to == nil }
}

public struct HQPullSummary: Sendable {
    public var path: String
    public var courses: [String]
    public var records: Int
    public var imported: SyncImportSummary?
}

/// An ordinary Muster library from the head office: the records of the chosen courses (whole:
/// their sessions, nominations, people, the agencies they name, their events and erasures, as
/// `muster sync export` chooses them) written as a bundle signed by the head office's own
/// origin, and taken in by CourseKit's import into a new library file. So the pulled library is
/// what a laptop that imported the same records holds, every laptop command and the TUI work on
/// it, and what is edited there goes back with `muster sync export` and `muster-hq ingest`.
public enum HQPull {
    public static func pull(_ db: HQDatabase, scope: HQPullScope, to path: String, actor: String) async throws -> HQPullSummary {
        try await HQSchema.check(db)
        let shown = NameSanitizer.clean(path)
        if FileManager.default.fileExists(atPath: path) {
            throw HQError("\(shown) exists: pull into a new file (a pull never overwrites a library)")
        }
        let folder = (path as NSString).deletingLastPathComponent
        let scratch = (folder.isEmpty ? "." : folder) + "/.muster-hq-pull-\(UUID().uuidString.prefix(8)).records"
        let key = try await HQOrigin.key(db)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let (courses, tally) = try await collect(db, scope: scope, into: scratch)
        guard !courses.isEmpty else { throw HQError("no course at the head office matches: nothing pulled") }
        let bundle = scratch + ".bundle"
        defer { try? FileManager.default.removeItem(atPath: bundle) }
        let header = SyncBundleHeader(
            key: key, label: "head office", schema: CourseStore.schemaIdentifier, createdMs: Date().ms,
            courses: scope.isEverything ? [] : courses, tally: tally)
        guard let lines = FileHandle(forReadingAtPath: scratch) else { throw HQError("cannot read back \(scratch)") }
        defer { try? lines.close() }
        _ = try BundleFile.write(header: header, key: key, to: bundle, passphrase: nil) { emit in
            var reader = LineReader(lines)
            while let line = try reader.next() { try emit(try SyncRecord.decode(line)) }
        }
        do {
            let store = try CourseStore(path: path, actor: actor)
            try store.syncSetLabel("pulled from the head office")
            let summary = try store.syncImport(paths: [bundle], dryRun: false, passphrase: nil).first
            return HQPullSummary(path: path, courses: courses, records: tally.count, imported: summary)
        } catch {
            for suffix in ["", "-wal", "-shm", ".writer"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            throw error
        }
    }

    /// Chooses the courses, then streams their records to a scratch file in the laptop's export
    /// order, but with erasures last: an erasure that keeps statistics names an agency, and
    /// CourseKit's import drops that agency if the erasure arrives before it (found by
    /// HQConvergenceTests). One canonical line each, created 0600: they hold people's names.
    static func collect(_ db: HQDatabase, scope: HQPullScope, into scratch: String) async throws -> ([String], BundleTally) {
        guard FileManager.default.createFile(atPath: scratch, contents: nil, attributes: [.posixPermissions: 0o600]),
            let out = FileHandle(forWritingAtPath: scratch)
        else { throw HQError("cannot write beside \(NameSanitizer.clean(scratch)): is the folder writable?") }
        defer { try? out.close() }
        return try await db.transaction { db in
            try await db.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            let codes = scope.courses.isEmpty ? nil : scope.courses
            let countries = scope.countries.isEmpty ? nil : scope.countries.map { $0.uppercased() }
            let chosen = try await db.rows(
                """
                SELECT c.gid, c.code FROM muster.course_now c
                WHERE (\(codes)::text[] IS NULL OR c.code = ANY(\(codes)))
                  AND (\(scope.from?.description)::text IS NULL OR c.end_date >= \(scope.from?.description))
                  AND (\(scope.to?.description)::text IS NULL OR c.start_date <= \(scope.to?.description))
                  AND (\(countries)::text[] IS NULL OR c.country = ANY(\(countries)) OR EXISTS (
                        SELECT 1 FROM muster.entity n JOIN muster.person_now p ON p.gid = n.fields->>'person_id'
                        WHERE n.entity = 'enrolment' AND n.fields->>'course_id' = c.gid AND p.country = ANY(\(countries))))
                ORDER BY c.code
                """)
            if let codes {
                let found = Set(chosen.compactMap { $0[1] })
                if let missing = codes.first(where: { !found.contains($0) }) {
                    throw HQError("no course '\(NameSanitizer.clean(missing))' at the head office (muster-hq status lists them)")
                }
            }
            let gids = chosen.compactMap { $0[0] }
            var tally = BundleTally()
            guard !gids.isEmpty else { return ([], tally) }
            let query: PGQuery
            if scope.isEverything {
                query =
                    "SELECT origin, seq::text, kind, body FROM muster.record ORDER BY kind = 'erase', kind = 'event', origin COLLATE \"C\", seq"
            } else {
                try await db.query(
                    """
                    CREATE TEMP TABLE scope ON COMMIT DROP AS
                    SELECT unnest(\(gids)::text[]) AS gid
                    """)
                try await db.execute(
                    """
                    INSERT INTO scope SELECT gid FROM muster.entity
                    WHERE entity IN ('session', 'enrolment', 'quota', 'course_agency') AND fields->>'course_id' IN (SELECT gid FROM scope);
                    INSERT INTO scope SELECT DISTINCT v FROM muster.entity n, LATERAL (VALUES (n.fields->>'person_id'), (n.fields->>'substituted_by')) x(v)
                    WHERE n.entity = 'enrolment' AND n.gid IN (SELECT gid FROM scope) AND v IS NOT NULL;
                    INSERT INTO scope SELECT DISTINCT v FROM muster.entity n,
                        LATERAL (VALUES (n.fields->>'agency_id'), (n.fields->>'nominated_by'), (n.fields->>'merged_into')) x(v)
                    WHERE n.gid IN (SELECT gid FROM scope) AND v IS NOT NULL;
                    """)
                try await db.query(
                    """
                    INSERT INTO scope SELECT e.id FROM muster.event e JOIN muster.entity s ON s.gid = e.session_gid
                    WHERE s.entity = 'session' AND s.fields->>'course_id' = ANY(\(gids))
                    """)
                query = """
                    SELECT origin, seq::text, kind, body FROM muster.record
                    WHERE gid IN (SELECT DISTINCT gid FROM scope) ORDER BY kind = 'erase', kind = 'event', origin COLLATE "C", seq
                    """
            }
            var pending = Data()
            try await db.forEachRow(query) { row in
                let (origin, seq, kind, body) = (row[0] ?? "", row[1] ?? "", row[2] ?? "", row[3] ?? "")
                tally.add(
                    SyncRecord(
                        id: "", origin: origin, seq: Int64(seq) ?? 0, hlc: 0, kind: SyncRecord.Kind(rawValue: kind) ?? .put, entity: "",
                        gid: ""))
                pending.append(contentsOf: body.utf8)
                pending.append(0x0A)
                if pending.count >= 1 << 20 {
                    try out.write(contentsOf: pending)
                    pending.removeAll(keepingCapacity: true)
                }
            }
            try out.write(contentsOf: pending)
            return (chosen.compactMap { $0[1] }, tally)
        }
    }
}

/// Lines of a file, read in 1 MiB blocks.
struct LineReader {
    let handle: FileHandle
    var buffer = [UInt8]()
    var start = 0
    var done = false
    init(_ handle: FileHandle) { self.handle = handle }

    mutating func next() throws -> Data? {
        while true {
            if let newline = buffer[start...].firstIndex(of: 0x0A) {
                let line = Data(buffer[start..<newline])
                start = newline + 1
                return line
            }
            if done {
                guard start < buffer.count else { return nil }
                defer { start = buffer.count }
                return Data(buffer[start...])
            }
            buffer.removeFirst(start)
            start = 0
            let block = try handle.read(upToCount: 1 << 20) ?? Data()
            if block.isEmpty { done = true } else { buffer.append(contentsOf: block) }
        }
    }
}
