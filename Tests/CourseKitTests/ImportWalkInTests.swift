import CourseKit
import Foundation
import LibraryTestSupport
import Testing
import TestSupport

/// People a registration or attendance tool's file adds to a course with a roster arrive as
/// walk-ins awaiting review, with the people they may really be (issue 14, item 9).
@Suite struct ImportWalkInTests {
    let dir = TemporaryDirectory("walk-in")

    static let eventbrite = """
        Order #,First Name,Last Name,Email,Attendee Status,Country
        9876543210,José,Núñez,jose.n@other.example.org,Attending,Palau
        9876543211,José,Núñez,jose.nunez@example.org,Attending,Palau

        """

    @Test func aToolsRowNotOnTheRosterIsAWalkInWithItsLookalikes() throws {
        let store = try importStore(dir, courses: ["mini-2024"])
        let first = try store.rosterImporter.importRoster(data: Data(Self.eventbrite.utf8), name: "eb.csv", course: "mini-2024")
        #expect(first.format == .eventbrite)
        #expect(first.matched.map(\.code) == ["T-001"])  // line 3, by e-mail; still confirmed
        let code = try #require(first.newPeople.first?.code)
        #expect(first.possibleDuplicates.map(\.lookalikes) == [["T-001"]])
        let walkIn = try entry(store, course: "mini-2024", person: code)
        #expect(walkIn.enrolment.status == .walkIn)
        #expect(try entry(store, course: "mini-2024", person: "T-001").enrolment.status == .confirmed)
        #expect(try store.people.personDetails(id: walkIn.person.id!).lookalikes.map(\.code) == ["T-001"])
        // "Attending" again is not a coordinator's review: the walk-in stays one.
        let again = try store.rosterImporter.importRoster(data: Data(Self.eventbrite.utf8), name: "eb.csv", course: "mini-2024")
        #expect(again.changesNothing, "\(again.counts)")
        #expect(try entry(store, course: "mini-2024", person: code).enrolment.status == .walkIn)
    }

    @Test func intoACourseWithNobodyEnrolledTheToolsFileIsTheRoster() throws {
        let store = try importStore(dir, courses: [])
        let yaml = Fixtures.miniCourseYAML
        try store.courses.importCourse(
            CourseFileCodec.decode(Data(yaml[..<yaml.range(of: "participants:")!.lowerBound].utf8), path: "mini.yaml"))
        let report = try store.rosterImporter.importRoster(data: Data(Self.eventbrite.utf8), name: "eb.csv", course: "mini-2024")
        #expect(report.newPeople.count == 2)
        for person in report.newPeople {
            #expect(try entry(store, course: "mini-2024", person: person.code).enrolment.status == .confirmed)
        }
    }
}
