import CourseKit
import Foundation
import MusterApp
import TerminalUI
import Testing
import TestSupport

/// The import dialog and the sheet-entry panel as text plus a style layer, at 80×24 and the
/// minimum 60×16, with "José Ñúñez" and "李小龍" for widths; monochrome keeps the text and roles
/// of the colour frame, ASCII keeps only ASCII glyphs.
@Suite struct ImportAndSheetSnapshotTests {
    static let sizes = [("80x24", Size(width: 80, height: 24)), ("60x16", Size(width: 60, height: 16))]

    /// The preview shows the file's path, so the snapshot's file sits at a fixed one.
    static let path: String = {
        let dir = "/tmp/muster-snapshots"
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let file = dir + "/roster.csv"
        try? Data(ImportScreenTests.csv.utf8).write(to: URL(fileURLWithPath: file), options: .atomic)
        return file
    }()

    func check(_ d: AppDriver, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        d.checkSnapshot(name, asciiFree: ["│", "─", "┌", "┐", "└", "┘", "✓", "✗", "↶"], sourceLocation: sourceLocation)
    }

    @Test(arguments: sizes)
    func importPreview(name: String, size: Size) throws {
        let d = try AppDriver(size: size)
        d.press(.enter, .char("i"))
        d.type(Self.path)
        d.press(.enter, .char("j"))
        #expect(d.screenText.contains("Ñúñez"))
        check(d, "import-preview-\(name)")
    }

    /// The reason a file cannot be read wraps rather than being cut at the minimum width.
    @Test(arguments: sizes)
    func importAskingForThePath(name: String, size: Size) throws {
        let d = try AppDriver(size: size)
        d.press(.enter, .char("i"), .tab, .tab)
        d.type("/tmp/muster-snapshots/no/such/folder/nowhere.csv")
        d.press(.enter)
        guard case .importRoster(let s) = d.state.top else { Issue.record("the dialog stays"); return }
        #expect(s.error?.hasSuffix("nowhere.csv: no such file") == true)
        #expect(d.screenText.contains("such file"))
        check(d, "import-path-error-\(name)")
    }

    @Test(arguments: sizes)
    func sheetEntry(name: String, size: Size) throws {
        let d = try AppDriver(options: AppOptions(startCourse: "mini-2024"), size: size)
        d.press(.char("x"), .char("#"))  // Nguyễn Văn A absent from the roll call
        check(d, "sheet-entry-which-sheet-\(name)")  // which sheet is typed, today's id filled in
        d.press(.enter)
        for line in ["1p", "2 x", "3p"] { d.type(line); d.press(.enter) }  // row 3 is the facilitator
        d.type("4 l")  // echoed before Enter keeps it
        #expect(d.screenText.contains("李小龍"))
        check(d, "sheet-entry-\(name)")
    }

    @Test func sheetEntryRefusal() throws {
        let d = try AppDriver(options: AppOptions(startCourse: "mini-2024"))
        d.press(.char("#"), .enter)
        d.type("42 p")
        d.press(.enter)
        check(d, "sheet-entry-unknown")
    }
}
