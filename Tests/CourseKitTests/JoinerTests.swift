import CourseKit
import Foundation
import LibraryTestSupport
import Testing
import TestSupport

/// Names written with the zero-width non-joiner or joiner keep them; search ignores them.
@Suite struct JoinerTests {
    let mohammadReza = "محمد\u{200C}رضا"

    @Test func cleaningKeepsTheJoinersAScriptNeeds() {
        #expect(NameSanitizer.clean(mohammadReza).unicodeScalars.contains { $0.value == 0x200C })
        #expect(NameSanitizer.clean("क्\u{200D}ष").unicodeScalars.contains { $0.value == 0x200D })
        // Still dropped: the zero-width space, the directional marks and overrides.
        #expect(NameSanitizer.clean("Jo\u{200B}sé\u{200E}\u{202E}") == "José")
    }

    /// Between two characters a joiner is part of the spelling (and of an emoji); at an end,
    /// beside a space or doubled it joins nothing and would only tell "Ana" from "Ana‍" apart.
    @Test func joinersThatJoinNothingGo() {
        let family = "👩\u{200D}👩\u{200D}👧"
        #expect(NameSanitizer.clean(family) == family)
        #expect(NameSanitizer.clean("\u{200D}Ana\u{200C}") == "Ana")
        #expect(NameSanitizer.clean("Ana \u{200D}Tellei") == "Ana Tellei")
        #expect(NameSanitizer.clean("Ana\u{200D} Tellei") == "Ana Tellei")
        #expect(NameSanitizer.clean("محمد\u{200C}\u{200C}رضا") == mohammadReza)
        #expect(NameSanitizer.clean("محمد\u{200C}\u{200B}رضا") == mohammadReza)  // a dropped character between
    }

    @Test func foldingIgnoresJoinersSoEitherSpellingFindsTheName() {
        #expect(NameFolding.fold(mohammadReza) == NameFolding.fold("محمدرضا"))
        #expect(!NameFolding.fold(mohammadReza).unicodeScalars.contains { $0.value == 0x200C })
    }

    @Test func aStoredNameKeepsItsJoinerAndIsFoundWithout() throws {
        let dir = TemporaryDirectory("joiner")
        let store = try CourseStore(path: dir.file("lib.sqlite"), actor: "test", clock: TestClock().function)
        try store.courses.importCourse(CourseFileCodec.decode(Data(Fixtures.miniCourseYAML.utf8), path: "mini.yaml"))
        let csv = "given,family,country,email\n\(mohammadReza),Karimi,IR,mr@example.org\n"
        try store.rosterImporter.importRoster(
            data: Data(csv.utf8), name: "joiner.csv", course: "mini-2024",
            options: RosterImportOptions())
        let found = try store.people.search("محمدرضا", limit: 5)
        #expect(found.count == 1)
        #expect(found.first?.givenName == mohammadReza)
    }
}
