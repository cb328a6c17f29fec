import Foundation

/// What a set of records holds, in the header's terms: how many of each kind and which seqs of
/// each origin. The writer tallies what it writes and the reader what it reads, and both refuse a
/// header that says otherwise; the sync core can tally its records to make the header.
public struct BundleTally: Sendable, Equatable {
    /// Records added.
    public private(set) var count = 0
    /// Records per kind (`SyncRecord.Kind.rawValue`).
    public private(set) var counts: [String: Int] = [:]
    /// Every seq per origin, in the order added (8 bytes a record); sorted only if they came out of order.
    private var seqs: [String: [Int64]] = [:]
    private var outOfOrder: Set<String> = []

    public init() {}

    public mutating func add(_ record: SyncRecord) {
        count += 1
        counts[record.kind.rawValue, default: 0] += 1
        if let last = seqs[record.origin]?.last, record.seq <= last { outOfOrder.insert(record.origin) }
        seqs[record.origin, default: []].append(record.seq)
    }

    /// Per origin, the seqs added as sorted, disjoint `[lo, hi]` pairs, adjacent runs joined.
    public var ranges: [String: [[Int64]]] {
        var out: [String: [[Int64]]] = [:]
        for (origin, list) in seqs { out[origin] = Self.ranges(of: list, sorted: !outOfOrder.contains(origin)) }
        return out
    }

    /// Sorted, disjoint, non-adjacent `[lo, hi]` pairs covering `seqs`.
    static func ranges(of seqs: [Int64], sorted: Bool) -> [[Int64]] {
        var out: [[Int64]] = []
        for seq in sorted ? seqs : seqs.sorted() {
            if let hi = out.last?[1], seq <= hi + 1 {
                out[out.count - 1][1] = max(hi, seq)
            } else {
                out.append([seq, seq])
            }
        }
        return out
    }

    /// Why `header` does not describe these records, or nil when it does exactly.
    func mismatch(with header: SyncBundleHeader) -> String? {
        let actual = ranges
        let carried = actual.values.reduce(0) { sum, list in sum + list.reduce(0) { $0 + Int($1[1] - $1[0] + 1) } }
        if carried != count { return "two records share an origin and seq" }
        if header.ranges.filter({ !$0.value.isEmpty }) != actual { return "its header's ranges differ from its records" }
        if header.counts.filter({ $0.value != 0 }) != counts { return "its header's counts differ from its records" }
        return nil
    }
}
