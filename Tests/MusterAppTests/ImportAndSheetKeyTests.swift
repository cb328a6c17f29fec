import CourseKit
import Foundation
import MusterApp
import TerminalUI
import Testing
import TestSupport

/// The new keys in the key table, and every key pressed in the states the smoke test cannot
/// reach without a file on disk: the import preview, and the sheet panel with a log.
@Suite struct ImportAndSheetKeyTests {
    let map = MusterKeyMap.standard

    @Test func importAndSheetKeysAreInTheTable() {
        let list = [KeyContext.list, KeyContext.global]
        #expect(map.command(for: .char("i"), in: [KeyContext.overview] + list) == Command.importRoster)
        #expect(map.command(for: .char("i"), in: [KeyContext.roster] + list) == Command.importRoster)
        #expect(map.command(for: .char("i"), in: [KeyContext.matrix, KeyContext.roster] + list) == Command.importRoster)
        #expect(map.command(for: .char("#"), in: [KeyContext.rollCall] + list) == Command.sheetEntry)
        // Not on screens where they mean nothing.
        #expect(map.command(for: .char("#"), in: [KeyContext.overview] + list) == nil)
        #expect(map.command(for: .char("i"), in: [KeyContext.rollCall] + list) == nil)
        #expect(map.conflicts().isEmpty)
        let overviewHelp = Set(map.helpSections(for: [KeyContext.overview] + list).flatMap(\.entries).map(\.command))
        #expect(overviewHelp.contains(Command.importRoster))
        let rollCallHelp = Set(map.helpSections(for: [KeyContext.rollCall] + list).flatMap(\.entries).map(\.command))
        #expect(rollCallHelp.contains(Command.sheetEntry))
        #expect(map.footerHints(for: [KeyContext.overview] + list).contains { $0.label == "import" })
    }

    /// `#` opens the panel only on a loaded roll call with people; `i` only on a course's screens.
    @Test func keysOpenTheirScreensOnlyWhereTheyMeanSomething() throws {
        let d = try AppDriver()
        d.press(.char("i"), .char("#"))
        guard case .courses = d.state.top else { Issue.record("the course list opens neither"); return }
        d.press(.enter, .char("i"))
        guard case .importRoster(let s) = d.state.top else { Issue.record("import from the overview"); return }
        #expect(s.courseLabel != "" && s.courseCode == "mini-2024")
        #expect(d.screenText.contains("Import a roster into"))
    }

    static let keys: [Key] = SmokeTests.allKeys

    /// Every key on the preview: nothing traps or quits, frames stay well formed, and only
    /// Enter writes.
    @Test(arguments: [Size(width: 80, height: 24), Size(width: 60, height: 16)])
    func everyKeyOnThePreview(size: Size) throws {
        for key in Self.keys {
            let d = try AppDriver(size: size)
            d.press(.enter, .char("i"))
            d.type(ImportAndSheetSnapshotTests.path)
            d.press(.enter)
            let course = try d.store.courses.course(code: "mini-2024")
            let before = try d.store.rosters.roster(courseID: course.id!, expectedOnly: false).count
            d.press(key)
            for theme in [Theme.color, .monochrome, Theme.color.asciiVariant()] {
                #expect(d.frame(theme: theme).isWellFormed, "\(key)")
            }
            #expect(!d.quit, "\(key)")
            let after = try d.store.rosters.roster(courseID: course.id!, expectedOnly: false).count
            #expect(after == before || key == .enter, "\(key) wrote")
        }
    }

    @Test(arguments: [Size(width: 80, height: 24), Size(width: 60, height: 16)])
    func everyKeyOnTheSheetPanelWithALog(size: Size) throws {
        for key in Self.keys {
            let d = try AppDriver(options: AppOptions(startCourse: "mini-2024"), size: size)
            d.press(.char("#"))
            d.type("1p")
            d.press(.enter)
            d.type("2")
            d.press(key)
            for theme in [Theme.color, .monochrome, Theme.color.asciiVariant()] {
                #expect(d.frame(theme: theme).isWellFormed, "\(key)")
            }
            #expect(!d.quit, "\(key)")
        }
    }
}
