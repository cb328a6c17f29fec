import CourseKit
import Foundation
import MusterApp
import TerminalUI
import Testing
import TestSupport

/// The sync screen, its import preview and a conflict's candidates, and the roll call with
/// marks that arrived from another device, at 80×24 and the minimum 60×16: text plus a style
/// layer in colour, checked against monochrome (same text and roles) and ASCII.
@Suite struct SyncSnapshotTests {
    static let sizes = [("80x24", Size(width: 80, height: 24)), ("60x16", Size(width: 60, height: 16))]

    func check(_ d: AppDriver, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        d.checkSnapshot(name, asciiFree: ["│", "─", "┌", "┐", "└", "┘", "✓", "✗"], sourceLocation: sourceLocation)
    }

    func openSync(size: Size) throws -> AppDriver {
        let d = try AppDriver(size: size)
        d.press(.char("y"))
        d.send(SyncScreenTests.loaded())
        return d
    }

    @Test(arguments: sizes)
    func syncScreen(name: String, size: Size) throws {
        let d = try openSync(size: size)
        check(d, "sync-\(name)")
    }

    @Test(arguments: sizes)
    func importPreview(name: String, size: Size) throws {
        let d = try openSync(size: size)
        let summary = SyncImportSummary(
            path: "/media/usb/b.bundle", bundleID: "x", from: "kiosk-door", dryRun: true,
            added: [.init(course: "mini-2024", kind: "events", count: 2), .init(course: "mini-2024", kind: "edits", count: 1)],
            skipped: 40, newConflicts: [SyncTextTests.conflict()])
        d.send(.sync(.previewed(path: "/media/usb/b.bundle", passphrase: nil, [summary])))
        check(d, "sync-import-preview-\(name)")
    }

    @Test(arguments: sizes)
    func conflictCandidates(name: String, size: Size) throws {
        let d = try openSync(size: size)
        d.press(.enter)
        check(d, "sync-conflict-\(name)")
    }

    /// Two marks from another device's kiosk, one from this one's roll call: the FROM column
    /// names the other device, and the selected row's line says who and when.
    @Test(arguments: sizes)
    func rollCallWithMarksFromElsewhere(name: String, size: Size) throws {
        let d = try AppDriver(options: AppOptions(startCourse: "mini-2024"), size: size)
        d.press(.char("p"))  // this library's own mark on the first row
        guard case .rollCall(let rc) = d.state.top, var data = rc.data, let sessionID = data.session.id, let query = rc.query,
            var page = rc.pages[0]
        else {
            Issue.record("the roll call"); return
        }
        let at = data.session.start.addingTimeInterval(300)
        for entry in page.items.dropFirst().prefix(2) {
            let id = entry.person.id!
            page.marks[id] = AttendanceEvent(
                sessionID: sessionID, personID: id, status: .present, arrival: at, recordedAt: at, actor: "kiosk",
                device: "3f2a91c0-aaaa-4bbb-8ccc-0123456789ab", source: .kiosk)
        }
        data.fromElsewhere = true
        data.counts.marks.present += 2
        d.send(.rollCallLoaded(RollCallLoad(data: data, query: query, total: rc.total, selection: 1, pages: [0: page])))
        d.press(.char("k"))  // back onto the row marked here
        d.press(.char("j"))  // the first row from the kiosk
        if size.width >= 80 { #expect(d.screenText.contains("kiosk 3f2a")) }
        #expect(d.screenText.contains("kiosk · device 3f2a91c0… · kiosk"))
        check(d, "rollcall-from-elsewhere-\(name)")
    }
}
