import CourseKit
import Testing

/// Countries as people type them: a code, Muster's English name, or the name in another
/// language Muster speaks (an RCM roster or form in Spanish), accents and case aside.
@Suite struct CountryNamesTests {
    @Test(arguments: [
        ("GT", "GT"), ("guatemala", "GT"), ("Belice", "BZ"), ("belice", "BZ"), ("República Dominicana", "DO"),
        ("republica dominicana", "DO"), ("Estados Unidos", "US"), ("México", "MX"), ("Panamá", "PA"), ("Palaos", "PW"),
        ("Dominican Republic", "DO"), ("Belize", "BZ"),
    ])
    func aNameInEitherLanguageIsItsCode(typed: String, code: String) {
        #expect(Countries.code(for: typed) == code)
    }

    @Test func theStartOfANameFindsOneCountryOnceOrAsksWhichOne() {
        #expect(Countries.match("guat") == .found("GT"))  // "Guatemala" in both languages: one country
        #expect(Countries.match("beli", in: .es) == .found("BZ"))
        #expect(Countries.match("estados u", in: .es) == .found("US"))
        #expect(Countries.match("estados u") == .none, "an English form starts only English names")
        #expect(Countries.match("Estados Unidos") == .found("US"), "a whole name in any language")
        guard case .ambiguous(let codes) = Countries.match("gui", in: .es) else {
            Issue.record("'gui' should be ambiguous")
            return
        }
        #expect(codes == Array(Set(codes)).sorted() && codes.contains("GN") && codes.contains("GW"))
        #expect(Countries.match("narnia") == .none)
    }

    @Test func namesAreSaidInTheLanguage() {
        #expect(Countries.name(of: "BZ") == "Belize")
        #expect(Countries.name(of: "BZ", in: .es) == "Belice")
        #expect(Countries.name(of: "ZZ", in: .es) == nil)
    }
}
