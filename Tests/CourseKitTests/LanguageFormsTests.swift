import CourseKit
import Foundation
import Testing

/// Dates and numbers in each language's own words and separators.
@Suite struct LanguageFormsTests {
    @Test func datesAreWrittenAsEachLanguageWritesThem() throws {
        let day = try #require(CalendarDate(iso: "2024-05-09"))
        #expect(Language.en.dayAndMonth(day) == "Thursday 9 May")
        #expect(Language.es.dayAndMonth(day) == "jueves 9 de mayo")
        #expect(Language.es.longDate(day) == "jueves 9 de mayo de 2024")
        #expect(Language.en.longDate(day) == "Thursday 9 May 2024")
        #expect(Language.en.shortDay(day) == "Thu 9 May")
        #expect(Language.es.shortDay(day) == "jue 9 may")
        let start = try #require(CalendarDate(iso: "2024-05-07")), end = try #require(CalendarDate(iso: "2024-06-02"))
        #expect(CalendarDate.rangeText(start, day, .es) == "7–9 may 2024")
        #expect(CalendarDate.rangeText(start, day, full: true, .es) == "7–9 de mayo de 2024")
        #expect(CalendarDate.rangeText(start, end, full: true, .es) == "7 de mayo – 2 de junio de 2024")
        #expect(CalendarDate.rangeText(start, day) == "7–9 May 2024")
    }

    /// The weekday agrees with Foundation's calendar on every day of 1999–2031 (leap years,
    /// centuries and January and February, where Zeller's rule shifts the year, included).
    @Test func theWeekdayAgreesWithTheCalendar() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        var date = try #require(calendar.date(from: DateComponents(year: 1999, month: 1, day: 1)))
        let end = try #require(calendar.date(from: DateComponents(year: 2032, month: 1, day: 1)))
        var checked = 0
        while date < end {
            let c = calendar.dateComponents([.year, .month, .day, .weekday], from: date)
            let day = CalendarDate(year: c.year!, month: c.month!, day: c.day!)
            #expect(day.weekday == c.weekday!, "\(day)")
            date = calendar.date(byAdding: .day, value: 1, to: date)!
            checked += 1
        }
        #expect(checked == 12_053)
    }

    @Test func numbersTakeTheLanguagesSeparators() {
        #expect(Language.en.percent(5, of: 6) == "83%")
        #expect(Language.en.percent(5, of: 6, digits: 1) == "83.3%")
        #expect(Language.es.percent(5, of: 6, digits: 1) == "83,3 %")
        #expect(Language.es.percent(5, of: 6) == "83 %")
        #expect(Language.es.percent(1, of: 1, digits: 1) == "100 %")
        #expect(Language.es.percent(1, of: 0) == "–")
        #expect(Language.en.number(12_345) == "12,345")
        #expect(Language.es.number(12_345) == "12.345")
    }
}
