import Testing
import TerminalUI

@Suite("Table state navigation")
struct TableStateTests {
    @Test("An empty table has no selection and ignores every move")
    func empty() {
        var state = TableState(rowCount: 0)
        #expect(state.selection == nil)
        state.moveDown(height: 10)
        state.pageDown(height: 10)
        state.halfPageUp(height: 10)
        state.end(height: 10)
        state.home(height: 10)
        #expect(state.selection == nil && state.offset == 0)
        #expect(state.positionText == "0/0")
        #expect(state.visibleRange(height: 10).isEmpty)
    }

    @Test("A single row stays selected")
    func oneRow() {
        var state = TableState(rowCount: 1)
        for move in [
            { (s: inout TableState) in s.moveDown(height: 5) }, { $0.moveUp(height: 5) },
            { $0.pageDown(height: 5) }, { $0.pageUp(height: 5) }, { $0.end(height: 5) },
        ] {
            move(&state)
            #expect(state.selection == 0 && state.offset == 0)
        }
        #expect(state.positionText == "1/1")
        #expect(state.visibleRange(height: 5) == 0..<1)
    }

    @Test("Paging past the end lands on the last row with a full last page")
    func pageBeyondEnd() {
        var state = TableState(rowCount: 100)
        state.pageDown(height: 10)
        #expect(state.selection == 10 && state.offset == 10)
        for _ in 0..<20 { state.pageDown(height: 10) }
        #expect(state.selection == 99 && state.offset == 90)
        state.pageUp(height: 10)
        #expect(state.selection == 89 && state.offset == 80)
        state.halfPageUp(height: 10)
        #expect(state.selection == 84 && state.offset == 75)
        state.home(height: 10)
        #expect(state.selection == 0 && state.offset == 0)
        state.end(height: 10)
        #expect(state.selection == 99 && state.offset == 90)
        #expect(state.positionText == "100/100")
    }

    @Test("Moving scrolls only as far as needed")
    func minimalScroll() {
        var state = TableState(rowCount: 50)
        for _ in 0..<9 { state.moveDown(height: 10) }
        #expect(state.selection == 9 && state.offset == 0)
        state.moveDown(height: 10)
        #expect(state.selection == 10 && state.offset == 1)
        for _ in 0..<5 { state.moveUp(height: 10) }
        #expect(state.selection == 5 && state.offset == 1)
        state.moveUp(by: 5, height: 10)
        #expect(state.selection == 0 && state.offset == 0)
        state.moveUp(by: .max, height: 10)
        state.moveDown(by: .max, height: 10)
        #expect(state.selection == 49 && state.offset == 40)
    }

    @Test("The selection stays visible through any sequence of moves and size changes")
    func selectionAlwaysVisible() {
        var seed: UInt64 = 0x5EED
        func next(_ bound: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(bound))
        }
        var state = TableState(rowCount: 412)
        var height = 20
        for _ in 0..<5_000 {
            switch next(9) {
            case 0: state.moveDown(by: next(30), height: height)
            case 1: state.moveUp(by: next(30), height: height)
            case 2: state.pageDown(height: height)
            case 3: state.pageUp(height: height)
            case 4: state.halfPageDown(height: height)
            case 5: state.halfPageUp(height: height)
            case 6: state.setRowCount(next(500)); state.ensureVisible(height: height)
            case 7: height = 1 + next(40); state.ensureVisible(height: height)
            default: next(2) == 0 ? state.home(height: height) : state.end(height: height)
            }
            if let selection = state.selection {
                #expect(state.visibleRange(height: height).contains(selection))
                #expect(state.offset == state.visibleOffset(height: height))
                #expect(selection < state.rowCount)
            } else {
                #expect(state.rowCount == 0)
            }
        }
    }

    @Test("Render keeps the selection visible even when the state was scrolled for another height")
    func visibleOffsetForRender() {
        var state = TableState(rowCount: 100)
        state.moveDown(by: 50)  // no height: offset untouched
        #expect(state.offset == 0)
        #expect(state.visibleOffset(height: 10) == 41)
        #expect(state.visibleRange(height: 10) == 41..<51)
    }

    @Test("Shrinking the table clamps the selection")
    func shrink() {
        var state = TableState(rowCount: 100, selection: 80)
        state.setRowCount(30)
        #expect(state.selection == 29)
        state.setRowCount(0)
        #expect(state.selection == nil)
        state.setRowCount(5)
        #expect(state.selection == 0)
        #expect(state.positionText == "1/5")
    }
}

@Suite("Column widths")
struct ColumnLayoutTests {
    @Test("Flexible columns share what fixed ones leave, by weight")
    func flexible() {
        #expect(ColumnLayout.solve([.fixed(3), .flexible(min: 10), .fixed(5)], totalWidth: 80) == [3, 70, 5])
        #expect(ColumnLayout.solve([.flexible(min: 4, weight: 2), .flexible(min: 4)], totalWidth: 31) == [19, 11])
        #expect(ColumnLayout.solve([.fraction(0.5), .flexible(min: 1)], totalWidth: 41) == [20, 20])
    }

    @Test("Too narrow: columns are cut from the right, never below zero")
    func narrow() {
        #expect(ColumnLayout.solve([.fixed(10), .flexible(min: 10), .fixed(10)], totalWidth: 25) == [10, 10, 3])
        #expect(ColumnLayout.solve([.fixed(10), .fixed(10)], totalWidth: 5) == [4, 0])
        #expect(ColumnLayout.solve([.fixed(10), .fixed(10)], totalWidth: 0) == [0, 0])
        #expect(ColumnLayout.solve([], totalWidth: 80) == [])
        #expect(
            ColumnLayout.solve(
                [.fixed(.max), .flexible(min: .max, weight: .max), .fraction(.infinity), .fraction(-1)],
                totalWidth: .max, spacing: .max
            ).allSatisfy { $0 >= 0 })
    }

    @Test("The widths plus spacing always fit the total")
    func fits() {
        let specs: [ColumnWidth] = [.fixed(4), .flexible(min: 12, weight: 2), .flexible(min: 8), .fraction(0.2), .fixed(7)]
        for total in 0...120 {
            let widths = ColumnLayout.solve(specs, totalWidth: total)
            #expect(widths.reduce(0, +) + 4 <= max(total, 4))
            #expect(widths.allSatisfy { $0 >= 0 })
        }
    }
}
