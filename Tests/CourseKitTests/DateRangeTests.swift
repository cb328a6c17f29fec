import CourseKit
import Testing

/// A course's dates have one formatter (`CalendarDate.rangeText`), used by the course list,
/// reports and certificates alike; certificates spell the months out.
@Suite struct DateRangeTests {
    func date(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }

    @Test func abbreviatedAsTheCourseListAndReportsWriteThem() {
        #expect(CalendarDate.rangeText(date("2024-05-07"), date("2024-05-07")) == "7 May 2024")
        #expect(CalendarDate.rangeText(date("2024-05-07"), date("2024-05-09")) == "7–9 May 2024")
        #expect(CalendarDate.rangeText(date("2020-06-25"), date("2020-08-21")) == "25 Jun – 21 Aug 2020")
        #expect(CalendarDate.rangeText(date("2023-12-28"), date("2024-01-03")) == "28 Dec 2023 – 3 Jan 2024")
    }

    @Test func spelledOutOnCertificates() {
        #expect(CalendarDate.rangeText(date("2024-05-07"), date("2024-05-09"), full: true) == "7–9 May 2024")
        #expect(CalendarDate.rangeText(date("2020-06-25"), date("2020-08-21"), full: true) == "25 June – 21 August 2020")
        #expect(CalendarDate.rangeText(date("2023-12-28"), date("2024-01-03"), full: true) == "28 December 2023 – 3 January 2024")
        #expect(CalendarDate.rangeText(date("2024-09-30"), date("2024-09-30"), full: true) == "30 September 2024")
    }
}
