import CourseKit
import Foundation

/// The words of sync, shared by `muster sync …` and the sync screen so a preview on screen
/// reads exactly as the command prints it. Every string that came from a library (labels,
/// values, paths, refusals) goes through `NameSanitizer.clean`: a bundle is someone else's data,
/// and a label or an e-mail in it could carry escape sequences.
public enum SyncText {
    /// "1–40, 58–60"; "1" for a range of one.
    public static func ranges(_ ranges: [ClosedRange<Int64>]) -> String {
        ranges.map { $0.lowerBound == $0.upperBound ? "\($0.lowerBound)" : "\($0.lowerBound)–\($0.upperBound)" }
            .joined(separator: ", ")
    }

    /// "2024-05-07 10:14" in `zone`: a transfer's or a candidate's time, read at a glance.
    public static func time(_ date: Date, in zone: TimeZone) -> String { format(date, "yyyy-MM-dd HH:mm", in: zone) }

    /// `date` in `zone` by a fixed pattern, whatever the user's locale.
    static func format(_ date: Date, _ pattern: String, in zone: TimeZone) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = zone
        f.dateFormat = pattern
        return f.string(from: date)
    }

    /// "12 events", "1 person": the kinds `SyncImportSummary.Added` names, counted in words.
    public static func count(_ n: Int, _ kind: String) -> String {
        let singular: [String: String] = [
            "courses": "course", "sessions": "session", "agencies": "agency", "people": "person",
            "enrolments": "enrolment", "quotas": "quota", "events": "event", "edits": "edit", "erasures": "erasure",
            "records": "record",
        ]
        return "\(n) \(n == 1 ? singular[kind] ?? kind : kind)"
    }

    /// The command that resolves a conflict, as the user types it.
    public static func resolveCommand(_ c: SyncConflict) -> String {
        "muster sync resolve \(clean(c.id)) --keep VALUE|ORIGIN"
    }

    // MARK: export

    /// "wrote FILE: N records (B bytes) for COURSE, COURSE, encrypted".
    public static func exportLine(_ s: SyncExportSummary) -> String {
        let courses = s.courses.map(clean).joined(separator: ", ")
        return "wrote \(clean(s.path)): \(count(s.records, "records")) (\(s.bytes) bytes)"
            + (courses.isEmpty ? "" : " for \(courses)") + (s.encrypted ? ", encrypted" : "")
    }

    // MARK: import

    /// What one bundle adds (or would add), per course and kind, then what it skipped, refused,
    /// the conflicts it opened, clock warnings and records waiting. The first line names the
    /// file and where it came from; the others are indented under it.
    public static func importLines(_ s: SyncImportSummary) -> [String] {
        let head = "\(clean(s.path)) (from \(clean(s.from)))"
        if s.alreadyImported { return ["\(head): already imported, nothing to do"] }
        var lines = [head + ":"]
        var courses: [String] = []
        for a in s.added where !courses.contains(a.course) { courses.append(a.course) }
        for course in courses {
            let parts = s.added.filter { $0.course == course && $0.count > 0 }.map { count($0.count, $0.kind) }
            guard !parts.isEmpty else { continue }
            lines.append("  \(course.isEmpty ? "outside any course" : clean(course)): \(parts.joined(separator: ", "))")
        }
        if s.addedTotal == 0 { lines.append("  nothing new") }
        if s.skipped > 0 { lines.append("  skipped: already had \(count(s.skipped, "records"))") }
        for r in s.refused { lines.append("  refused: \(clean(r))") }
        for c in s.newConflicts { lines.append("  conflict \(conflictSummary(c)) — \(resolveCommand(c))") }
        for w in s.clockWarnings { lines.append("  clock: \(clean(w))") }
        if s.waiting > 0 {
            lines.append("  waiting: \(count(s.waiting, "records")) kept until what they refer to arrives")
        }
        if s.dryRun { lines.append("  (dry run: nothing written)") }
        return lines
    }

    // MARK: conflicts

    /// "3f2a91c0: person MX-003 Ana Pérez, email (2 values)".
    public static func conflictSummary(_ c: SyncConflict) -> String {
        "\(clean(c.id)): \(clean(c.label)), \(clean(c.field)) (\(c.candidates.count) values)"
    }

    /// One candidate: "“ana@x.org” from kiosk-door, 2024-05-07 10:14 ← shown now".
    public static func candidateLine(_ c: SyncConflict.Candidate, zone: TimeZone) -> String {
        "“\(clean(c.value.description))” from \(clean(c.originLabel)), \(time(c.at, in: zone))"
            + (c.isWinner ? " ← shown now" : "")
    }

    /// The block `muster sync conflicts` prints for one conflict.
    public static func conflictBlock(_ c: SyncConflict, zone: TimeZone) -> [String] {
        ["conflict \(clean(c.id)): \(clean(c.label)), field \(clean(c.field))"]
            + c.candidates.map { "  " + candidateLine($0, zone: zone) }
            + ["  resolve: \(resolveCommand(c))"]
    }

    /// "kept “ana@x.org” (from kiosk-door) for person MX-003 Ana Pérez, email".
    public static func resolvedLine(_ c: SyncConflict) -> String {
        let kept = c.winner.map { "“\(clean($0.value.description))” (from \(clean($0.originLabel)))" } ?? "the value chosen"
        return "kept \(kept) for \(clean(c.label)), \(clean(c.field))"
    }

    // MARK: status

    /// `muster sync status`, top to bottom: who this library is, its SQLite, what it holds from
    /// each origin with the gaps and whom to ask, the last transfers, conflicts, clock warnings.
    public static func statusLines(_ s: SyncStatus, zone: TimeZone, transfers: Int = 5) -> [String] {
        var lines = ["origin: \(clean(s.label)) (\(clean(s.origin)))", "SQLite \(clean(s.sqliteVersion))"]
        if s.walResetBug {
            lines.append(
                "warning: SQLite \(clean(s.sqliteVersion)) has the WAL-reset bug: one process writes each library")
        }
        lines.append("held:")
        if s.holdings.isEmpty { lines.append("  nothing yet") }
        for h in s.holdings {
            let name = clean(h.label) + (h.isLocal ? " (this library)" : " \(clean(String(h.origin.prefix(8))))")
            let seen = h.lastSeen.map { ", last \(time($0, in: zone))" } ?? ""
            lines.append("  \(name): \(h.ranges.isEmpty ? "none" : ranges(h.ranges))\(seen)")
            // A bundle of some courses leaves the others' records out: a gap is not always a loss.
            if !h.gaps.isEmpty {
                let shown = ranges(Array(h.gaps.prefix(3))) + (h.gaps.count > 3 ? " and \(h.gaps.count - 3) more" : "")
                lines.append("    not here: \(shown) — other courses, or lost: ask \(clean(h.label))")
            }
        }
        let recent = s.transfers.sorted { $0.at > $1.at }.prefix(transfers)
        lines.append(recent.isEmpty ? "transfers: none yet" : "last transfers:")
        for t in recent {
            let name = t.name.map { " “\(clean($0))”" } ?? ""
            lines.append("  \(time(t.at, in: zone)) \(clean(t.direction))\(name) \(clean(t.path)): \(count(t.records, "records"))")
        }
        lines.append(
            s.openConflicts == 0
                ? "conflicts: none open"
                : "conflicts: \(s.openConflicts) open — see: muster sync conflicts")
        for w in s.clockWarnings { lines.append("clock: \(clean(w))") }
        return lines
    }

    static func clean(_ text: String) -> String { NameSanitizer.clean(text) }
}
