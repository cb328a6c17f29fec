import CourseKit
import Foundation
import LibraryTestSupport
import MusterApp
import TerminalUI
import Testing
import TestSupport

/// The screen says what went wrong with remedies a person at the screen can take: never a
/// command-line flag. The command line keeps its own wording (`CommandLineTests`).
@Suite struct ErrorVoiceTests {
    func importing(_ d: AppDriver) -> ImportRosterState? {
        if case .importRoster(let s) = d.state.top { s } else { nil }
    }

    /// Opens the import dialog on the mini course's overview and previews `text` as a file.
    func preview(_ text: String) throws -> AppDriver {
        let d = try AppDriver()
        d.press(.enter, .char("i"))
        d.type(d.dir.write("file.csv", text))
        d.press(.enter)
        return d
    }

    @Test func aFileThatIsNoRosterPointsAtTheFormatChooser() throws {
        let d = try preview("Fruit,Colour\nApple,red\n")
        let error = try #require(importing(d)?.error)
        #expect(error.hasPrefix("file.csv: not a roster Muster recognises"))
        #expect(error.contains("Tab chooses the format by hand"))
        #expect(!error.contains("--"), "no flags on the screen: \(error)")
    }

    @Test func thePreviewOfAFileWithAnErasedPersonSaysToTakeThemOut() throws {
        let d = try AppDriver()
        try d.store.privacy.erase(code: "T-001", reason: "asked at the end of the course", keepStatistics: false)
        d.press(.enter, .char("i"))
        d.type(d.dir.write("again.csv", "Code,Given name,Family name,E-mail\nT-001,José,Núñez,jose.nunez@example.org\n"))
        d.press(.enter)
        let error = try #require(importing(d)?.error)
        #expect(error.contains("erased at their request"))
        #expect(error.contains("Take them out of the file"))
        #expect(!error.contains("--allow-erased"))
    }

    /// In Spanish, the same remedy in Spanish words (the `Errors` catalogue's `voice.*` keys).
    @Test func theScreenSaysItInTheAppsLanguage() throws {
        let d = try AppDriver(options: AppOptions(language: .es))
        d.press(.enter, .char("i"))
        d.type(d.dir.write("file.csv", "Fruit,Colour\nApple,red\n"))
        d.press(.enter)
        let error = try #require(importing(d)?.error)
        #expect(error.hasPrefix("file.csv: no es una lista que Muster reconozca"), "\(error)")
        #expect(error.contains("Tab elige el formato a mano"))
    }

    @Test func theCommandLineWordingStillNamesItsFlags() {
        let refused = MusterError.importRefused(file: "list.csv", .erasedPeople(lines: ["line 2"]))
        #expect(
            refused.description == "list.csv: 1 person was erased at their request (line 2); nothing was imported. "
                + "Remove them from the file, or pass --allow-erased only if they asked to be registered again")
        #expect(MusterError.importRefused(file: "x.csv", .notARoster(searchedRows: 60)).description.hasSuffix("(try --format or --map)"))
    }
}
