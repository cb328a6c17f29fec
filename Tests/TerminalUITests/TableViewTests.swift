import Testing
import TestSupport
import TerminalUI

/// Counts provider calls; a class so the row closure can record into it.
private final class CallLog {
    var indices: [Int] = []
}

@Suite("Table view")
struct TableViewTests {
    static let columns = [
        TableColumn("Mark", width: .fixed(4)),
        TableColumn("Name", width: .flexible(min: 10)),
        TableColumn("Agency", width: .flexible(min: 6)),
        TableColumn("Days", width: .fixed(4), alignment: .right),
    ]

    static let people: [(String, String, String, StyleRole?)] = [
        ("P ✓", Names.josePrecomposed, "Ministry of Labour", .present),
        ("A ✗", Names.bruceLee, "IOM", .absent),
        ("L", Names.nguyenDecomposed, "Department of Immigration", .late),
        ("", Names.oneil, "Pacific Islands Forum Secretariat", nil),
        ("E", "Tellei Ngirachitei-Ulengchong Rechelluul", "Palau MoJ", .excused),
        ("", "Ana\u{202E}Lima\r", "NGO\u{1B}[2J", nil),
    ]

    @Test("Only visible rows are requested, even from 100,000")
    func virtualisation() {
        let log = CallLog()
        var state = TableState(rowCount: 100_000)
        let rect = Rect(x: 0, y: 1, width: 80, height: 22)
        var buffer = ScreenBuffer(size: Size(width: 80, height: 24))
        func render() {
            TableView(columns: Self.columns, state: state) { index in
                log.indices.append(index)
                return ["", "Person \(index)", "Agency", "\(index % 5)"]
            }.render(into: &buffer, rect: rect, theme: .color)
        }
        render()
        #expect(log.indices == Array(0..<21))
        log.indices = []
        state.end(height: 21)
        render()
        #expect(log.indices == Array(99_979..<100_000))
        #expect(buffer.text(row: 22).hasPrefix("     Person 99999"))
        #expect(state.positionText == "100000/100000")
    }

    @Test("Header, selection bar, cell roles, right-aligned numbers and … by display width")
    func rendering() {
        var state = TableState(rowCount: Self.people.count)
        state.moveDown(height: 5)
        let table = TableView(columns: Self.columns, state: state) { index in
            let p = Self.people[index]
            return TableRow([p.0, p.1, p.2, "\(index * 7)"], cellRoles: [p.3])
        }
        var buffer = ScreenBuffer(size: Size(width: 48, height: 8))
        table.render(into: &buffer, rect: Rect(x: 0, y: 0, width: 48, height: 8), theme: .color)
        #expect(buffer.isWellFormed)
        assertSnapshot(SnapshotText.render(buffer), named: "table-48x8")

        var narrow = ScreenBuffer(size: Size(width: 20, height: 4))
        table.render(into: &narrow, rect: Rect(x: 0, y: 0, width: 20, height: 4), theme: Theme.monochrome.asciiVariant())
        assertSnapshot(SnapshotText.render(narrow), named: "table-20x4-ascii")
    }

    @Test("An empty table says what to do next")
    func empty() {
        var buffer = ScreenBuffer(size: Size(width: 40, height: 3))
        TableView(columns: Self.columns, state: TableState(), emptyMessage: "No sessions yet — press a to add one") { _ in
            Issue.record("no rows to ask for")
            return []
        }.render(into: &buffer, rect: Rect(x: 0, y: 0, width: 40, height: 3), theme: .color)
        #expect(buffer.text(row: 1) == "No sessions yet — press a to add one    ")
        #expect(buffer[0, 1].role == .dim)
    }

    @Test("Clicks map to rows below the header")
    func mouse() {
        var state = TableState(rowCount: 100)
        state.moveDown(by: 50, height: 10)
        let table = TableView(columns: Self.columns, state: state) { _ in [] }
        let rect = Rect(x: 0, y: 2, width: 40, height: 11)
        #expect(table.bodyHeight(for: rect) == 10)
        #expect(table.rowIndex(at: Point(x: 3, y: 2), in: rect) == nil)
        #expect(table.rowIndex(at: Point(x: 3, y: 3), in: rect) == 41)
        #expect(table.rowIndex(at: Point(x: 3, y: 12), in: rect) == 50)
        #expect(table.rowIndex(at: Point(x: 3, y: 13), in: rect) == nil)
    }

    @Test("A list is a one-column table")
    func list() {
        var state = TableState(rowCount: 3)
        state.moveDown()
        var buffer = ScreenBuffer(size: Size(width: 8, height: 2))
        ListView(state: state, item: { ["Alpha", Names.bruceLee, "Gamma"][$0] })
            .render(into: &buffer, rect: Rect(x: 0, y: 0, width: 8, height: 2), theme: .color)
        #expect(buffer.lines == ["Alpha   ", "李小龍  "])
        #expect(SnapshotText.roleLines(buffer) == ["........", "SSSSSSSS"])
    }
}
