@testable import CourseKit
import Foundation
import GRDB
import Testing
import TestSupport

/// A big course file (the 100k course's) keeps the derived roster tables set-wise while it
/// writes its enrolments, as a big roster import does (`DerivedRoster`). Held to what the
/// per-row triggers leave, on a first import and on a second one that removes people and
/// changes nominations, with marks already on the course.
@Suite struct CourseFileBulkTests {
    let bulk = ImportBulkTests()

    /// The mini course's own file with 600 more people in several roles, statuses, countries
    /// and agencies; `removing` leaves out the last that many of them and changes the rest's nominations.
    func file(_ store: CourseStore, removing: Int = 0) throws -> CourseFile {
        var file = try store.courses.courseFile(code: "mini-2024")
        file.participants!.removeAll { $0.code.hasPrefix("N-") }  // the course's own people, as the fixture has them
        let roles: [Role] = [.participant, .participant, .observer, .resourcePerson]
        let statuses: [NominationStatus] = removing == 0 ? [.nominated, .confirmed, .waitlisted, .confirmed] : [.declined, .confirmed]
        let countries = ["PW", "GT", "CR", nil, "MX"]
        file.participants! += (0..<(600 - removing)).map { i in
            CourseFile.ParticipantEntry(
                code: "N-\(String(format: "%04d", i))", givenName: "Given\(i % 37)", familyName: "Family \(i * 7 % 101)",
                sex: i % 3 == 0 ? .female : .male, country: countries[i % 5], agency: i % 2 == 0 ? "pw-bim" : nil,
                position: nil, email: "n\(i)@example.org", phone: nil, role: roles[i % 4], nominatedBy: i % 5 == 0 ? "iom" : nil,
                status: statuses[i % statuses.count], substitutedBy: nil, note: nil)
        }
        return file
    }

    @Test(arguments: [DerivedUpkeep.setWise, .automatic])
    func setWiseLeavesWhatTheTriggersLeave(upkeep: DerivedUpkeep) throws {
        let slowDir = TemporaryDirectory("per-row"), fastDir = TemporaryDirectory("set-wise")
        let slow = try bulk.markedStore(slowDir), fast = try bulk.markedStore(fastDir)
        let schemaBefore = try bulk.schema(fast)
        for removing in [0, 100] {
            try slow.courses.importCourse(try file(slow, removing: removing), upkeep: .perRow)
            try fast.courses.importCourse(try file(fast, removing: removing), upkeep: upkeep)
            let rows = try bulk.derived(fast)
            #expect(rows == (try bulk.derived(slow)), "removing \(removing)")
            #expect(rows.filter { $0.contains("N-0") }.count == 600 - removing)
            #expect(try bulk.schema(fast) == schemaBefore, "the suspended triggers are back, word for word")
        }
        // The restored triggers keep the tables from here on.
        try bulk.markAfter(slow)
        try bulk.markAfter(fast)
        #expect(try bulk.derived(fast) == bulk.derived(slow))
    }
}
