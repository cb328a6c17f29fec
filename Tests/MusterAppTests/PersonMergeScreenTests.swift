import CourseKit
import Foundation
import MusterApp
import TerminalUI
import Testing
import TestSupport

/// Merging any two people from the screens (`M` on the person view or on the roster), with the
/// preview on a confirm screen, and unmerging from the person's trail (`U`).
@Suite struct PersonMergeScreenTests {
    /// José (T-001) absent in the morning; Nguyễn (T-003), the record to merge into his, present.
    static func driver() throws -> AppDriver {
        let clock = TestClock()
        let d = try AppDriver(clock: clock)
        let course = try d.store.courses.course(code: "mini-2024")
        let am = try d.store.courses.session(course: course, key: "am")
        try d.store.attendance.mark(session: am, person: d.store.people.person(code: "T-001"), status: .absent, source: .rollcall)
        clock.advance(seconds: 60)
        try d.store.attendance.mark(session: am, person: d.store.people.person(code: "T-003"), status: .present, source: .rollcall)
        clock.advance(seconds: 60)
        return d
    }

    /// Opens T-001's person view from the search everywhere.
    func openJose(_ d: AppDriver) {
        d.press(.char("/"))
        d.type("nunez")
        d.press(.enter)
    }

    var confirm: (AppDriver) -> ConfirmState? = { d in if case .confirm(let c) = d.state.top { c } else { nil } }

    @Test func mergeFromThePersonViewShowsThePreviewThenMerges() throws {
        let d = try Self.driver()
        openJose(d)
        d.press(.char("M"))
        guard case .menu(let picker) = d.state.top else { Issue.record("no picker"); return }
        #expect(picker.purpose == .mergePerson(keepID: try d.store.people.person(code: "T-001").id!))
        d.type("T-003")
        d.press(.enter)
        let c = try #require(confirm(d))
        #expect(c.dialog.title == "Merge T-003 into T-001")
        #expect(c.dialog.message.contains("mini-2024 am: T-003 present, T-001 absent; by the attendance rule T-003's decides: present"))
        assertSnapshot(SnapshotText.render(d.frame()), named: "person-merge-preview")
        d.press(.char("y"))
        #expect(d.state.message?.text == "T-003 Nguyễn Văn A merged into T-001 José Núñez")
        #expect(try d.store.people.personDetails(id: d.store.people.person(code: "T-003").id!).mergedInto?.code == "T-001")
        guard case .person(let p) = d.state.top else { Issue.record("not back on the person view"); return }
        #expect(p.details?.audit.contains { $0.changeAction == "merge" } == true)  // reloaded after the change
    }

    @Test func theTrailUnmergesWithAConfirmation() throws {
        let d = try Self.driver()
        try d.store.people.mergePeople(keep: "T-001", other: "T-003")
        openJose(d)
        d.press(.char("U"))  // the history shows, not the trail
        #expect(d.effects.last == "bell")
        d.press(.char("t"))
        guard case .person(let trail) = d.state.top else { Issue.record("no person view"); return }
        let merge = try #require(trail.details?.audit.lastIndex { $0.changeAction == "merge" })
        #expect(trail.auditTable.selection == merge)  // the newest entry: the merge
        #expect(d.screenText.contains("› records merged"), "\(d.screenText)")
        d.press(.char("k"), .char("U"))  // an attendance event is not a merge
        #expect(d.effects.last == "bell" && confirm(d) == nil)
        d.press(.char("j"), .char("U"))
        let c = try #require(confirm(d))
        #expect(c.onYes == .unmerge(changeID: trail.details!.audit[merge].changeID!))
        d.press(.char("y"))
        #expect(d.state.message?.text == "Undid: T-003 Nguyễn Văn A merged into T-001 José Núñez")
        #expect(try d.store.people.personDetails(id: d.store.people.person(code: "T-003").id!).mergedInto == nil)
        // Undone already: the store refuses, and the screen says why.
        guard case .person(let again) = d.state.top, let i = again.details?.audit.lastIndex(where: { $0.changeAction == "merge" }) else {
            Issue.record("no trail")
            return
        }
        d.press(.char("g"))
        for _ in 0..<i { d.press(.char("j")) }
        d.press(.char("U"), .char("y"))
        #expect(d.state.message?.text == "that change was already undone")
    }

    /// On the roster, `M` on someone who is not a walk-in merges another record into theirs.
    @Test func rosterMergesAnyoneIntoTheSelectedPerson() throws {
        let d = try Self.driver()
        d.press(.enter, .char("r"), .char("/"))
        d.type("T-001")
        d.press(.enter, .char("M"))
        guard case .menu(let picker) = d.state.top else { Issue.record("no picker"); return }
        #expect(picker.title == "Merge into T-001")
        d.type("T-003")
        d.press(.enter, .char("y"))
        #expect(d.state.message?.text == "T-003 Nguyễn Văn A merged into T-001 José Núñez")
        #expect(!d.rosterCodes.contains("T-003"))
        d.press(.char("u"))
        #expect(d.rosterCodes.contains("T-003"))
    }
}
