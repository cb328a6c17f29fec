@testable import CourseKit
import Foundation
import Testing

/// The importer's fast paths must agree with the slow functions they stand in for.
@Suite struct ImportFoldTests {
    static let samples = [
        "Ana", "O'Neil-Smith", "ST. ROSE", "Jean-Baptiste", "van der Berg", "A_B", "x`y", "Mc(Donald)", "1E5", "00123",
        "José", "Núñez", "Łukasz", "Straße", "李小龍", "Nguyễn", "Renée", "Ærø", "İstanbul", "ǅemal", "Ölçer",
        "Jose\u{301}", "Zoë\u{200B}", "María\u{00A0}José", "Tab\there", "=HYPERLINK(\"x\")", "@SUM(A1)", "-2+3", "😀Emoji",
        "Ana  Tellei", " lead", "trail ", "", "Ǻngström", "ﬁnn", "Ｆｕｌｌ", "Dž", "Ωmega", "Ꭰ", "عمر", "मोहन", "Пётр",
    ]

    @Test(arguments: samples)
    func foldCacheEqualsNameFolding(text: String) {
        let clean = NameSanitizer.clean(text)
        #expect(FoldCache().words(clean).joined(separator: " ") == NameFolding.fold(clean))
        #expect(FieldWords.key(text) == NameFolding.fold(text))
    }

    @Test(arguments: samples)
    func alreadyCleanMeansTheSanitiserChangesNothing(text: String) {
        if Cell.isAlreadyClean(Substring(text)) { #expect(NameSanitizer.clean(text) == text) }
        #expect(Cell.clean(text) == NameSanitizer.clean(text))
    }

    @Test func sortKeyAndNameKeyMatchTheStore() {
        let folds = FoldCache()
        let p = Person(code: "X", givenName: "Mary Ann", familyName: "O'Neil-Smith")
        #expect(folds.sortKey(p.givenName, p.familyName) == NameFolding.fold("O'Neil-Smith Mary Ann"))
        #expect(folds.nameKey("Ana", "Tellei") == folds.nameKey("Tellei", "Ana"))
        #expect(folds.nameKey("José", "Núñez") == NameKey.of("Jose\u{301}", "NU\u{301}N\u{303}EZ"))
        #expect(folds.sortKey("Solo", "") == "solo")
    }

    @Test func nameSplitting() {
        #expect(NameParts.split("Tellei, Ana") == ("Ana", "Tellei"))
        #expect(NameParts.split("Maria van der Berg") == ("Maria", "van der Berg"))
        #expect(NameParts.split("Mary Ann Olkeriil") == ("Mary Ann", "Olkeriil"))
        #expect(NameParts.split("Ngiraibai") == ("Ngiraibai", ""))
        #expect(NameParts.split("de Vries") == ("de", "Vries"))
    }

    @Test func datesAndDurations() throws {
        let palau = try #require(TimeZone(identifier: "Pacific/Palau"))
        func local(_ d: Date?) -> String? { d.map { LocalTime.format($0, in: palau) } }
        #expect(local(ImportDates.exact("2024-05-07 08:52", zone: palau)) == "2024-05-07 08:52")
        #expect(local(ImportDates.exact("2024-05-07T00:05:41+00:00", zone: palau)) == "2024-05-07 09:05")
        #expect(local(ImportDates.exact("2024-04-20 03:14:15.926535+00:00", zone: palau)) == "2024-04-20 12:14")
        #expect(ImportDates.exact("2024-05-07T09:00:00.250+09:00", zone: palau)?.timeIntervalSince1970 == 1_715_040_000.25)
        #expect(
            ImportDates.candidates("05/07/2024 09:01:23 AM", zone: palau).dates.map { local($0)! }
                == ["2024-05-07 09:01", "2024-07-05 09:01"])
        #expect(ImportDates.candidates("13/07/2024, 14:00", zone: palau).dates.map { local($0)! } == ["2024-07-13 14:00"])
        #expect(local(ImportDates.exact("2024/04/22 9:14:03 PM GMT+9", zone: .gmt)) == "2024-04-22 21:14")
        #expect(ImportDates.candidates("11/29/24 22:28", zone: palau).dates.map { local($0)! } == ["2024-11-29 22:28"])
        #expect(ImportDates.candidates("2024-02-30 10:00", zone: palau).dates.isEmpty)
        #expect(ImportDates.candidates("yesterday", zone: palau).dates.isEmpty)
        #expect(local(ImportDates.moodleSessionStart("07 May 2024 01.30PM All students", zone: palau)) == "2024-05-07 13:30")
        #expect(local(ImportDates.moodleSessionStart("07 May 2024 12.00AM", zone: palau)) == "2024-05-07 00:00")
        #expect(ImportDates.minutes("1h 13m 42s") == 73.7)
        #expect(ImportDates.minutes("45m") == 45)
        #expect(ImportDates.minutes("01:13:42") == 73.7)
        #expect(ImportDates.minutes("73") == 73)
        #expect(ImportDates.minutes("soon") == nil)
    }

    @Test func stableIDIsAVersion5UUID() {
        // RFC 9562 appendix example: the DNS namespace and "www.example.com".
        let dns = UUID(uuidString: "6ba7b810-9dad-11d1-80b4-00c04fd430c8")!
        #expect(StableID.uuid(namespace: dns, name: "www.example.com") == UUID(uuidString: "2ed6657d-e927-568b-95e1-2665a8aea6a2"))
        // In Muster's own namespace, as Python's uuid.uuid5(UUID("6f1d2c7e-3b0a-4d5e-9a41-2b8c0e7f5d13"), "a") computes it.
        #expect(StableID.uuid(name: "a") == UUID(uuidString: "1d304854-bb75-5b51-a39a-2a7a085babb0"))
        #expect(StableID.uuid(name: "a") != StableID.uuid(name: "b"))
    }
}
