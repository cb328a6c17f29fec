import CourseKit
import Foundation
import MusterApp
import TerminalUI
import Testing
import TestSupport

/// The person view in Spanish (`--lang es`): José Núñez's history and audit trail at 80×24 and
/// the minimum size, in colour and monochrome, its messages, and no English text of its
/// catalogues on its screens. The trail's descriptions are the library's own words.
@Suite struct PersonSpanishTests {
    /// José, marked late on the mini course, opened from the search everywhere.
    func spanish(size: Size = Size(width: 80, height: 24)) throws -> AppDriver {
        let clock = TestClock()
        let d = try AppDriver(options: AppOptions(language: .es), size: size, clock: clock, fresh: true)
        clock.advance(seconds: 3600)
        let course = try d.store.courses.course(code: "mini-2024")
        try d.store.attendance.mark(
            session: d.store.courses.session(course: course, key: "am"), person: d.store.people.person(code: "T-001"), status: .late,
            source: .rollcall, note: "vuelo retrasado")
        d.press(.char("/"))
        d.type("nunez")
        d.press(.enter)
        return d
    }

    @Test(arguments: [("80x24", Size(width: 80, height: 24)), ("60x16", Size(width: 60, height: 16))])
    func history(name: String, size: Size) throws {
        let d = try spanish(size: size)
        d.checkSnapshot("person-es-\(name)", asciiFree: ["│", "─", "✓", "✗"])
        let text = d.screenText
        #expect(text.contains("hombre") && text.contains("confirmada") && text.contains("en sustitución de T-005"))
        #expect(text.contains("1 curso · 1 finalizado") && text.contains("7 may 2024") == (size.width == 80))
    }

    @Test(arguments: [("80x24", Size(width: 80, height: 24)), ("60x16", Size(width: 60, height: 16))])
    func auditTrail(name: String, size: Size) throws {
        let d = try spanish(size: size)
        d.press(.char("t"))
        PrivacyScreenTests().check(d, "person-audit-es-\(name)")  // the random device id masked, as in English
        #expect(
            d.screenText.contains("Registro de cambios") && d.screenText.contains("pase de lista") && d.screenText.contains("3 cambios"))
    }

    @Test func messagesAreSpanish() throws {
        let d = try spanish()
        d.press(.char("U"))
        #expect(d.state.message?.text == "t muestra el registro de cambios; elija allí una fusión para deshacerla")
        d.press(.char("t"), .char("U"))
        #expect(d.state.message?.text == "Elija una fusión en el registro de cambios para deshacerla")
    }

    /// Every English value of the person view's, the key table's and the shared dialogs'
    /// catalogues that Spanish says otherwise must never be on the Spanish person view, its
    /// help or its messages. On the trail only the view's own: the trail's descriptions are
    /// the library's words ("mini-2024 am: late", "record created"), which share words with
    /// the key table's English.
    @Test func noEnglishCatalogueTextOnSpanishScreens() throws {
        let d = try spanish()
        var screens = [d.screenText]
        for keys in [[Key.char("?")], [.escape, .char("U")]] {
            for key in keys { d.press(key) }
            screens.append(d.screenText)
        }
        SpanishCheck.expectNoEnglish(SpanishCheck.englishText(of: ["Person", "Keys", "App"]), on: screens)
        d.press(.char("t"))
        var trail = [d.screenText]
        d.press(.char("U"))
        trail.append(d.screenText)
        SpanishCheck.expectNoEnglish(SpanishCheck.englishText(of: ["Person"]), on: trail)
    }

    /// A walk-in awaiting review, which the mini course has none of: who they may really be.
    /// At the minimum size too, the widest status beside the widest role leaves every column whole.
    @Test(arguments: [Size(width: 80, height: 24), Size(width: 60, height: 16)])
    func aWalkInsReviewLine(size: Size) throws {
        let d = try AppDriver(options: AppOptions(language: .es), size: size)
        let course = try d.store.courses.course(code: "mini-2024")
        try d.store.people.savePerson(
            Person(code: "W-1", givenName: "José", familyName: "Núñez", country: "PW"), enrolIn: course.id!, status: .walkIn)
        d.press(.enter, .char("r"), .char("/"))
        d.type("W-1")
        d.press(.enter, .enter)
        #expect(
            d.screenText.contains("Registro en sitio por revisar: ¿es T-001 José Núñez? (M en la lista fusiona)") == (size.width == 80),
            "\(d.screenText)")
        // The status whole, from the glossary's terms, and every column title too.
        #expect(d.screenText.contains("registro en sitio") && d.screenText.contains("LISTO"))
    }
}

extension PersonSpanishTests {
    /// `M`: the picker and the confirm screen in Spanish, then `U` on the trail; the preview's
    /// lines are the library's (the command line's) and stay as it writes them.
    @Test func theMergeFlowSpeaksSpanish() throws {
        let d = try spanish()
        d.press(.char("M"))
        guard case .menu(let picker) = d.state.top else { Issue.record("no picker"); return }
        #expect(picker.title == "Fusionar con T-001")
        #expect(picker.prompt == "¿Qué registro es de la misma persona que José Núñez? Escriba un nombre")
        SpanishCheck.expectNoEnglish(SpanishCheck.englishText(of: ["Person"]), on: [d.screenText])
        d.type("T-003")
        d.press(.enter)
        guard case .confirm(let c) = d.state.top else { Issue.record("no confirm screen"); return }
        #expect(c.dialog.title == "Fusionar T-003 con T-001")
        #expect(c.dialog.message.hasSuffix("¿Fusionar? El registro de cambios de T-001 (t y luego U) permite separarlas después."))
        d.press(.char("y"), .char("t"), .char("U"))  // the trail starts at its newest change: the merge
        guard case .confirm(let undo) = d.state.top else { Issue.record("no unmerge confirmation"); return }
        #expect(undo.dialog.title == "Separar" && undo.dialog.message.hasPrefix("¿Deshacer esta fusión del "))
    }
}
