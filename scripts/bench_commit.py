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
    median, fsync = float(out[2]), plain_fsync(os.path.dirname(os.path.abspath(db)))
    return {"median": median, "p99": float(out[5]), "cpu_ms": float(out[8]), "max": float(out[11]), "count": count,
            "frames": int(out[14]) if len(out) > 14 else None,  # builds before the count printed none
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
    os.sync()  # the copy's gigabyte written back now, not during the timed fsyncs
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


def commit_pages_curve(directory, pages=(1, 2, 4, 8, 16, 32), count=200):
    """What a commit costs by the pages it writes: for each n, `count` transactions that each
    rewrite one row in each of n tables (n leaf pages, nothing else), in a WAL-mode file with
    synchronous=FULL and the writer's WAL bound, through Python's sqlite3. Median ms and WAL
    frames per commit for each n, beside a plain fsync measured between them, so the target's
    "2x a plain fsync" reads as a number of pages."""
    path = os.path.join(directory, "pages-probe.sqlite")
    curve = []
    for n in pages:
        remove_database(path)
        db = sqlite3.connect(path, isolation_level=None)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=FULL")
        db.execute("PRAGMA wal_autocheckpoint=10000")
        for i in range(n):
            db.execute(f"CREATE TABLE t{i} (id INTEGER PRIMARY KEY, v BLOB NOT NULL)")
            db.execute("BEGIN")
            db.executemany(f"INSERT INTO t{i}(v) VALUES (?)", [(b"x" * 100,)] * 2000)
            db.execute("COMMIT")
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        times = []
        for k in range(count):
            row = k * 37 % 2000 + 1  # a different leaf each time, as marks of different people
            t = time.perf_counter()
            db.execute("BEGIN IMMEDIATE")
            for i in range(n):
                db.execute(f"UPDATE t{i} SET v = ? WHERE id = ?", (os.urandom(100), row))
            db.execute("COMMIT")
            times.append((time.perf_counter() - t) * 1000)
        frames = os.path.getsize(path + "-wal") / (24 + 4096) / count
        db.close()
        remove_database(path)
        curve.append({"pages": n, "median": statistics.median(times), "frames": frames, "fsync_ms": plain_fsync(directory, 50)})
    return curve


def plain_fsync(directory, count=200):
    """A plain fsync here: 100 bytes appended to a file and synced, median ms of `count`."""
    probe, times = os.path.join(directory, "fsync-probe"), []
    with open(probe, "wb") as f:
        for _ in range(count):
            t = time.perf_counter()
            f.write(b"x" * 100)
            f.flush()
            os.fsync(f.fileno())
            times.append((time.perf_counter() - t) * 1000)
    os.remove(probe)
    return statistics.median(times)


def pages_rows(curve, mark_frames):
    """scripts/bench's rows for the curve: each n's commit beside its fsync, and how many pages
    the target's "2x a plain fsync" leaves a commit, beside the pages a mark writes."""
    if not curve:
        return []
    within = [c["pages"] for c in curve if c["median"] <= 2 * c["fsync_ms"]]
    return [("a commit of n pages, SQLite alone (median)", "",
             " · ".join(f"{c['pages']}: {c['median']:.2f} ms ×{c['median'] / c['fsync_ms']:.1f}" for c in curve), "—",
             f"2× fsync leaves a commit {max(within) if within else 0} page(s); a mark writes {mark_frames or '—'}")]
