import CourseKit
import Foundation
import MusterApp
import Testing

/// The words of `muster sync` and the sync screen, from hand-made reports: what a bundle adds
/// per course and kind, what it skipped and refused, conflicts with the command to resolve them,
/// and the status with its gaps and warnings. Library text is cleaned of escape sequences.
@Suite struct SyncTextTests {
    static let utc = TimeZone(identifier: "UTC")!
    static let at = Date(timeIntervalSince1970: 1_715_072_400)  // 2024-05-07 09:00 UTC

    /// A conflict on a person's e-mail, said in words (as the library makes it), or with only
    /// an English `label` (as a library before the words, or a hostile one, sends it).
    static func conflict(label: String? = nil) -> SyncConflict {
        var c = SyncConflict(
            id: "3f2a91c0", course: "palau-mmc-2024", entity: "person", gid: "g", label: label ?? "person PW-001 Ana Tellei",
            field: "email",
            candidates: [
                .init(recordID: "r1", origin: "aaaa", originLabel: "laptop-a", value: .text("ana.a@example.org"), at: at, isWinner: false),
                .init(
                    recordID: "r2", origin: "bbbb", originLabel: "kiosk-door", value: .text("ana.b@example.org"),
                    at: at.addingTimeInterval(60), isWinner: true),
            ])
        if label == nil { c.said = ChangeSummary("conflict.person", .text("PW-001 Ana Tellei")) }
        return c
    }

    @Test func importSaysWhatEachCourseGetsSkippedRefusedConflictsAndDryRun() {
        let s = SyncImportSummary(
            path: "b.bundle", bundleID: "x", from: "kiosk-door", dryRun: true,
            added: [
                .init(course: "palau-mmc-2024", kind: "events", count: 12), .init(course: "palau-mmc-2024", kind: "people", count: 1),
                .init(course: "palau-mmc-2024", kind: "edits", count: 3), .init(course: "", kind: "agencies", count: 1),
            ],
            skipped: 40, refused: ["record 9c01: same id, different content"], newConflicts: [Self.conflict()],
            clockWarnings: ["kiosk-door's clock is 3 h ahead"], waiting: 2)
        #expect(
            SyncText.importLines(s) == [
                "b.bundle (from kiosk-door):",
                "  palau-mmc-2024: 12 events, 1 person, 3 edits",
                "  outside any course: 1 agency",
                "  skipped: already had 40 records",
                "  refused: record 9c01: same id, different content",
                "  conflict 3f2a91c0: person PW-001 Ana Tellei, e-mail (2 values) — muster sync resolve 3f2a91c0 --keep VALUE|ORIGIN",
                "  clock: kiosk-door's clock is 3 h ahead",
                "  waiting: 2 records kept until what they refer to arrives",
                "  (dry run: nothing written)",
            ])
    }

    /// The same import in Spanish: every word from the `Sync` catalogue, the library's own
    /// (course codes, labels, values, the warning a device wrote) as they are.
    @Test func importInSpanish() {
        let s = SyncImportSummary(
            path: "b.bundle", bundleID: "x", from: "kiosk-door", dryRun: true,
            added: [.init(course: "palau-mmc-2024", kind: "events", count: 12), .init(course: "", kind: "agencies", count: 1)],
            skipped: 1, newConflicts: [Self.conflict()], waiting: 2)
        #expect(
            SyncText.importLines(s, .es) == [
                "b.bundle (de kiosk-door):",
                "  palau-mmc-2024: 12 eventos",
                "  fuera de todo curso: 1 institución",
                "  omitidos: ya estaban 1 registro",
                "  conflicto 3f2a91c0: persona PW-001 Ana Tellei, correo electrónico (2 valores) — muster sync resolve 3f2a91c0 --keep VALUE|ORIGIN",
                "  en espera: 2 registros guardados hasta que llegue aquello a lo que se refieren",
                "  (simulación: no se escribió nada)",
            ])
        #expect(
            SyncText.conflictBlock(Self.conflict(), zone: Self.utc, .es).last
                == "  resolver: muster sync resolve 3f2a91c0 --keep VALUE|ORIGIN")
        #expect(SyncText.count(3, "no-such-kind", .es) == "3 no-such-kind")
    }

    @Test func alreadyImportedIsOneLine() {
        let s = SyncImportSummary(path: "b.bundle", bundleID: "x", from: "kiosk-door", dryRun: false, alreadyImported: true)
        #expect(SyncText.importLines(s) == ["b.bundle (from kiosk-door): already imported, nothing to do"])
        let none = SyncImportSummary(path: "b.bundle", bundleID: "x", from: "kiosk-door", dryRun: false, skipped: 1)
        #expect(SyncText.importLines(none) == ["b.bundle (from kiosk-door):", "  nothing new", "  skipped: already had 1 record"])
    }

    @Test func conflictBlockMarksTheValueShownNowAndHowToResolve() {
        #expect(
            SyncText.conflictBlock(Self.conflict(), zone: Self.utc) == [
                "conflict 3f2a91c0: person PW-001 Ana Tellei, field e-mail",
                "  “ana.a@example.org” from laptop-a, 2024-05-07 09:00",
                "  “ana.b@example.org” from kiosk-door, 2024-05-07 09:01 ← shown now",
                "  resolve: muster sync resolve 3f2a91c0 --keep VALUE|ORIGIN",
            ])
        #expect(SyncText.resolvedLine(Self.conflict()) == "kept “ana.b@example.org” (from kiosk-door) for person PW-001 Ana Tellei, e-mail")
    }

    @Test func libraryTextIsCleanedOfEscapes() {
        let line = SyncText.conflictBlock(Self.conflict(label: "person \u{1B}[2JX-1 \u{202E}Eve"), zone: Self.utc)[0]
        #expect(!line.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{202E}" })
        #expect(line == "conflict 3f2a91c0: person X-1 Eve, field e-mail")
    }

    @Test func exportLine() {
        let s = SyncExportSummary(
            path: "b.bundle", bundleID: "x", courses: ["palau-mmc-2024", "mini-2024"], records: 120, bytes: 40_960, ranges: [:],
            encrypted: true)
        #expect(SyncText.exportLine(s) == "wrote b.bundle: 120 records (40960 bytes) for palau-mmc-2024, mini-2024, encrypted")
        var one = s
        one.records = 1; one.encrypted = false; one.courses = ["mini-2024"]
        #expect(SyncText.exportLine(one) == "wrote b.bundle: 1 record (40960 bytes) for mini-2024")
        // A whole library: how many courses, and the first three.
        var all = one
        all.courses = (1...1_000).map { String(format: "syn-%04d", $0) }
        #expect(
            SyncText.exportLine(all) == "wrote b.bundle: 1 record (40960 bytes) for 1000 courses: syn-0001, syn-0002, syn-0003 and 997 more"
        )
        #expect(
            SyncText.exportLine(all, .es)
                == "se escribió b.bundle: 1 registro (40960 bytes) de 1000 cursos: syn-0001, syn-0002, syn-0003 y 997 más")
        all.courses = Array(all.courses.prefix(5))
        #expect(SyncText.exportLine(all) == "wrote b.bundle: 1 record (40960 bytes) for syn-0001, syn-0002, syn-0003, syn-0004, syn-0005")
    }

    static let status = SyncStatus(
        origin: "0123456789abcdef0123456789abcdef", label: "laptop-a", sqliteVersion: "3.40.1", walResetBug: true,
        holdings: [
            .init(origin: "0123", label: "laptop-a", isLocal: true, ranges: [1...120], gaps: [], lastSeen: nil),
            .init(origin: "bbbb", label: "kiosk-door", isLocal: false, ranges: [1...40, 58...60], gaps: [41...57], lastSeen: at),
        ],
        transfers: [
            .init(at: at, direction: "import", path: "/media/usb/b.bundle", name: nil, records: 43),
            .init(at: at.addingTimeInterval(3600), direction: "export", path: "/media/usb/a.bundle", name: "coordinator", records: 120),
        ],
        openConflicts: 1, clockWarnings: ["kiosk-door's clock was 3 h ahead on 2024-05-07"])

    @Test func statusNamesGapsWhomToAskTransfersConflictsAndTheWALBug() {
        #expect(
            SyncText.statusLines(Self.status, zone: Self.utc) == [
                "origin: laptop-a (0123456789abcdef0123456789abcdef)",
                "SQLite 3.40.1",
                "warning: SQLite 3.40.1 has the WAL-reset bug: one process writes each library",
                "held:",
                "  laptop-a (this library): 1–120",
                "  kiosk-door bbbb: 1–40, 58–60, last 2024-05-07 09:00",
                "    not here: 41–57 — other courses, or lost: ask kiosk-door",
                "last transfers:",
                "  2024-05-07 10:00 export “coordinator” /media/usb/a.bundle: 120 records",
                "  2024-05-07 09:00 import /media/usb/b.bundle: 43 records",
                "conflicts: 1 open — see: muster sync conflicts",
                "clock: kiosk-door's clock was 3 h ahead on 2024-05-07",
            ])
    }

    /// A bundle taken in over a live exchange is named by the peer, in the reader's language.
    @Test func aLiveTransferNamesThePeerInTheReadersLanguage() {
        var status = Self.status
        status.transfers = [.init(at: Self.at, direction: "import", path: CourseStore.liveSource + "李小龍的電腦", name: nil, records: 3)]
        #expect(SyncText.statusLines(status, zone: Self.utc).contains("  2024-05-07 09:00 live from 李小龍的電腦: 3 records"))
        #expect(SyncText.statusLines(status, zone: Self.utc, .es).contains("  2024-05-07 09:00 en vivo desde 李小龍的電腦: 3 registros"))
    }

    @Test func rangesOfOneAreOneNumber() {
        #expect(SyncText.ranges([1...1, 3...5]) == "1, 3–5")
    }
}
