import CourseKit
import Foundation
import MusterApp
import TerminalUI
import Testing
import TestSupport

/// Forms take what the screens show (an agency's acronym, a country's name or its start) and
/// do not throw typed work away on one key.
@Suite struct FormEntryTests {
    @Test func anAgencyByItsAcronymAndACountryByTheStartOfItsName() throws {
        let d = try AppDriver.rcm()
        d.press(.char("r"), .char("a"))  // add a person to the roster
        let form = try #require(d.form)
        func focus(_ id: String) {
            while d.form?.fields[d.form!.focus].id != id { d.press(.tab) }
        }
        focus("code")
        d.retype("GT-009")
        focus("givenName")
        d.retype("Lucía")
        focus("familyName")
        d.retype("Ajú Tzoc")
        focus("country")
        d.retype("guat")
        focus("agency")
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
        func focus(_ id: String) {
            while d.form?.fields[d.form!.focus].id != id { d.press(.tab) }
        }
        focus("code")
        d.retype("GT-010")
        focus("givenName")
        d.retype("Ana")
        focus("country")
        d.retype("gua")  // Guadeloupe, Guam, Guatemala ("gu" alone is the code of Guam)
        d.press(.enter)
        let country = try #require(d.form?.fields.first { $0.id == "country" })
        #expect(country.error?.contains("could be") == true && country.error?.contains("Guatemala") == true)
        focus("country")
        d.retype("Guatemala")
        focus("agency")
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
