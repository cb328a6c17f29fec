import CourseKit
import Testing

/// Issue 21, item 1: "a a a" counted as three letters but searched for one-letter prefixes.
/// A query is searchable when its longest folded fragment has three characters.
@Suite struct KioskQueryRuleTests {
    @Test(arguments: ["ana t", "jos", "Núñ", "NÚÑEZ j", "a b jose", "O'Ne", "ab'c", "  x  Åsa ", "Søren", "K-001"])
    func searchable(query: String) {
        #expect(KioskQueryRule.isSearchable(query))
    }

    @Test(arguments: ["", "   ", "a a a", "ab c", "a-b-c", "é ü ñ", "jo se", "N. V. A.", "ab'", "李 小龍"])
    func notSearchable(query: String) {
        #expect(!KioskQueryRule.isSearchable(query))
    }

    /// Diacritics fold before counting: "Ñúñ" is three letters, and a combining accent typed as
    /// its own character adds none.
    @Test func diacriticsFoldBeforeCounting() {
        #expect(KioskQueryRule.isSearchable("Ñúñ"))
        #expect(!KioskQueryRule.isSearchable("e\u{301}\u{301}"))
        #expect(KioskQueryRule.isSearchable("Jose\u{301}"))
        #expect(KioskQueryRule.folded("Jose\u{301} Nu\u{301}") == "jose nu")
    }

    @Test func blankIsNothingThatCounts() {
        #expect(KioskQueryRule.isBlank(" '- "))
        #expect(!KioskQueryRule.isBlank("a"))
    }
}
