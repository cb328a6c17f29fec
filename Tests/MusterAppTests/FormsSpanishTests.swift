import CourseKit
import Foundation
import MusterApp
import TerminalUI
import Testing
import TestSupport

/// The forms and the same-person question in Spanish (`--lang es`): snapshots of the course
/// and person forms and of the question at 80×24 and 60×16 (colour, monochrome and ASCII
/// through `checkSnapshot`), a choice shown in Spanish but saved as the files write it, and no
/// English text of the forms' catalogue on any form's fields, hints, errors, completions,
/// dialog or message.
@Suite struct FormsSpanishTests {
    static let sizes = [("80x24", Size(width: 80, height: 24)), ("60x16", Size(width: 60, height: 16))]
    static let glyphs = ["│", "─", "┌", "┐", "└", "┘", "›"]

    /// The RCM course's form, opened from its overview, with a start date that is not one: the
    /// error beside its field, the labels' column as wide as "Entidad organizadora".
    @Test(arguments: sizes)
    func courseForm(name: String, size: Size) throws {
        let d = try AppDriver.rcm(size: size, language: .es)
        d.press(.char("E"))
        d.focusField("startDate")
        d.retype("junio 2020")
        d.press(.enter)
        d.checkSnapshot("course-form-es-\(name)", asciiFree: Self.glyphs)
        #expect(d.form?.title == "Editar el curso rcm-migration-policies-2020")
        #expect(d.screenText.contains("Fecha de inicio: no es una fecha: use AAAA-MM-DD"))
    }

    /// A new person on the RCM roster, the focus on the sex: "mujer" shown, "female" saved.
    @Test(arguments: sizes)
    func personForm(name: String, size: Size) throws {
        let d = try AppDriver.rcm(size: size, language: .es)
        d.press(.char("r"), .char("a"))
        d.focusField("givenName")
        d.retype("Lucía")
        d.focusField("familyName")
        d.retype("Ajú Tzoc")
        d.focusField("sex")
        d.press(.char(" "))  // from "sin indicar" to the first option
        d.checkSnapshot("person-form-es-\(name)", asciiFree: Self.glyphs)
        #expect(d.form?.value("sex") == "female")
        #expect(d.screenText.contains("mujer"))
        #expect(d.screenText.contains("←/→ o Espacio para cambiar"))
    }

    /// The question when two people in the library may be the one typed in.
    @Test(arguments: sizes)
    func samePerson(name: String, size: Size) throws {
        let d = try SamePersonSnapshotTests.twoCandidates(AppOptions(language: .es), size: size)
        #expect(d.samePerson?.candidates.count == 2)
        d.checkSnapshot("same-person-es-\(name)", asciiFree: Self.glyphs)
        // At 60 columns the line is cut at its end, its meaning kept.
        #expect(d.screenText.contains("Jose NÚÑEZ (PW) puede ser una de 2 personas de la bib"))
    }

    /// Each field of the open form in turn (↓ moves without taking a completion): its hint, or
    /// its error after a save was refused.
    func tour(_ d: AppDriver) -> [String] {
        var screens: [String] = []
        for _ in 0..<(d.form?.fields.count ?? 0) {
            screens.append(d.screenText)
            d.press(.down)
        }
        return screens
    }

    /// Every form (course, copy, session, person, substitute, agency, enrolment, quota), each
    /// field's hint and error, the completions, the discard question, what is said on leaving
    /// and saving, and the same-person question with its refusals: none of the English texts of
    /// the forms', the shared dialogs' or the keys' catalogues. The mini course, whose data has
    /// no English word of those catalogues ("Programme" is one of the RCM course's).
    @Test func noEnglishCatalogueTextOnAnySpanishForm() throws {
        let english = SpanishCheck.englishText(of: ["Forms", "App", "Keys"])
        #expect(english.count > 200)
        var screens: [String] = []

        // The course list: a new course, the course's form refused, the discard question, a copy.
        let list = try AppDriver(options: AppOptions(language: .es))
        list.press(.char("a"))
        screens += tour(list)
        list.press(.escape)
        #expect(list.state.message?.text == "No se guardó")
        screens.append(list.screenText)
        list.press(.char("e"))
        for (field, text) in [
            ("startDate", "mayo"), ("timeZone", "Marte/Base"), ("completion", "200"), ("late", "x"), ("country", "narnia"),
        ] {
            list.focusField(field)
            list.retype(text)
        }
        list.press(.enter)
        screens += tour(list)
        list.press(.escape)
        #expect(list.screenText.contains("Descartar cambios"))
        screens.append(list.screenText)
        list.press(.char("y"), .char("c"))
        list.focusField("withRoster")
        list.press(.char(" "))
        #expect(list.form?.value("withRoster") == "yes" && list.screenText.contains("sí"))
        screens += tour(list)
        list.press(.enter)
        #expect(list.state.message?.text.hasPrefix("Se copió mini-2024 como mini-2025: 2 sesiones") == true)
        #expect(list.state.message?.text.contains("personas nominadas") == true)
        screens.append(list.screenText)

        // The overview: a new session refused, a session's form.
        let d = try AppDriver(options: AppOptions(language: .es))
        d.press(.enter, .char("a"))
        d.focusField("start")
        d.retype("2024-05-07 25:00")
        d.focusField("timeZone")
        d.retype("Marte/Base")
        d.press(.enter)
        screens += tour(d)
        d.press(.escape, .char("y"), .char("j"), .char("e"))
        #expect(d.form?.title.hasPrefix("Editar la sesión") == true)
        screens += tour(d)
        d.press(.escape)

        // The roster: a new person refused, the completions, an enrolment, a person, a substitute.
        d.press(.char("r"), .char("a"))
        d.focusField("country")
        for text in ["gua", "pala", "PW", "zz"] {
            d.retype(text)
            screens.append(d.screenText)
        }
        d.focusField("agency")
        for text in ["bi", "i", "zz"] {
            d.retype(text)
            screens.append(d.screenText)
        }
        d.focusField("country")
        d.retype("narnia")
        d.press(.enter)
        screens += tour(d)
        d.press(.escape, .char("y"), .char("e"))
        #expect(d.form?.title.hasPrefix("Inscripción de") == true)
        screens += tour(d)
        d.press(.escape, .char("E"))
        #expect(d.form?.title.hasPrefix("Editar a") == true)
        screens += tour(d)
        d.press(.escape, .char("t"), .char("s"), .end, .enter)
        #expect(d.form?.title.hasPrefix("Persona nueva en lugar de") == true)
        screens += tour(d)
        d.press(.escape)

        // The nominations: a quota refused as a country's and as an agency's, a new agency refused.
        d.press(.char("q"), .char("n"), .char("a"), .enter)  // q: back to the overview
        #expect(d.form?.title.hasPrefix("Cupo nuevo en") == true)
        screens += tour(d)
        d.focusField("scope")
        d.press(.char(" "), .enter)
        screens += tour(d)
        d.press(.escape, .char("y"), .char("A"))
        #expect(d.form?.title == "Institución nueva")
        d.focusField("country")
        d.retype("narnia")
        d.press(.enter)
        screens += tour(d)
        #expect(screens.count > 60)
        SpanishCheck.expectNoEnglish(english, on: screens)
    }

    /// The same-person question's refusals and leaving it, in Spanish.
    @Test func samePersonMessagesAreSpanish() throws {
        let english = SpanishCheck.englishText(of: ["Forms", "App", "Keys"])
        let d = try AppDriver(options: AppOptions(language: .es))
        try d.store.people.savePerson(
            Person(code: "X-001", givenName: "Bilung", familyName: "Ngirmang", country: "PW", email: "bilung@example.org"))
        d.press(.enter, .char("r"), .char("a"))
        d.fillPerson(code: "T-050", given: "Bilung", family: "Ngirmang", country: "PW", email: "BILUNG@Example.org")
        d.press(.enter)
        var screens = [d.screenText]
        #expect(d.screenText.contains("BILUNG@Example.org es el correo electrónico de X-001 Bilung Ngirmang"))
        d.press(.char("n"))
        #expect(d.samePerson?.message?.hasPrefix("No se agregó: X-001 tiene el correo electrónico bilung@example.org") == true)
        screens.append(d.screenText)
        d.press(.escape)
        #expect(d.state.message?.text == "No se guardó; el formulario queda como lo dejó")
        screens.append(d.screenText)
        // Someone already on this roster: José Núñez, confirmed.
        d.press(.escape, .char("y"), .char("a"))
        d.fillPerson(code: "T-051", given: "José", family: "Núñez", country: "PW", email: "")
        d.press(.enter, .enter)
        #expect(d.samePerson?.message == "T-001 José Núñez ya está en esta lista (confirmada); Esc vuelve al formulario.")
        screens.append(d.screenText)
        SpanishCheck.expectNoEnglish(english, on: screens)
    }
}
