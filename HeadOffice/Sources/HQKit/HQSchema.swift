import Foundation

/// The head office's tables, created and moved forward by numbered migrations (`muster-hq init`).
///
/// The records are the truth: every record of every bundle, insert-if-absent by id, as the
/// laptops hold them (`record`). Beside them, what the merge reads (`field`, `supersede`,
/// `erased`), the merged values per entity (`entity`), attendance events (`event`) and one row
/// per trainee and course with the verdict of CourseKit's rules (`trainee`), which the
/// cross-course report sums in SQL.
public enum HQSchema {
    public struct Migration: Sendable {
        public let version: Int
        public let name: String
        let sql: String
    }

    public static let migrations: [Migration] = [
        Migration(
            version: 1, name: "records, merge and verdicts",
            sql: """
                CREATE TABLE muster.meta (key text PRIMARY KEY, value text NOT NULL);
                -- Every device whose bundles arrived, with its key and the name it gave itself.
                CREATE TABLE muster.origin (
                    origin     text PRIMARY KEY,
                    public_key text NOT NULL,
                    label      text NOT NULL DEFAULT '',
                    first_seen timestamptz NOT NULL DEFAULT now(),
                    last_seen  timestamptz NOT NULL DEFAULT now()
                );
                -- The ledger: one row per bundle taken in. A bundle seen again changes nothing.
                CREATE TABLE muster.bundle (
                    bundle_id   text PRIMARY KEY,
                    origin      text NOT NULL,
                    label       text NOT NULL,
                    courses     text NOT NULL,
                    records     integer NOT NULL,
                    added       integer NOT NULL,
                    sha256      text NOT NULL,
                    file        text NOT NULL,
                    written_ms  bigint NOT NULL,
                    ingested_at timestamptz NOT NULL DEFAULT now()
                );
                -- Every record held, as it travels (canonical JSON): the same rows a laptop's sync_record holds.
                CREATE TABLE muster.record (
                    id        text PRIMARY KEY,
                    origin    text NOT NULL,
                    seq       bigint NOT NULL,
                    hlc       bigint NOT NULL,
                    kind      text NOT NULL,
                    entity    text NOT NULL,
                    gid       text NOT NULL,
                    body      text NOT NULL,
                    bundle_id text NOT NULL,
                    UNIQUE (origin, seq)
                );
                CREATE INDEX record_by_gid ON muster.record (gid);
                -- One row per field a put record sets; a head until a record names it in prev
                -- (or, at clock 0, until any edit of the field).
                CREATE TABLE muster.field (
                    gid        text NOT NULL,
                    field      text NOT NULL,
                    record_id  text NOT NULL,
                    entity     text NOT NULL,
                    hlc        bigint NOT NULL,
                    origin     text NOT NULL,
                    value      jsonb,
                    superseded boolean NOT NULL DEFAULT false,
                    PRIMARY KEY (gid, field, record_id)
                );
                -- "record_id's value of field was replaced by by_record", kept before record_id arrives.
                CREATE TABLE muster.supersede (
                    gid       text NOT NULL,
                    field     text NOT NULL,
                    record_id text NOT NULL,
                    by_record text NOT NULL,
                    PRIMARY KEY (gid, field, record_id, by_record)
                );
                -- People erased: their erase record's fields (placeholder, and statistics when kept).
                CREATE TABLE muster.erased (gid text PRIMARY KEY, record_id text NOT NULL, fields jsonb NOT NULL);
                -- The merged current value of every field, per entity.
                CREATE TABLE muster.entity (gid text PRIMARY KEY, entity text NOT NULL, fields jsonb NOT NULL);
                CREATE INDEX entity_by_kind ON muster.entity (entity);
                CREATE INDEX entity_by_course ON muster.entity ((fields->>'course_id'))
                    WHERE entity IN ('session', 'enrolment', 'quota', 'course_agency');
                CREATE INDEX entity_by_person ON muster.entity ((fields->>'person_id')) WHERE entity = 'enrolment';
                CREATE TABLE muster.event (
                    id          text PRIMARY KEY,
                    session_gid text NOT NULL,
                    person_gid  text NOT NULL,
                    status      text NOT NULL,
                    recorded_ms bigint NOT NULL,
                    arrival_ms  bigint,
                    source      text NOT NULL,
                    undoes      text
                );
                CREATE INDEX event_by_session ON muster.event (session_gid, person_gid);
                CREATE INDEX event_by_person ON muster.event (person_gid);
                -- One row per trainee (participant or observer) and course: CourseKit's verdict.
                CREATE TABLE muster.trainee (
                    course_gid text NOT NULL,
                    person_gid text NOT NULL,
                    role       text NOT NULL,
                    status     text NOT NULL,
                    expected   boolean NOT NULL,
                    attended   integer NOT NULL,
                    completed  boolean NOT NULL,
                    eligible   boolean NOT NULL,
                    PRIMARY KEY (course_gid, person_gid)
                );
                CREATE INDEX trainee_by_person ON muster.trainee (person_gid);
                CREATE VIEW muster.course_now AS
                    SELECT gid, fields->>'code' AS code, fields->>'title' AS title,
                           coalesce(nullif(fields->>'short_title', ''), fields->>'title') AS label,
                           fields->>'start_date' AS start_date, fields->>'end_date' AS end_date,
                           coalesce(fields->>'country', '') AS country
                    FROM muster.entity WHERE entity = 'course' AND fields->>'_exists' = '1';
                CREATE VIEW muster.session_now AS
                    SELECT gid, fields->>'course_id' AS course_gid, fields->>'key' AS key
                    FROM muster.entity WHERE entity = 'session' AND fields->>'_exists' = '1';
                CREATE VIEW muster.agency_now AS
                    SELECT gid, coalesce(fields->>'code', '') AS code, coalesce(fields->>'name', '') AS name,
                           coalesce(fields->>'acronym', '') AS acronym, coalesce(fields->>'kind', 'government') AS kind,
                           coalesce(fields->>'country', '') AS country
                    FROM muster.entity WHERE entity = 'agency' AND fields->>'_exists' = '1';
                -- An erased person shows what their erasure kept: sex, country and agency only
                -- when statistics were kept.
                CREATE VIEW muster.person_now AS
                    SELECT coalesce(p.gid, x.gid) AS gid,
                           CASE WHEN x.gid IS NULL THEN coalesce(p.fields->>'sex', 'not-disclosed')
                                WHEN x.fields->>'keep_statistics' = '1' THEN coalesce(x.fields->>'sex', 'not-disclosed')
                                ELSE 'not-disclosed' END AS sex,
                           CASE WHEN x.gid IS NULL THEN coalesce(p.fields->>'country', '')
                                WHEN x.fields->>'keep_statistics' = '1' THEN coalesce(x.fields->>'country', '')
                                ELSE '' END AS country,
                           CASE WHEN x.gid IS NULL THEN p.fields->>'agency_id'
                                WHEN x.fields->>'keep_statistics' = '1' THEN x.fields->>'agency_id'
                                ELSE p.fields->>'agency_id' END AS agency_gid,
                           x.gid IS NOT NULL AS erased
                    FROM (SELECT * FROM muster.entity WHERE entity = 'person' AND fields->>'_exists' = '1') p
                    FULL JOIN muster.erased x ON x.gid = p.gid;
                """)
    ]

    /// Creates the schema or brings it up to date; returns the migrations it ran. All in one
    /// transaction under an advisory lock, so two `init`s at once take turns and a failed one
    /// leaves the database as it was.
    public static func migrate(_ db: HQDatabase) async throws -> [Migration] {
        try await db.transaction { db in
            try await db.execute("SELECT pg_advisory_xact_lock(\(lockKey))")
            try await db.execute(
                """
                CREATE SCHEMA IF NOT EXISTS muster;
                CREATE TABLE IF NOT EXISTS muster.migration (
                    version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())
                """)
            let done = Set(try await db.rows("SELECT version::text FROM muster.migration").compactMap { $0[0].flatMap(Int.init) })
            if let newest = done.max(), newest > migrations.last!.version {
                throw HQError(
                    "the database was set up by a newer muster-hq (schema \(newest); this one knows \(migrations.last!.version)): update muster-hq"
                )
            }
            var ran: [Migration] = []
            for m in migrations where !done.contains(m.version) {
                try await db.execute(m.sql)
                try await db.query("INSERT INTO muster.migration (version, name) VALUES (\(m.version), \(m.name))")
                ran.append(m)
            }
            try await HQOrigin.ensure(db)
            return ran
        }
    }

    /// Refuses to work on a database `init` has not set up (or a newer one set up).
    public static func check(_ db: HQDatabase) async throws {
        let exists = try await db.rows("SELECT to_regclass('muster.migration')::text")
        guard exists.first?.first ?? nil != nil else {
            throw HQError("\(db.url.shown) has no Muster head-office tables: run muster-hq init first")
        }
        let newest = try await db.int("SELECT max(version)::text FROM muster.migration")
        if newest < migrations.last!.version {
            throw HQError("\(db.url.shown) has an older head-office schema (\(newest)): run muster-hq init to bring it up to date")
        }
        if newest > migrations.last!.version {
            throw HQError("the database was set up by a newer muster-hq (schema \(newest)): update muster-hq")
        }
    }

    /// pg_advisory_lock key for migrations ("MUSTERHQ" as bytes).
    static let lockKey: Int64 = 0x4D55_5354_4552_4851
    /// pg_advisory_xact_lock key for ingests: one bundle at a time, whoever sends it.
    static let ingestKey: Int64 = 0x4D55_5354_4552_4849
}
