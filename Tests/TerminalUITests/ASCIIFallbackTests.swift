import Testing
import TerminalUI

@Suite("ASCII text for terminals whose locale is not UTF-8")
struct ASCIIFallbackTests {
    @Test(
        "names read in ASCII letters, never as question marks",
        arguments: [
            ("José Ñúñez", "Jose Nunez"),
            ("Ñúñez, José", "Nunez, Jose"),
            ("李小龍", "Li Xiao Long"),
            ("Nguyễn Văn A", "Nguyen Van A"),
            ("O'Neil-Smith", "O'Neil-Smith"),
            ("McDonald", "McDonald"),
            ("محمد‌رضا", "Mhmdrda"),
            ("Łukasz Øster", "Lukasz Oster"),
            ("Дмитрий Иванов", "Dmitrij Ivanov"),
            ("Bélanger-Côté, Hélène", "Belanger-Cote, Helene"),
        ])
    func names(name: String, ascii: String) {
        #expect(ASCIIFallback.text(name) == ascii)
    }

    @Test("ASCII passes through untouched, line breaks and tabs included; marks and punctuation get stand-ins")
    func punctuation() {
        #expect(ASCIIFallback.text("a\tb\nc  d") == "a\tb\nc  d")
        let dates = ASCIIFallback.text("7–9 May 2024 · “quoted” …")
        let allASCII = dates.unicodeScalars.allSatisfy(\.isASCII)
        #expect(allASCII, "\(dates)")
        #expect(!ASCIIFallback.text("✓ present ✗ absent").contains("?"))
    }
}
