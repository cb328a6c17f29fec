import CourseKit
import Foundation
import TestSupport

/// Two devices on the Pacific course, where Meleane Fonua is a participant and facilitates three
/// sessions: device b writes a note naming her on someone else's mark, device a takes b's bundle
/// and erases her. Each ends with a bundle of all it holds: b's carries the originals, a's the
/// scrubbed copies (issue 21, item 3). For the tests of how libraries and the head office take
/// the two in either order.
public struct ErasedFacilitator {
    public static let course = "pacific-migrant-protection-2023"
    public let a: CourseStore
    public let b: CourseStore
    /// The session and the person whose mark carries the note.
    public let session: Session
    public let other: Person
    public let erasure: ErasureSummary
    public let fromA: String
    public let fromB: String

    public init(in dir: TemporaryDirectory) throws {
        let clock = TestClock(Date(timeIntervalSince1970: 1_694_466_000))
        func device(_ name: String) throws -> CourseStore {
            let store = try CourseStore(path: dir.file("\(name).sqlite"), actor: name, clock: clock.function)
            try store.courses.importCourse(CourseFileCodec.read(path: "\(Fixtures.coursesDirectory)/\(Self.course).yaml"))
            return store
        }
        a = try device("a")
        b = try device("b")
        let course = try b.courses.course(code: Self.course)
        session = try b.courses.sessions(courseID: course.id!)[0]
        other = try b.rosters.roster(courseID: course.id!).first { $0.person.familyName != "Fonua" }!.person
        clock.advance(seconds: 60)
        try b.attendance.mark(session: session, person: other, status: .present, source: .rollcall, note: "came with Meleane Fonua")
        fromB = dir.file("b.bundle")
        _ = try b.syncExport(to: fromB, courses: [], all: true, sinceLast: nil, passphrase: nil)
        _ = try a.syncImport(paths: [fromB], dryRun: false, passphrase: nil)
        clock.advance(seconds: 60)
        let meleane = try a.people.search("Meleane Fonua")[0]
        erasure = try a.privacy.erase(code: meleane.code, reason: "asked", keepStatistics: false)
        fromA = dir.file("a.bundle")
        _ = try a.syncExport(to: fromA, courses: [], all: true, sinceLast: nil, passphrase: nil)
    }
}
