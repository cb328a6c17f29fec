import Foundation

/// Rows that share one reason, said once.
///
/// A roster of 100,000 people whose agency column names an agency the library does not know
/// warns on 37,000 rows with three texts; listed row by row, the preview printed 37,000 lines
/// (and a second run of the same file 100,000 "matched" lines) and buried the counts that
/// matter. A reason met on more than `listedAlone` rows is said once, with its first rows'
/// numbers and how many more; the previews list every row only when asked (`--verbose`).
public struct RowProblemGroup: Sendable, Equatable {
    /// Every row with this reason, in file order.
    public var lines: [Int]
    public var said: RowReason

    /// Rows of one reason listed one by one: up to this many, each is its own line.
    public static let listedAlone = 3

    /// The problems grouped by what they say, in the order each reason first appears; each
    /// problem is in exactly one group.
    public static func grouping(_ problems: [RowProblem]) -> [RowProblemGroup] {
        var groups: [RowProblemGroup] = []
        var index: [RowReason: Int] = [:]
        for p in problems {
            if let i = index[p.said] {
                groups[i].lines.append(p.line)
            } else {
                index[p.said] = groups.count
                groups.append(RowProblemGroup(lines: [p.line], said: p.said))
            }
        }
        return groups
    }

    /// The preview's lines for `problems` in `language`: a reason on a few rows once per row
    /// ("line 9: …"), one met more often once ("lines 4, 5, 8 and 12,342 more: …").
    public static func previewLines(_ problems: [RowProblem], in language: Language) -> [String] {
        let words = Words(language)
        func say(_ key: String, _ arguments: any CVarArg...) -> String {
            words.format("preview.\(key)", table: "Import", arguments: arguments)
        }
        return grouping(problems).flatMap { group -> [String] in
            let reason = group.said.text(in: language)
            // A line number is not a count: it goes in as text, ungrouped ("line 17347").
            if group.lines.count <= listedAlone { return group.lines.map { say("line", String($0), reason) } }
            let first = group.lines.prefix(listedAlone).map(String.init).joined(separator: ", ")
            return [say("lines", first, language.number(group.lines.count - listedAlone), reason)]
        }
    }
}
