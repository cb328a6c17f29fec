import CourseKit
import Testing
import TestSupport

/// A reason met on many rows is said once; a few rows keep a line each; nothing is dropped.
@Suite struct RowProblemGroupTests {
    let unknownIGM = RowReason("agency.unknown", .text("IGM"))
    let unknownDGME = RowReason("agency.unknown", .text("DGME"))
    let noName = RowReason("noName")

    @Test func aReasonOnManyRowsIsOneLineWithItsFirstRowsAndTheCountOfTheRest() {
        var problems = (0..<12_345).map { RowProblem(line: 2 + 2 * $0, unknownIGM) }
        problems.insert(RowProblem(line: 3, unknownDGME), at: 1)
        problems.append(RowProblem(line: 99_999, noName))
        let lines = RowProblemGroup.previewLines(problems, in: .en)
        #expect(
            lines == [
                "lines 2, 4, 6 and 12,342 more: agency 'IGM' is not in the library; noted on the enrolment",
                "line 3: agency 'DGME' is not in the library; noted on the enrolment",
                "line 99999: no name",
            ])
        let spanish = RowProblemGroup.previewLines(problems, in: .es)
        #expect(spanish.first?.hasPrefix("líneas 2, 4, 6 y 12.342 más: ") == true, "\(spanish)")
    }

    @Test func upToThreeRowsOfOneReasonKeepALineEach() {
        let problems = [4, 9, 17].map { RowProblem(line: $0, noName) }
        #expect(RowProblemGroup.previewLines(problems, in: .en) == ["line 4: no name", "line 9: no name", "line 17: no name"])
        let four = problems + [RowProblem(line: 20, noName)]
        #expect(RowProblemGroup.previewLines(four, in: .en) == ["lines 4, 9, 17 and 1 more: no name"])
    }

    /// Seeded: every problem lands in exactly one group, in file order, each group one reason.
    @Test(.seeded) func groupingKeepsEveryRowOnce() {
        var rng = SeededRandom()
        let reasons = [unknownIGM, unknownDGME, noName, RowReason("email.invalid", .text("x@"))]
        for _ in 0..<50 {
            let problems = (0..<Int.random(in: 0..<300, using: &rng)).map {
                RowProblem(line: $0 + 2, reasons[Int.random(in: 0..<reasons.count, using: &rng)])
            }
            let groups = RowProblemGroup.grouping(problems)
            #expect(groups.flatMap(\.lines).sorted() == problems.map(\.line))
            #expect(Set(groups.map(\.said)).count == groups.count)
            for g in groups {
                #expect(g.lines == problems.filter { $0.said == g.said }.map(\.line), rng.replay)
            }
        }
    }
}
