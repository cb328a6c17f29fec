import CourseKit
import Foundation
import Testing

@Suite struct NameTests {
    @Test func precomposedAndDecomposedFoldAlike() {
        let composed = "José Núñez"
        let decomposed = "Jose\u{301} Nu\u{301}n\u{303}ez"
        #expect(composed.unicodeScalars.count != decomposed.unicodeScalars.count)
        #expect(NameFolding.fold(composed) == "jose nunez")
        #expect(NameFolding.fold(decomposed) == "jose nunez")
        #expect(NameSanitizer.clean(decomposed).unicodeScalars.elementsEqual(composed.unicodeScalars))
    }

    @Test(arguments: [
        ("李小龍", "李小龍"),
        ("Nguyễn Văn A", "nguyen van a"),
        ("O'Neil-Smith", "oneil smith"),
        ("  Jean-Baptiste   ST. ROSE ", "jean baptiste st rose"),
        ("Łukasz Øster Straße", "lukasz oster strasse"),
    ])
    func folding(input: String, expected: String) {
        #expect(NameFolding.fold(input) == expected)
    }

    @Test func sanitiserRemovesControlsEscapesAndBidi() {
        let nasty = "Ana\r\u{8}\u{8}\u{1B}[2JBob\u{202E}lleT\u{202C}\u{9B}31m\u{200B}!"
        let clean = NameSanitizer.clean(nasty)
        #expect(clean == "Ana BoblleT!")  // CR separates words like a space; BS, ESC [2J, C1 CSI, bidi and ZWSP vanish
        #expect(!clean.unicodeScalars.contains { $0.value < 0x20 || (0x80...0x9F).contains($0.value) })
    }

    @Test func sanitiserDropsOSCTitleAndKeepsFollowingText() {
        #expect(NameSanitizer.clean("\u{1B}]0;pwned\u{7}Maria") == "Maria")
        #expect(NameSanitizer.clean("\u{1B}]52;c;ZXZpbA==\u{1B}\\Luis") == "Luis")
    }

    @Test func sanitiserFoldsUnicodeSpacesAndKeepsScripts() {
        #expect(NameSanitizer.clean("María\u{00A0}José\u{3000}Pérez") == "María José Pérez")
        #expect(NameSanitizer.clean("李小龍") == "李小龍")
        #expect(NameSanitizer.clean("") == "")
    }

    @Test func tokensAreDistinct() {
        #expect(NameFolding.tokens("Ana ANA ana María") == ["ana", "maria"])
    }

    @Test func countries() {
        #expect(Countries.name(of: "pw") == "Palau")
        #expect(Countries.code(for: "guatemala") == "GT")
        #expect(Countries.name(of: "XX") == nil)
    }
}
