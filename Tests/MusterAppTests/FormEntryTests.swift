import CourseKit
import Foundation
import MusterApp
import TerminalUI
import Testing
import TestSupport

extension AppDriver {
    /// Tabs to the form's field `id`.
    func focusField(_ id: String) {
        while let f = form, f.fields[f.focus].id != id { press(.tab) }
    }
}

/// Forms take what the screens show (an agency's acronym, a country's name or its start) and
/// do not throw typed work away on one key.
@Suite struct FormEntryTests {
    @Test func anAgencyByItsAcronymAndACountryByTheStartOfItsName() throws {
        let d = try AppDriver.rcm()
        d.press(.char("r"), .char("a"))  // add a person to the roster
        let form = try #require(d.form)
        d.focusField("code")
        d.retype("GT-009")
        d.focusField("givenName")
        d.retype("Lucía")
        d.focusField("familyName")
        d.retype("Ajú Tzoc")
        d.focusField("country")
        d.retype("guat")
        d.focusField("agency")
        d.retype("SEGEPLAN")
        #expect(form.title.isEmpty == false)
        d.press(.enter)
        #expect(d.form == nil, "\(d.form?.fields.compactMap(\.error) ?? [])")
        let person = try d.store.people.person(code: "GT-009")
        #expect(person.country == "GT")
        let segeplan = try #require(try d.store.courses.agencies().first { $0.code == "gt-segeplan" })
        #expect(person.agencyID == segeplan.id)
    }

    @Test func anAmbiguousOrUnknownNameSaysSoBesideItsField() throws {
        let d = try AppDriver.rcm()
        d.press(.char("r"), .char("a"))
        d.focusField("code")
        d.retype("GT-010")
        d.focusField("givenName")
        d.retype("Ana")
        d.focusField("country")
        d.retype("gua")  // Guadeloupe, Guam, Guatemala ("gu" alone is the code of Guam)
        d.press(.enter)
        let country = try #require(d.form?.fields.first { $0.id == "country" })
        #expect(country.error?.contains("could be") == true && country.error?.contains("Guatemala") == true)
        d.focusField("country")
        d.retype("Guatemala")
        d.focusField("agency")
        d.retype("Nowhere Agency")
        d.press(.enter)
        #expect(d.form?.fields.first { $0.id == "agency" }?.error == "no agency called 'Nowhere Agency': type its acronym, name or code")
    }

    @Test func escapeOnAChangedFormAsksBeforeThrowingItAway() throws {
        let d = try AppDriver()
        d.press(.char("e"))  // the course's form
        d.press(.tab)
        d.retype("A title typed with care")
        d.press(.escape)
        guard case .confirm = d.state.top else { Issue.record("no question before discarding"); return }
        d.press(.char("n"))  // back to the form, the text kept
        #expect(d.form?.value("title") == "A title typed with care")
        d.press(.escape, .char("y"))
        #expect(d.form == nil)
        #expect(d.state.message?.text == "Not saved")
        #expect(try d.store.courses.course(code: "mini-2024").title == "Mini Course")
    }
}
