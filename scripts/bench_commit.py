"""A mark's commit for scripts/bench: timed by `muster bench-commit`, beside a plain fsync on the
same disk, SQLite's commit of one small row, and the write floor of the marks themselves.
"""
import os, shutil, sqlite3, statistics, subprocess, time


def remove_database(path):
    """A SQLite file and its WAL and shared-memory files, where they exist."""
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)


def commit_vs_fsync(binary, db, course, session, env, pause_ms=0, count=200, pristine=None):
    """One mark's commit, `count` of them: back to back (`pause_ms` 0), or paced as a facilitator
    marks, with the roll call's polls in each pause (where the writer checkpoints when idle).
    A burst longer than the writer's WAL bound (about 340 marks) pays one checkpoint: its max.
    `pristine`: the library as it was before these marks, to measure their write floor against."""
    out = subprocess.run([binary, "bench-commit", course, session, "--count", str(count), "--pause-ms", str(pause_ms), "--db", db],
                         env=env, capture_output=True, text=True, check=True).stdout.split()
    fsyncs, probe = [], os.path.join(os.path.dirname(os.path.abspath(db)), "fsync-probe")
    with open(probe, "wb") as f:
        for _ in range(200):
            t = time.perf_counter()
            f.write(b"x" * 100)
            f.flush()
            os.fsync(f.fileno())
            fsyncs.append((time.perf_counter() - t) * 1000)
    os.remove(probe)
    median, fsync = float(out[2]), statistics.median(fsyncs)
    return {"median": median, "p99": float(out[5]), "cpu_ms": float(out[8]), "max": float(out[11]), "count": count,
            "fsync_floor_ms": fsync,
            "sqlite_floor_ms": sqlite_commit_floor(os.path.dirname(os.path.abspath(db))),
            "ratio": median / fsync if fsync else None,
            "write_floor_ms": mark_write_floor(pristine, db, os.path.dirname(os.path.abspath(db)), count) if pristine else None}


def mark_write_floor(pristine, marked, directory, count=200):
    """What storing one mark costs SQLite alone, median ms of `count`: the rows the last `count`
    marks in `marked` wrote (the event, its sync record, the derived mark, the two tallies it
    moves, the roster entry's counts, the writer's clock and sequence) written again, one mark per
    transaction, into a copy of `pristine` (the library before them) with its triggers dropped,
    with the writer's settings (WAL, synchronous=FULL), through Python's sqlite3: no Swift, no
    reading, no deriving. The mark's own commit cannot go below it without writing less."""
    src = sqlite3.connect(f"file:{marked}?mode=ro", uri=True)
    before = sqlite3.connect(f"file:{pristine}?mode=ro", uri=True)
    origin = src.execute("SELECT origin FROM sync_local").fetchone()[0]
    ids = [r[0] for r in src.execute("SELECT id FROM sync_record WHERE origin = ? AND kind = 'event' ORDER BY seq DESC LIMIT ?",
                                     (origin, count))][::-1]
    marks = []
    for event_id in ids:
        event = src.execute("SELECT * FROM attendance_event WHERE id = ?", (event_id,)).fetchone()
        record = src.execute("SELECT * FROM sync_record WHERE id = ?", (event_id,)).fetchone()
        session, person = event[1], event[2]
        mark = "SELECT status FROM attendance_mark WHERE session_id = ? AND person_id = ?"
        now, was = src.execute(mark, (session, person)).fetchone()[0], before.execute(mark, (session, person)).fetchone()
        bucket = src.execute("SELECT e.status, e.role, p.sex, p.country, e.id FROM session s JOIN enrolment e ON "
                             "e.course_id = s.course_id AND e.person_id = ? JOIN person p ON p.id = ? WHERE s.id = ?",
                             (person, person, session)).fetchone()
        counts = src.execute("SELECT attended, marked, core_attended FROM roster_index WHERE enrolment_id = ?",
                             (bucket[4],)).fetchone()
        marks.append((event, record, (session, person, now), was[0] if was else None, bucket[:4], counts, bucket[4]))
    clock = src.execute("SELECT hlc, next_seq FROM sync_local").fetchone()
    src.close()
    before.close()
    path = os.path.join(directory, "mark-floor.sqlite")
    remove_database(path)  # a WAL left by an interrupted run would be read as this copy's
    shutil.copy(pristine, path)
    db = sqlite3.connect(path, isolation_level=None)
    for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
        db.execute(f'DROP TRIGGER "{name}"')
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    tally = ("INSERT INTO session_tally(session_id, mark, nomination, role, sex, country, n) VALUES (?, ?, ?, ?, ?, ?, ?) "
             "ON CONFLICT(session_id, mark, nomination, role, sex, country) DO UPDATE SET n = n + excluded.n")
    times = []
    for event, record, derived, was, bucket, counts, enrolment in marks:
        t = time.perf_counter()
        db.execute("BEGIN IMMEDIATE")
        db.execute(f"INSERT INTO attendance_event VALUES ({','.join('?' * len(event))})", event)
        db.execute(f"INSERT INTO sync_record VALUES ({','.join('?' * len(record))})", record)
        db.execute("INSERT OR REPLACE INTO attendance_mark(session_id, person_id, status) VALUES (?, ?, ?)", derived)
        if was is not None:
            db.execute(tally, (derived[0], was, *bucket, -1))
        db.execute(tally, (derived[0], derived[2], *bucket, 1))
        db.execute("UPDATE roster_index SET attended = ?, marked = ?, core_attended = ? WHERE enrolment_id = ?", (*counts, enrolment))
        db.execute("UPDATE sync_local SET hlc = ?, next_seq = ?", clock)
        db.execute("COMMIT")
        times.append((time.perf_counter() - t) * 1000)
    db.close()
    remove_database(path)
    return {"median": statistics.median(times), "p99": statistics.quantiles(times, n=100)[98], "marks": len(times)}


def sqlite_commit_floor(directory, count=200):
    """The least a commit can cost here: one small row into a new WAL-mode file with
    synchronous=FULL, through Python's sqlite3 (the same system SQLite), median of `count`."""
    path = os.path.join(directory, "floor-probe.sqlite")
    remove_database(path)
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    db.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT)")
    times = []
    for i in range(count):
        t = time.perf_counter()
        db.execute("BEGIN IMMEDIATE")
        db.execute("INSERT INTO t(v) VALUES (?)", ("x" * 40,))
        db.execute("COMMIT")
        times.append((time.perf_counter() - t) * 1000)
    db.close()
    remove_database(path)
    return statistics.median(times)
