import ReportText
import Testing

@Suite("Text tables that fit a terminal")
struct TextTableTests {
    static let header = ["CODE", "TITLE", "DATES"]
    static let rows = [
        ["palau-mmc-2024", "Migration Management Course, Palau", "7–9 May 2024"],
        ["rcm-2020", "RCM Training Programme on Migration Policies", "25 Jun – 21 Aug 2020"],
    ]

    @Test("without a limit every cell is whole")
    func whole() {
        let text = TextTable.render(header: Self.header, rows: Self.rows)
        #expect(text.contains("RCM Training Programme on Migration Policies  25 Jun – 21 Aug 2020"))
    }

    @Test("a limit cuts only the shrinkable column, with an ellipsis, and every line fits", arguments: [46, 50, 60, 80])
    func fits(width: Int) {
        let text = TextTable.render(header: Self.header, rows: Self.rows, maxWidth: width, shrinkable: [1])
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.allSatisfy { $0.count <= width }, "\(lines)")
        #expect(lines[1].hasPrefix("palau-mmc-2024  ") && lines[2].hasSuffix("25 Jun – 21 Aug 2020"))
        #expect(lines[2].contains("…"))
    }

    @Test("a column is never cut below its header or 8 columns, even if the line then overflows")
    func floor() {
        let text = TextTable.render(header: Self.header, rows: Self.rows, maxWidth: 10, shrinkable: [1])
        let second = text.split(separator: "\n")[1]
        #expect(second.contains("Migrati…"))
    }
}
