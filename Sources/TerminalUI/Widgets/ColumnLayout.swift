/// How wide a table column wants to be.
public enum ColumnWidth: Hashable, Sendable {
    /// Exactly this many columns (a mark, a count).
    case fixed(Int)
    /// At least `min` columns, sharing what is left over with the other flexible columns in
    /// proportion to `weight` (a name).
    case flexible(min: Int, weight: Int = 1)
    /// This share (0…1) of the table's width, after spacing (a note that should not crowd
    /// the names on a wide terminal).
    case fraction(Double)

    /// The fewest columns it takes before ``ColumnLayout`` starts cutting: a fixed width, a
    /// flexible minimum, nothing for a share.
    public var minimum: Int {
        switch self {
        case .fixed(let width): max(0, width)
        case .flexible(let minimum, _): max(0, minimum)
        case .fraction: 0
        }
    }
}

/// Solves column widths for a table width.
///
/// Fixed and fractional columns get their width, flexible columns their minimum, then the
/// leftover goes to the flexible columns by weight (the first ones get the remainder). When
/// the table is too narrow, columns are cut from the right, down to zero (hidden), so the first
/// columns, the ones that identify a row, survive longest.
public enum ColumnLayout {
    public static func solve(_ specs: [ColumnWidth], totalWidth: Int, spacing: Int = 1) -> [Int] {
        guard !specs.isEmpty else { return [] }
        let gaps = min(max(0, spacing), 1_000) * (specs.count - 1)
        // Capped so sums below cannot overflow; no terminal is a million columns wide.
        let available = min(max(0, totalWidth.saturatingSubtract(gaps)), 1 << 20)
        var widths = specs.map { spec -> Int in
            switch spec {
            case .fixed(let width): return min(max(0, width), available)
            case .flexible(let minimum, _): return min(max(0, minimum), available)
            case .fraction(let share):
                guard share.isFinite else { return 0 }
                return Int((min(max(share, 0), 1) * Double(available)).rounded(.down))
            }
        }
        var leftover = available - widths.reduce(0, +)
        if leftover > 0 {
            let flexible = specs.indices.compactMap { index -> (Int, Int)? in
                if case .flexible(_, let weight) = specs[index] { return (index, min(max(1, weight), 1_000)) }
                return nil
            }
            let totalWeight = flexible.reduce(0) { $0 + $1.1 }
            if totalWeight > 0 {
                let share = leftover
                for (index, weight) in flexible {
                    let extra = share * weight / totalWeight
                    widths[index] += extra
                    leftover -= extra
                }
                for (index, _) in flexible where leftover > 0 {
                    widths[index] += 1
                    leftover -= 1
                }
            }
        }
        var excess = widths.reduce(0, +) - available
        for index in widths.indices.reversed() where excess > 0 {
            let cut = min(widths[index], excess)
            widths[index] -= cut
            excess -= cut
        }
        return widths
    }
}
