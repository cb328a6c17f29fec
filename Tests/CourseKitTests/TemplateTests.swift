@testable import CourseKit
import Foundation
import Testing
import TestSupport

/// `Template.fill` gives exactly what Foundation's `String(format:locale:)` gives, for every
/// text of every catalogue in both languages, with names and numbers of every size in its
/// blanks; and it declines (nil, so Foundation formats) what it does not handle.
@Suite struct TemplateTests {
    static let numbers = [0, 7, -5, 999, 1_000, 1_234, -1_234, 12_345, 100_000, 1_234_567]
    static let names = ["José Ñúñez", "李小龍", "O'Neil-Smith", "100%", "%d %@", ""]

    /// The kind of each blank by position: "@" or "d".
    static func blanks(_ text: String) -> [Int: Character] {
        var kinds: [Int: Character] = [:]
        var next = 0
        let pattern = /%(?:(\d+)\$)?([@d%])/
        for match in text.matches(of: pattern) {
            guard match.2 != "%" else { continue }
            let position =
                match.1.flatMap { Int($0) }.map { $0 - 1 }
                ?? {
                    defer { next += 1 }; return next
                }()
            kinds[position] = match.2.first!
        }
        return kinds
    }

    @Test(.seeded) func everyCatalogueTextMatchesFoundation() {
        var random = SeededRandom()
        var checked = 0
        for language in Language.allCases {
            let words = Words(language)
            for table in WordsCatalogueTests.tables {
                for (key, text) in words.entries(table: table) {
                    let kinds = Self.blanks(text)
                    for _ in 0..<3 {
                        let arguments: [any CVarArg] = (0..<(kinds.keys.max().map { $0 + 1 } ?? 0)).map { position in
                            kinds[position] == "d"
                                ? Self.numbers.randomElement(using: &random)! as any CVarArg
                                : Self.names.randomElement(using: &random)! as any CVarArg
                        }
                        let expected = String(format: text, locale: language.numberLocale, arguments: arguments)
                        let filled = Template.fill(text, locale: language.numberLocale, arguments: arguments)
                        #expect(filled == expected, "\(language) \(table) \(key): \(text) \(random.replayText)")
                        checked += 1
                    }
                }
            }
        }
        #expect(checked > 1_000)
    }

    @Test func declinesWhatItDoesNotHandle() {
        let locale = Language.en.numberLocale
        #expect(Template.fill("%.1f", locale: locale, arguments: [1.5]) == nil)
        #expect(Template.fill("%s", locale: locale, arguments: ["x"]) == nil)
        #expect(Template.fill("%@ and %@", locale: locale, arguments: ["one"]) == nil, "a blank without its argument")
        #expect(Template.fill("%d", locale: locale, arguments: ["seven"]) == nil)
        #expect(Template.fill("ends in %", locale: locale, arguments: []) == nil)
        #expect(Template.fill("no blanks, 100%%", locale: locale, arguments: []) == "no blanks, 100%")
        #expect(Template.fill("plain", locale: locale, arguments: []) == "plain")
    }
}
