import CourseKit
import Foundation
import LibraryTestSupport
import Testing

/// Session times as written in course files and forms, and as shown: a time the clocks skip
/// is refused by name, and a session over several days never reads as one afternoon.
@Suite struct SessionTimeTests {
    let newYork = TimeZone(identifier: "America/New_York")!
    let rcmZone = TimeZone(identifier: "America/Costa_Rica")!

    @Test func aTimeInTheSpringForwardGapIsRefusedNamingTheGap() throws {
        // 10 March 2024: New York's clocks go from 02:00 straight to 03:00.
        #expect(throws: LocalTimeError.skipped(zone: "America/New_York", from: "02:00", to: "03:00")) {
            try LocalTime.read("2024-03-10 02:30", in: newYork)
        }
        #expect(LocalTime.parse("2024-03-10 02:30", in: newYork) == nil)
        // Either side of the gap is fine, and so is the repeated hour in November (its first pass).
        #expect(LocalTime.format(try LocalTime.read("2024-03-10 01:59", in: newYork), in: newYork) == "2024-03-10 01:59")
        #expect(LocalTime.format(try LocalTime.read("2024-03-10 03:00", in: newYork), in: newYork) == "2024-03-10 03:00")
        #expect(LocalTime.format(try LocalTime.read("2024-11-03 01:30", in: newYork), in: newYork) == "2024-11-03 01:30")
        // A gap that is not on the hour: Lord Howe moves half an hour.
        let lordHowe = TimeZone(identifier: "Australia/Lord_Howe")!
        #expect(throws: LocalTimeError.skipped(zone: "Australia/Lord_Howe", from: "02:00", to: "02:30")) {
            try LocalTime.read("2024-10-06 02:10", in: lordHowe)
        }
        #expect(throws: LocalTimeError.malformed) { try LocalTime.read("2024-02-30 09:00", in: newYork) }
        #expect(throws: LocalTimeError.malformed) { try LocalTime.read("2024-03-10 2:30", in: newYork) }
    }

    @Test func aCourseFileWithASessionInTheGapSaysWhichGap() throws {
        let text = Fixtures.miniCourseYAML
            .replacingOccurrences(of: "time_zone: Pacific/Palau", with: "time_zone: America/New_York")
            .replacingOccurrences(of: "2024-05-07 09:00", with: "2024-03-10 02:30")
            .replacingOccurrences(of: "2024-05-07 12:00", with: "2024-03-10 04:00")
        #expect(text.contains("2024-03-10 02:30"))
        #expect {
            _ = try CourseFileCodec.decode(Data(text.utf8), path: "gap.yaml")
        } throws: { error in
            guard case MusterError.invalidCourseFile("gap.yaml", let reason) = error else { return false }
            return reason.contains("start '2024-03-10 02:30' does not exist in America/New_York")
                && reason.contains("from 02:00 straight to 03:00")
        }
    }

    @Test func aSessionOverSeveralDaysShowsBothEnds() throws {
        let start = try LocalTime.read("2020-06-25 13:00", in: rcmZone)
        let end = try LocalTime.read("2020-08-21 18:00", in: rcmZone)
        #expect(DateText.spansDays(start, end, in: rcmZone))
        #expect(DateText.sessionSpan(start, end, in: rcmZone) == "25 Jun 13:00 – 21 Aug 18:00")
        #expect(DateText.sessionSpanShort(start, end, in: rcmZone) == "13:00–21 Aug")
        #expect(DateText.sessionWhen(start, end, in: rcmZone) == "2020-06-25–2020-08-21")
        #expect(DateText.sessionDays(start, end, in: rcmZone) == "Thu 25 Jun 13:00 – Fri 21 Aug 18:00")
        let newYear = try LocalTime.read("2025-12-30 09:00", in: rcmZone)
        let after = try LocalTime.read("2026-01-02 12:00", in: rcmZone)
        #expect(DateText.sessionSpan(newYear, after, in: rcmZone) == "30 Dec 2025 09:00 – 2 Jan 2026 12:00")
    }

    @Test func aSessionWithinADayKeepsItsShortForm() throws {
        let start = try LocalTime.read("2020-07-16 10:00", in: rcmZone)
        let end = try LocalTime.read("2020-07-16 12:00", in: rcmZone)
        #expect(!DateText.spansDays(start, end, in: rcmZone))
        #expect(DateText.sessionSpan(start, end, in: rcmZone) == "10:00–12:00")
        #expect(DateText.sessionSpanShort(start, end, in: rcmZone) == "10:00–12:00")
        #expect(DateText.sessionWhen(start, end, in: rcmZone) == "2020-07-16 10:00–12:00")
        #expect(DateText.sessionDays(start, end, in: rcmZone) == "Thu 16 Jul 10:00–12:00")
    }
}
