import CourseKit
import Foundation
import GRDB
import LibraryTestSupport
import MusterDev
import Testing
import TestSupport

/// The derived tables the coordinator's screens read (`attendance_mark`, `roster_index`) agree
/// with the event log and the roster whatever writes them, and the roster browser's queries
/// page, sort, filter and search like sorting the whole roster in memory would.
@Suite struct RosterIndexTests {
    /// Random marks and undos, from the roll call and the kiosk, at equal and different times:
    /// the SQL derivation gives the same current mark as `MarkRule` for every person and session.
    @Test(.seeded) func derivedMarksAgreeWithMarkRule() throws {
        let dir = TemporaryDirectory()
        let clock = TestClock()
        let store = try makeStore(dir, clock: clock)
        let course = try store.courses.course(code: "mini-2024")
        let sessions = try store.courses.sessions(courseID: course.id!)
        let people = try store.rosters.roster(courseID: course.id!).map(\.person)
        var random = SeededRandom()
        var markedPairs = Set<[Int64]>()
        for step in 0..<400 {
            let session = sessions.randomElement(using: &random)!
            let person = people.randomElement(using: &random)!
            if step % 3 == 0 { clock.advance(seconds: Double(Int.random(in: 0...2, using: &random))) }
            if Int.random(in: 0..<5, using: &random) == 0 {
                _ = try? store.attendance.undo(session: session, person: person, source: Bool.random(using: &random) ? .kiosk : .rollcall)
            } else {
                let outcome = try store.attendance.mark(
                    session: session, person: person, status: AttendanceStatus.allCases.randomElement(using: &random)!,
                    source: Int.random(in: 0..<3, using: &random) == 0 ? .kiosk : .rollcall)
                markedPairs.insert([session.id!, person.id!])
                // The mark a write reports is the one the whole log gives (the writer reports
                // what its derivation found, without reading the log again).
                let logged = try store.attendance.marks(sessionID: session.id!, personIDs: [person.id!])[person.id!]
                #expect(outcome.current == logged, "step \(step), \(random.replayText)")
            }
        }
        let derived = try DatabaseQueue(path: store.path).read { db in
            try Row.fetchAll(db, sql: "SELECT session_id, person_id, status FROM attendance_mark")
        }
        let rule = try store.attendance.marks(courseID: course.id!)
        var compared = 0
        for row in derived {
            let status: String = row["status"]
            let expected = rule[row["session_id"]]?[row["person_id"]]?.status.rawValue ?? "cleared"
            #expect(status == expected, "\(row), \(random.replayText)")
            compared += 1
        }
        // One row for each pair the loop marked (a cleared or undone mark leaves a 'cleared' row), no other.
        #expect(Set(derived.map { [$0["session_id"] as Int64, $0["person_id"] as Int64] }) == markedPairs, random.replay)
        #expect(compared > 5)

        // The totals on the roster index count the same marks.
        let query = RosterQuery(courseID: course.id!)
        let items = try store.rosters.rosterPage(query, offset: 0, limit: 100)
        for item in items {
            let id = item.person.id!
            let statuses = sessions.compactMap { rule[$0.id!]?[id]?.status }
            #expect(item.attended == statuses.filter(\.isAttending).count, random.replay)
            #expect(item.marked == statuses.count, random.replay)
            let core = sessions.filter(\.core).compactMap { rule[$0.id!]?[id]?.status }
            #expect(item.coreAttended == core.filter(\.isAttending).count, random.replay)
        }
        #expect(sessions.contains(where: \.core) && sessions.contains { !$0.core })
    }

    /// Renaming a person, moving them to another agency and changing a nomination reach the
    /// index at once, through the triggers.
    @Test func indexFollowsPeopleAgenciesAndNominations() throws {
        let dir = TemporaryDirectory()
        let store = try makeStore(dir)
        let course = try store.courses.course(code: "mini-2024")
        var yaml = Fixtures.miniCourseYAML.replacingOccurrences(of: "given_name: José", with: "given_name: Aaron")
        yaml = yaml.replacingOccurrences(of: "family_name: Núñez", with: "family_name: Aalto")
        try store.courses.importCourse(CourseFileCodec.decode(Data(yaml.utf8), path: "mini.yaml"))
        // "a nguyen van" (T-003) < "aalto aaron" < every other name.
        let first = try store.rosters.rosterPage(RosterQuery(courseID: course.id!), offset: 0, limit: 2)
        #expect(first.map(\.person.code) == ["T-003", "T-001"])
        let confirmed = RosterQuery(courseID: course.id!, filter: RosterFilter(status: .confirmed))
        #expect(try store.rosters.rosterCount(confirmed) == 3)
        yaml = yaml.replacingOccurrences(of: "status: nominated", with: "status: confirmed")
        try store.courses.importCourse(CourseFileCodec.decode(Data(yaml.utf8), path: "mini.yaml"))
        #expect(try store.rosters.rosterCount(confirmed) == 4)
    }

    /// A synthetic course browsed through every order and a few filters matches the same rows
    /// sorted in memory; positions and searches land on the right rows.
    @Test func pagesMatchSortingInMemory() throws {
        let dir = TemporaryDirectory()
        let store = try CourseStore(path: dir.file("big.sqlite"), actor: "tester", clock: TestClock().function)
        try SyntheticData(store: store).generateCourse(SyntheticCourseSpec(code: "syn", people: 1_500, sessions: 4, seed: 7))
        let course = try store.courses.course(code: "syn")
        let all = try store.rosters.rosterPage(RosterQuery(courseID: course.id!), offset: 0, limit: 10_000)
        #expect(all.count == 1_500)
        let facts = try store.rosters.rosterFacts(courseID: course.id!)
        let nameKeys = try DatabaseQueue(path: store.path).read { db in
            try Dictionary(
                uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT id, sort_key FROM person")
                    .map { ($0["id"] as Int64, $0["sort_key"] as String) })
        }

        func key(_ item: RosterListEntry, _ column: RosterSortColumn) -> String {
            let p = item.person
            let name = nameKeys[p.id!, default: ""] + "\u{1}" + String(format: "%012lld", p.id!)
            switch column {
            case .name: return name
            case .code: return p.code + "\u{1}" + name
            case .sex: return p.sex.rawValue + "\u{1}" + name
            case .country: return p.country + "\u{1}" + name
            case .agency: return (item.agency?.shortName.lowercased() ?? "") + "\u{1}" + name
            case .role: return item.enrolment.role.rawValue + "\u{1}" + name
            case .status: return item.enrolment.status.rawValue + "\u{1}" + name
            case .attendance: return String(format: "%04d", item.attended) + "\u{1}" + name
            }
        }
        let filters = [
            RosterFilter(), RosterFilter(country: "GT"), RosterFilter(sex: .female, status: .confirmed),
            RosterFilter(completed: true), RosterFilter(completed: false, rollCallOnly: true),
            RosterFilter(country: "GT", role: .participant), RosterFilter(sex: .male, rollCallOnly: true),
        ]
        for column in RosterSortColumn.allCases {
            for descending in [false, true] {
                for filter in filters {
                    let query = RosterQuery(courseID: course.id!, order: RosterOrder(column, descending: descending), filter: filter)
                    var expected = all.filter { item in
                        (filter.country.map { $0 == item.person.country } ?? true)
                            && (filter.sex.map { $0 == item.person.sex } ?? true)
                            && (filter.status.map { $0 == item.enrolment.status } ?? true)
                            && (filter.role.map { $0 == item.enrolment.role } ?? true)
                            && (filter.completed.map { $0 == facts.completed(item) } ?? true)
                            && (!filter.rollCallOnly || (item.enrolment.status.isExpected && item.enrolment.role.isMarkedAtRollCall))
                    }.sorted { key($0, column).utf8.lexicographicallyPrecedes(key($1, column).utf8) }
                    if descending { expected.reverse() }
                    #expect(try store.rosters.rosterCount(query) == expected.count)
                    let middle = expected.count / 2
                    let page = try store.rosters.rosterPage(query, offset: middle, limit: 25)
                    #expect(page.map(\.id) == expected.dropFirst(middle).prefix(25).map(\.id), "\(column) \(descending) \(filter)")
                    if let target = expected.dropFirst(middle).first {
                        #expect(try store.rosters.rosterPosition(query, personID: target.person.id!) == middle)
                    }
                }
            }
        }

        // Search: the first row at or after the start whose name matches, wrapping at the end.
        let query = RosterQuery(courseID: course.id!, order: RosterOrder(.country))
        let rows = try store.rosters.rosterPage(query, offset: 0, limit: 10_000)
        let isNguyen = { (item: RosterListEntry) in item.person.familyName == "Nguyễn" }
        let firstFromMiddle = rows.indices.first { $0 >= 700 && isNguyen(rows[$0]) }
        let lastBefore = rows.indices.last { $0 <= 700 && isNguyen(rows[$0]) }
        // Both plans: the matches sorted after look-ups by person (few candidates), and the
        // walk along the order's index (many).
        for plan in [Int.max, 0] {
            // Each answer is the same whether the start row is walked to or sought by its person.
            func find(_ text: String, from start: Int, backwards: Bool = false) throws -> Int? {
                let walked = try store.rosters.rosterFind(text, in: query, from: start, backwards: backwards, sortMatchesUpTo: plan)
                let sought = try store.rosters.rosterFind(
                    text, in: query, from: start, startPerson: rows[start].person.id, backwards: backwards, sortMatchesUpTo: plan)
                #expect(sought == walked, "\(text) from \(start)")
                return walked
            }
            #expect(try find("nguyen", from: 700) == firstFromMiddle)
            #expect(try find("NGUYỄN", from: 700, backwards: true) == lastBefore)
            #expect(try find("nguyen", from: rows.count - 1) == rows.indices.first { isNguyen(rows[$0]) })
            #expect(try find("zzzz-nobody", from: 0) == nil)
            #expect(try find("SYN-000042", from: 0) == rows.firstIndex { $0.person.code == "SYN-000042" })
            #expect(try find("syn-000042", from: 900) == rows.firstIndex { $0.person.code == "SYN-000042" })
        }

        // Facets count under the other filters.
        let gt = RosterQuery(courseID: course.id!, filter: RosterFilter(country: "GT", status: .confirmed))
        let statuses = try store.rosters.rosterFacet(.status, in: gt)
        #expect(statuses.reduce(0) { $0 + $1.count } == rows.filter { $0.person.country == "GT" }.count)
        #expect(statuses.first { $0.value == "confirmed" }?.count == (try store.rosters.rosterCount(gt)))
        let completion = try store.rosters.rosterFacet(.completion, in: RosterQuery(courseID: course.id!))
        #expect(completion.map(\.count).reduce(0, +) == 1_500)
        #expect(completion.first?.count == all.filter(facts.completed).count)
    }

    /// Totals per session over a query agree with counting the current marks directly.
    /// Totals per session agree with counting the current marks of the admitted people, for the
    /// trigger-kept tally (status and role filters) and the join (other filters), and stay right
    /// through nomination changes, new marks, undos and removals.
    @Test func markTotalsCountCurrentMarks() throws {
        let dir = TemporaryDirectory()
        let store = try CourseStore(path: dir.file("t.sqlite"), actor: "tester", clock: TestClock().function)
        try SyntheticData(store: store).generateCourse(SyntheticCourseSpec(code: "syn", people: 300, sessions: 3, seed: 3))
        let course = try store.courses.course(code: "syn")
        let sessions = try store.courses.sessions(courseID: course.id!)
        func check(_ filter: RosterFilter, sourceLocation: SourceLocation = #_sourceLocation) throws {
            let query = RosterQuery(courseID: course.id!, filter: filter)
            let totals = try store.attendance.markTotals(query)
            let people = try store.rosters.rosterPage(query, offset: 0, limit: 1_000).map { $0.person.id! }
            let marks = try store.attendance.currentMarks(courseID: course.id!, personIDs: people)
            for session in sessions {
                let statuses = people.compactMap { marks[$0]?[session.id!] }
                #expect(totals[session.id!]?.marked ?? 0 == statuses.count, "\(filter)", sourceLocation: sourceLocation)
                #expect(totals[session.id!]?.attending ?? 0 == statuses.filter(\.isAttending).count, sourceLocation: sourceLocation)
            }
        }
        let filters = [
            RosterFilter(rollCallOnly: true), RosterFilter(), RosterFilter(status: .confirmed),
            RosterFilter(role: .observer), RosterFilter(country: "GT"), RosterFilter(sex: .female, rollCallOnly: true),
        ]
        for filter in filters { try check(filter) }

        let marked = try #require(
            try store.rosters.rosterPage(
                RosterQuery(courseID: course.id!, filter: RosterFilter(status: .confirmed)),
                offset: 0, limit: 300
            ).first { $0.marked > 0 })
        let person = marked.person
        let change = try store.nominations.setNominationStatus(courseID: course.id!, personID: person.id!, to: .withdrawn)
        try store.attendance.mark(session: sessions[0], person: person, status: .absent, source: .rollcall)
        try store.attendance.undo(session: sessions[1], person: person, source: .rollcall)
        for filter in filters { try check(filter) }
        try store.changeLog.undoChange(id: change.id)
        let (walkIn, _) = try store.people.savePerson(
            Person(code: "W-9", givenName: "Walk", familyName: "In"),
            enrolIn: course.id!, status: .walkIn)
        try store.attendance.mark(session: sessions[2], person: walkIn, status: .present, source: .kiosk)
        try store.nominations.mergeWalkIn(courseID: course.id!, walkInID: walkIn.id!, into: person.id!)
        for filter in filters { try check(filter) }
        // A person's country and sex edited: their marks move between the tally's counts.
        var moved = try store.people.person(code: person.code)
        moved.country = moved.country == "SV" ? "GT" : "SV"
        moved.sex = moved.sex == .female ? .male : .female
        _ = try store.people.savePerson(moved)
        let agency = try #require(moved.agencyID)
        for filter in filters + [RosterFilter(country: "SV"), RosterFilter(sex: .male), RosterFilter(agencyID: agency)] {
            try check(filter)
        }
    }
}
