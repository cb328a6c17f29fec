import CourseKit
import Foundation
import Testing

/// The catalogues hold each other to the same keys and the same blanks, and the language is
/// chosen as documented: `--lang`, `MUSTER_LANG`, the course's, the locale.
@Suite struct WordsCatalogueTests {
    static let tables = [
        "Kiosk", "Commands", "Errors", "Terms", "Import", "Sync", "Progress", "Report", "Certificate", "SignIn", "Keys", "RollCall", "App",
        "Nominations", "Roster", "CourseList", "Sessions", "Overview", "Person", "Search", "Changes", "SheetEntry", "Forms",
    ]

    /// Every key of every table in every language, and in each its `%@`/`%d` blanks alike: a
    /// key in one language only, or a blank lost in translation, fails here.
    @Test(arguments: tables) func everyLanguageHasEveryKeyWithTheSameBlanks(table: String) {
        let catalogues = Language.allCases.map { ($0, Words($0).entries(table: table)) }
        let english = catalogues[0].1
        #expect(!english.isEmpty, "no \(table) table in English")
        for (language, entries) in catalogues.dropFirst() {
            #expect(Set(entries.keys).subtracting(english.keys).sorted() == [], "\(language): keys English lacks")
            #expect(Set(english.keys).subtracting(entries.keys).sorted() == [], "\(language): keys it lacks")
            for (key, text) in entries {
                #expect(Self.blanks(text) == Self.blanks(english[key] ?? ""), "\(language) \(key): \(text)")
                #expect(text != english[key] || Self.sameEverywhere.contains(key), "\(language) \(key) is still English")
            }
        }
    }

    /// Keys whose text is the same in every language (a key name and a blank).
    static let sameEverywhere: Set<String> = [
        "kiosk.language.key", "kiosk.field.label", "sessions.column.id",
        // Spanish writes these as English does.
        "report.total", "report.no", "report.who", "report.kind.academia",
        // The roll call's "name: mark" and "mark, when", and the marks P and A (presente, ausente).
        "said.mark", "describe.left", "mark.present", "mark.absent",
        // A dialog's "No" button and footer word.
        "dialog.no", "footer.no",
        // "OK" for a full quota in ASCII.
        "check.ascii",
        // The roster's "S" (sexo) and "TOTAL" columns, and "confirmed → MX-006" (an arrow and a blank).
        "column.sex.short", "column.total", "status.substitutedBy", "status.substitutedBy.short",
        // A change of status ("GT-004 …: nominada → confirmada") and an entry logged before words were kept.
        "statusChanged", "logged",
        // A form's "no" and the agency kind "academia".
        "option.answer.no", "option.agencyKind.academia",
        // A trail's joints: "a; b", "records merged: …", "e-mail a → b", "present (note)".
        "trail.and", "trail.merge", "trail.fieldValue", "trail.markNote",
        // An exchange's "peer: what it did" and "counts: conflicts".
        "exchange.line", "exchange.withConflicts",
        // The serving log's "line as the transport said it" and "device (address): what happened".
        "serveLog.said", "serveLog.peer",
    ]

    /// The blanks of a format, in their order ("%1$@", "%d" → ["1@", "d"]).
    static func blanks(_ text: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: "%(\\d\\$)?([@d])")
        let range = NSRange(text.startIndex..., in: text)
        return pattern.matches(in: text, range: range).map { m in
            (Range(m.range(at: 2), in: text).map { String(text[$0]) } ?? "")
        }.sorted()
    }

    @Test func aLookupFindsTheLanguagesOwnWords() {
        #expect(Words(.en).text("kiosk.confirm", table: "Kiosk") == "Is this you?")
        #expect(Words(.es).text("kiosk.confirm", table: "Kiosk") == "¿Es usted?")
        #expect(Words(.es).format("kiosk.success", table: "Kiosk", "Ana", "09:05") == "Ana, su asistencia quedó registrada a las 09:05.")
        #expect(Words(.es).text("no.such.key", table: "Kiosk") == "no.such.key")
    }

    @Test func theLanguageIsTheFlagThenMusterLangThenTheCourseThenTheLocale() throws {
        #expect(try Language.choose(flag: "es", environment: ["MUSTER_LANG": "en"]) == .es)
        #expect(try Language.choose(flag: nil, course: .es, environment: ["MUSTER_LANG": "en", "LANG": "es_MX.UTF-8"]) == .en)
        #expect(try Language.choose(flag: nil, course: .es, environment: ["LANG": "en_US.UTF-8"]) == .es)
        #expect(try Language.choose(flag: nil, environment: ["LC_ALL": "es_CR.UTF-8", "LANG": "en_US.UTF-8"]) == .es)
        #expect(try Language.choose(flag: nil, environment: ["LC_MESSAGES": "es_GT", "LANG": "en_US.UTF-8"]) == .es)
        #expect(try Language.choose(flag: nil, environment: ["LANG": "C.UTF-8"]) == .en)
        #expect(try Language.choose(flag: nil, environment: ["LANG": "fr_FR.UTF-8"]) == .en)
        #expect(try Language.choose(flag: nil, environment: [:]) == .en)
        #expect(throws: MusterError.self) { try Language.choose(flag: "fr", environment: [:]) }
        #expect(throws: MusterError.self) { try Language.choose(flag: nil, environment: ["MUSTER_LANG": "klingon"]) }
    }

    @Test func monthsAreTheLanguagesOwn() {
        #expect(Language.en.monthAbbreviation(8) == "Aug")
        #expect(Language.es.monthAbbreviation(8) == "ago")
        let zone = TimeZone(identifier: "America/Costa_Rica")!
        let start = Date(timeIntervalSince1970: 1_593_111_600), end = Date(timeIntervalSince1970: 1_598_050_800)
        #expect(DateText.sessionSpan(start, end, in: zone, .es).contains("jun"))
    }
}
