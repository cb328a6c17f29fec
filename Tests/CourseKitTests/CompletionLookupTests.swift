import CourseKit
import Foundation
import LibraryTestSupport
import Testing
import TestSupport

@Suite("Tab completion's look-ups: course codes and session ids, read-only")
struct CompletionLookupTests {
    @Test("codes and session ids come from the library, without writing to it")
    func fromTheLibrary() throws {
        let dir = TemporaryDirectory("completion")
        let path = dir.file("lib.sqlite")
        do {
            let store = try CourseStore(path: path)
            _ = try store.courses.seed(from: Fixtures.coursesDirectory)
        }
        let shipped = try FileManager.default.contentsOfDirectory(atPath: Fixtures.coursesDirectory).filter { $0.hasSuffix(".yaml") }
        let codes = CompletionLookup.courseCodes(library: path, seedFolder: nil)
        #expect(codes.count == shipped.count)
        #expect(codes.contains("palau-mmc-2024") && codes == codes.sorted())
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(
            CompletionLookup.sessionKeys(library: path, course: "palau-mmc-2024") == ["d1-am", "d1-pm", "d2-am", "d2-pm", "d3-am", "d3-pm"])
        #expect(CompletionLookup.sessionKeys(library: path, course: "no-such-course").isEmpty)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test("before the first run the shipped course files give the codes; nothing is created")
    func beforeTheFirstRun() {
        let dir = TemporaryDirectory("completion")
        let path = dir.file("none.sqlite")
        let codes = CompletionLookup.courseCodes(library: path, seedFolder: Fixtures.coursesDirectory)
        #expect(codes.contains("rcm-migration-policies-2020"))
        #expect(CompletionLookup.sessionKeys(library: path, course: "palau-mmc-2024").isEmpty)
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(CompletionLookup.courseCodes(library: path, seedFolder: dir.file("missing")).isEmpty)
    }

    @Test("a file that is not a library gives no candidates and no error")
    func notALibrary() {
        let dir = TemporaryDirectory("completion")
        let junk = dir.write("junk.sqlite", "this is not SQLite")
        #expect(CompletionLookup.courseCodes(library: junk, seedFolder: Fixtures.coursesDirectory).isEmpty)
        #expect(CompletionLookup.sessionKeys(library: junk, course: "x").isEmpty)
    }
}
