import Testing
import TerminalUI

@Suite("Geometry and snapshot text")
struct GeometryTests {
    @Test("Rect helpers clip and centre without trapping")
    func rects() {
        let screen = Rect(x: 0, y: 0, width: 80, height: 24)
        #expect(screen.intersection(Rect(x: 70, y: 20, width: 20, height: 20)) == Rect(x: 70, y: 20, width: 10, height: 4))
        #expect(screen.intersection(Rect(x: 90, y: 0, width: 5, height: 5)).isEmpty)
        #expect(screen.centered(Size(width: 20, height: 4)) == Rect(x: 30, y: 10, width: 20, height: 4))
        #expect(screen.centered(Size(width: 200, height: 40)) == screen)
        #expect(screen.top(1) == Rect(x: 0, y: 0, width: 80, height: 1))
        #expect(screen.bottom(1) == Rect(x: 0, y: 23, width: 80, height: 1))
        #expect(screen.droppingTop(1).droppingBottom(1) == Rect(x: 0, y: 1, width: 80, height: 22))
        #expect(Rect(x: Int.max, y: Int.max, width: Int.max, height: 1).maxX == Int.max)
        #expect(screen.inset(Int.max).isEmpty)
        #expect(screen.intersection(Rect(x: Int.min, y: Int.min, width: Int.max, height: Int.max)).isEmpty)
        #expect(Size(width: 80, height: 24).fits(Size(width: 60, height: 16)))
        #expect(!Size(width: 59, height: 24).fits(Size(width: 60, height: 16)))
    }

    @Test("Every role has its own snapshot letter")
    func legend() {
        let letters = StyleRole.allCases.compactMap { SnapshotText.legend[$0] }
        #expect(letters.count == StyleRole.allCases.count)
        #expect(Set(letters).count == letters.count)
    }

    @Test("Snapshot text frames rows and reports the cursor")
    func snapshotFormat() {
        var buffer = ScreenBuffer(size: Size(width: 4, height: 1))
        buffer.put("李", at: Point(x: 1, y: 0), role: .present)
        buffer.cursor = Point(x: 3, y: 0)
        #expect(SnapshotText.render(buffer) == "size 4×1, cursor 3,0\ntext:\n| 李 |\nroles:\n|.PP.|\n")
        #expect(SnapshotText.render(buffer, roles: false) == "size 4×1, cursor 3,0\ntext:\n| 李 |\n")
    }
}
