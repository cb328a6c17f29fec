import CourseKit
import Foundation

/// The words of sync, shared by `muster sync …` and the sync screen so a preview on screen
/// reads exactly as the command prints it. Every string that came from a library (labels,
/// values, paths, refusals) goes through `NameSanitizer.clean`: a bundle is someone else's data,
/// and a label or an e-mail in it could carry escape sequences.
///
/// The words come from the `Sync` catalogue in the language asked for (English unless told);
/// what came from a library (labels, values, course codes) is shown as it is.
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

    /// "12 events", "1 person": the kinds `SyncImportSummary.Added` names, counted in words (the
    /// number as it is: a record count is compared with `sync status`'s ranges, not read at a glance).
    public static func count(_ n: Int, _ kind: String, _ language: Language = .en) -> String {
        let words = Words(language)
        let key = "count.\(kind)\(n == 1 ? ".one" : "")"
        let text = words.text(key, table: "Sync")
        // A kind the catalogue does not know is named as the summary names it.
        return text == key ? "\(n) \(kind)" : String(format: text, String(n))
    }

    /// The command that resolves a conflict, as the user types it.
    public static func resolveCommand(_ c: SyncConflict) -> String {
        "muster sync resolve \(clean(c.id)) --keep VALUE|ORIGIN"
    }

    // MARK: export

    /// "wrote FILE: N records (B bytes) for COURSE, COURSE, encrypted".
    public static func exportLine(_ s: SyncExportSummary, _ language: Language = .en) -> String {
        let words = Words(language)
        return words.format("export.wrote", table: "Sync", clean(s.path), count(s.records, "records", language), String(s.bytes))
            + courses(s.courses, words: words, language)
            + (s.encrypted ? words.text("export.encrypted", table: "Sync") : "")
    }

    /// " for a, b": every course up to five; past that, how many and the first three (an export of
    /// a whole library named its thousand courses on one line).
    static func courses(_ codes: [String], words: Words, _ language: Language) -> String {
        guard !codes.isEmpty else { return "" }
        guard codes.count > 5 else { return words.format("export.for", table: "Sync", codes.map(clean).joined(separator: ", ")) }
        let first = codes.prefix(3).map(clean).joined(separator: ", ")
        return words.format(
            "export.forMany", table: "Sync", count(codes.count, "courses", language),
            words.format("export.andMore", table: "Sync", first, String(codes.count - 3)))
    }

    // MARK: import

    /// What one bundle adds (or would add), per course and kind, then what it skipped, refused,
    /// the conflicts it opened, clock warnings and records waiting. The first line names the
    /// file and where it came from; the others are indented under it.
    public static func importLines(_ s: SyncImportSummary, _ language: Language = .en) -> [String] {
        let words = Words(language)
        func say(_ key: String, _ arguments: any CVarArg...) -> String {
            words.format("import.\(key)", table: "Sync", arguments: arguments)
        }
        let head = say("head", clean(s.path), clean(s.from))
        if s.alreadyImported { return [say("already", head)] }
        var lines = [head + ":"]
        var courses: [String] = []
        for a in s.added where !courses.contains(a.course) { courses.append(a.course) }
        for course in courses {
            let parts = s.added.filter { $0.course == course && $0.count > 0 }.map { count($0.count, $0.kind, language) }
            guard !parts.isEmpty else { continue }
            lines.append("  \(course.isEmpty ? say("outside") : clean(course)): \(parts.joined(separator: ", "))")
        }
        if s.addedTotal == 0 { lines.append("  " + say("nothingNew")) }
        if s.skipped > 0 { lines.append("  " + say("skipped", count(s.skipped, "records", language))) }
        for r in s.refused { lines.append("  " + say("refused", clean(r))) }
        for c in s.newConflicts { lines.append("  " + say("conflict", conflictSummary(c, language), resolveCommand(c))) }
        for w in s.clockWarnings { lines.append("  " + say("clock", clean(w))) }
        if s.waiting > 0 { lines.append("  " + say("waiting", count(s.waiting, "records", language))) }
        if s.dryRun { lines.append("  " + say("dryRun")) }
        return lines
    }

    // MARK: conflicts

    /// "3f2a91c0: person MX-003 Ana Pérez, email (2 values)".
    public static func conflictSummary(_ c: SyncConflict, _ language: Language = .en) -> String {
        Words(language).format(
            "conflict.summary", table: "Sync", clean(c.id), clean(c.label(in: language)), clean(c.fieldLabel(in: language)),
            String(c.candidates.count))
    }

    /// One candidate: "“ana@x.org” from kiosk-door, 2024-05-07 10:14 ← shown now".
    public static func candidateLine(_ c: SyncConflict.Candidate, zone: TimeZone, _ language: Language = .en) -> String {
        let words = Words(language)
        return words.format("conflict.candidate", table: "Sync", clean(c.value.description), clean(c.originLabel), time(c.at, in: zone))
            + (c.isWinner ? words.text("conflict.shownNow", table: "Sync") : "")
    }

    /// The block `muster sync conflicts` prints for one conflict.
    public static func conflictBlock(_ c: SyncConflict, zone: TimeZone, _ language: Language = .en) -> [String] {
        let words = Words(language)
        return [words.format("conflict.head", table: "Sync", clean(c.id), clean(c.label(in: language)), clean(c.fieldLabel(in: language)))]
            + c.candidates.map { "  " + candidateLine($0, zone: zone, language) }
            + ["  " + words.format("conflict.resolve", table: "Sync", resolveCommand(c))]
    }

    /// "kept “ana@x.org” (from kiosk-door) for person MX-003 Ana Pérez, email".
    public static func resolvedLine(_ c: SyncConflict, _ language: Language = .en) -> String {
        let words = Words(language)
        let kept =
            c.winner.map { words.format("resolved.value", table: "Sync", clean($0.value.description), clean($0.originLabel)) }
            ?? words.text("resolved.chosen", table: "Sync")
        return words.format("resolved.line", table: "Sync", kept, clean(c.label(in: language)), clean(c.fieldLabel(in: language)))
    }

    // MARK: status

    /// `muster sync status`, top to bottom: who this library is, its SQLite, what it holds from
    /// each origin with the gaps and whom to ask, the last transfers, conflicts, clock warnings.
    public static func statusLines(_ s: SyncStatus, zone: TimeZone, transfers: Int = 5, _ language: Language = .en) -> [String] {
        statusEntries(s, zone: zone, transfers: transfers, language).map(\.text)
    }

    /// One line of the status, and whether it warns (the WAL bug, records missing here, a
    /// clock): the screen colours those, whatever language the words are in.
    public struct StatusEntry: Sendable, Equatable {
        public var text: String
        public var warns = false
    }

    /// The status's lines with what each is, for the screen.
    public static func statusEntries(_ s: SyncStatus, zone: TimeZone, transfers: Int = 5, _ language: Language = .en) -> [StatusEntry] {
        let words = Words(language)
        func say(_ key: String, _ arguments: any CVarArg...) -> String {
            words.format("status.\(key)", table: "Sync", arguments: arguments)
        }
        var lines = [
            StatusEntry(text: say("origin", clean(s.label), clean(s.origin))), StatusEntry(text: "SQLite \(clean(s.sqliteVersion))"),
        ]
        if s.walResetBug { lines.append(StatusEntry(text: say("walBug", clean(s.sqliteVersion)), warns: true)) }
        lines.append(StatusEntry(text: say("held")))
        if s.holdings.isEmpty { lines.append(StatusEntry(text: "  " + say("nothingYet"))) }
        for h in s.holdings {
            let name = clean(h.label) + (h.isLocal ? say("thisLibrary") : " \(clean(String(h.origin.prefix(8))))")
            let seen = h.lastSeen.map { say("last", time($0, in: zone)) } ?? ""
            lines.append(StatusEntry(text: "  \(name): \(h.ranges.isEmpty ? say("none") : ranges(h.ranges))\(seen)"))
            // A bundle of some courses leaves the others' records out: a gap is not always a loss.
            if !h.gaps.isEmpty {
                let shown = ranges(Array(h.gaps.prefix(3))) + (h.gaps.count > 3 ? say("andMore", String(h.gaps.count - 3)) : "")
                lines.append(StatusEntry(text: "    " + say("notHere", shown, clean(h.label)), warns: true))
            }
        }
        let recent = s.transfers.sorted { $0.at > $1.at }.prefix(transfers)
        lines.append(StatusEntry(text: recent.isEmpty ? say("noTransfers") : say("lastTransfers")))
        for t in recent {
            lines.append(
                StatusEntry(
                    text:
                        "  \(time(t.at, in: zone)) \(source(t, words)): \(count(t.records, "records", language))"
                ))
        }
        lines.append(StatusEntry(text: s.openConflicts == 0 ? say("noConflicts") : say("conflicts", String(s.openConflicts))))
        for w in s.clockWarnings { lines.append(StatusEntry(text: say("clock", clean(w)), warns: true)) }
        return lines
    }

    /// "export “coordinator” /media/usb/a.bundle", "en vivo desde kiosk-door": a transfer's
    /// direction, its name and where it went or came from.
    static func source(_ t: SyncStatus.Transfer, _ words: Words) -> String {
        if t.direction == "import", t.path.hasPrefix(CourseStore.liveSource) {
            return words.format("status.live", table: "Sync", clean(String(t.path.dropFirst(CourseStore.liveSource.count))))
        }
        let name = t.name.map { " “\(clean($0))”" } ?? ""
        return "\(direction(t.direction, words))\(name) \(clean(t.path))"
    }

    /// "import", "exportación": a transfer's direction as the library records it, said in the language.
    static func direction(_ raw: String, _ words: Words) -> String {
        let key = "status.direction.\(raw)"
        let text = words.text(key, table: "Sync")
        return text == key ? clean(raw) : text
    }

    static func clean(_ text: String) -> String { NameSanitizer.clean(text) }
}
