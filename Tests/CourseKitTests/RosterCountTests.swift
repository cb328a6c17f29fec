import CourseKit
import Foundation
import GRDB
import LibraryTestSupport
import Testing
import TestSupport

/// `roster_count` (v22), which the roster's filtered counts, its filter menus, its positions in
/// orders by a column of few values and the quota lines read, is what counting the enrolments
/// and their people gives after any mix of edits to people (sex, country, agency), nominations
/// (status, role, nominating agency), new people, removals and undos; and the counts the roster
/// answers from it equal counting its rows.
@Suite struct RosterCountTests {
    @Test(.seeded) func countsFollowPeopleNominationsAndUndos() throws {
        let dir = TemporaryDirectory()
        let store = try makeStore(dir)
        let course = try store.courses.course(code: "mini-2024")
        var random = SeededRandom()
        try Self.randomEdits(store, courseID: course.id!, steps: 150, random: &random) { step, replay in
            let counted = try EnrolmentCountTests.rosterCounted(store), recounted = try EnrolmentCountTests.rosterRecounted(store)
            #expect(counted == recounted, "step \(step), \(replay)")
        }
        #expect(try EnrolmentCountTests.rosterCounted(store) == EnrolmentCountTests.rosterRecounted(store), random.replay)
        try Self.countsAgreeWithTheRows(store, courseID: course.id!, random: &random)
    }

    /// `steps` random changes to the course's roster, each logged and some undone: new people,
    /// a person's sex, country or agency, a nomination's status, role or nominating agency, a
    /// removal, an undo. `check` runs every ten steps with the step and how to replay it.
    static func randomEdits(
        _ store: CourseStore, courseID: Int64, steps: Int, random: inout SeededRandom, check: (Int, String) throws -> Void
    ) throws {
        let agencies = try store.courses.agencies().compactMap(\.id)
        var newcomers = 0
        var changes: [ChangeRecord] = []
        for step in 0..<steps {
            let roster = try store.rosters.roster(courseID: courseID)
            switch Int.random(in: 0..<7, using: &random) {
            case 0:
                newcomers += 1
                let (_, change) = try store.people.savePerson(
                    Person(
                        code: "N-\(newcomers)", givenName: "Nuevo", familyName: "Número \(newcomers)",
                        sex: [.female, .male].randomElement(using: &random)!, country: ["GT", "PW", ""].randomElement(using: &random)!,
                        agencyID: (agencies.map { Optional($0) } + [nil]).randomElement(using: &random)!),
                    enrolIn: courseID, role: [.participant, .observer, .facilitator].randomElement(using: &random)!,
                    status: [.nominated, .confirmed].randomElement(using: &random)!)
                changes.append(change)
            case 1:
                // A person's sex, country or agency: every course they are on moves.
                guard var person = roster.randomElement(using: &random)?.person else { continue }
                switch Int.random(in: 0..<3, using: &random) {
                case 0: person.sex = person.sex == .female ? .male : .female
                case 1: person.country = ["GT", "PW", "FM", ""].randomElement(using: &random)!
                default: person.agencyID = (agencies.map { Optional($0) } + [nil]).randomElement(using: &random)!
                }
                changes.append(try store.people.savePerson(person).1)
            case 2:
                guard let entry = roster.randomElement(using: &random), entry.enrolment.status != .substituted else { continue }
                let status = [NominationStatus.nominated, .confirmed, .withdrawn, .walkIn, .declined].randomElement(using: &random)!
                if let change = try? store.nominations.setNominationStatus(courseID: courseID, personID: entry.person.id!, to: status) {
                    changes.append(change)
                }
            case 3:
                // The nominating agency: the quota agency of someone without an agency of their own.
                guard var enrolment = roster.randomElement(using: &random)?.enrolment, enrolment.status != .substituted else { continue }
                if Bool.random(using: &random) {
                    enrolment.nominatedBy = (agencies.map { Optional($0) } + [nil]).randomElement(using: &random)!
                } else {
                    enrolment.role = Role.allCases.randomElement(using: &random)!
                }
                changes.append(try store.nominations.saveEnrolment(enrolment))
            case 4:
                guard let entry = roster.randomElement(using: &random) else { continue }
                if let change = try? store.nominations.removeEnrolment(courseID: courseID, personID: entry.person.id!) {
                    changes.append(change)
                }
            default:
                guard let change = changes.popLast() else { continue }
                _ = try? store.changeLog.undoChange(id: change.id)
            }
            if step % 10 == 9 { try check(step, random.replayText) }
        }
    }

    /// Every filter of one or two dimensions the counts hold: the count and each facet menu
    /// equal counting the roster's rows.
    static func countsAgreeWithTheRows(_ store: CourseStore, courseID: Int64, random: inout SeededRandom) throws {
        let rows = try store.rosters.roster(courseID: courseID)
        let agencies = try store.courses.agencies().compactMap(\.id)
        var filters: [RosterFilter] = [RosterFilter(), RosterFilter(rollCallOnly: true), RosterFilter(agencyID: RosterFilter.noAgency)]
        for _ in 0..<25 {
            var f = RosterFilter()
            if Bool.random(using: &random) { f.sex = [.female, .male].randomElement(using: &random)! }
            if Bool.random(using: &random) { f.country = ["GT", "PW", "FM", ""].randomElement(using: &random)! }
            if Bool.random(using: &random) { f.agencyID = (agencies + [RosterFilter.noAgency]).randomElement(using: &random)! }
            if Bool.random(using: &random) { f.role = Role.allCases.randomElement(using: &random)! }
            if Bool.random(using: &random) { f.status = NominationStatus.allCases.randomElement(using: &random)! }
            f.rollCallOnly = Int.random(in: 0..<4, using: &random) == 0
            filters.append(f)
        }
        func admits(_ f: RosterFilter, _ row: RosterEntry) -> Bool {
            (f.sex.map { $0 == row.person.sex } ?? true) && (f.country.map { $0 == row.person.country } ?? true)
                && (f.agencyID.map { $0 == (row.person.agencyID ?? RosterFilter.noAgency) } ?? true)
                && (f.role.map { $0 == row.enrolment.role } ?? true) && (f.status.map { $0 == row.enrolment.status } ?? true)
                && (!f.rollCallOnly || (row.enrolment.status.isExpected && Role.markedByRollCall.contains(row.enrolment.role)))
        }
        for filter in filters {
            let query = RosterQuery(courseID: courseID, filter: filter)
            #expect(try store.rosters.rosterCount(query) == rows.filter { admits(filter, $0) }.count, "\(filter) \(random.replayText)")
            for facet in RosterFacet.allCases where facet != .completion {
                var others = filter
                let value: (RosterEntry) -> String
                switch facet {
                case .sex: others.sex = nil; value = { $0.person.sex.rawValue }
                case .country: others.country = nil; value = { $0.person.country }
                case .agency: others.agencyID = nil; value = { String($0.person.agencyID ?? 0) }
                case .role: others.role = nil; value = { $0.enrolment.role.rawValue }
                case .status: others.status = nil; value = { $0.enrolment.status.rawValue }
                case .completion: continue
                }
                var expected: [String: Int] = [:]
                for row in rows where admits(others, row) { expected[value(row), default: 0] += 1 }
                let counted = try store.rosters.rosterFacet(facet, in: query)
                #expect(Dictionary(uniqueKeysWithValues: counted.map { ($0.value, $0.count) }) == expected, "\(facet) \(filter)")
                #expect(counted.map(\.count) == counted.map(\.count).sorted(by: >), "most frequent first")
            }
        }
    }
}
