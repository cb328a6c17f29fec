import Foundation

/// What merging one person into another would do, worked out without writing: shown before a
/// merge (`muster person merge --dry-run`, the confirm screen of `M`) and, after it, as the receipt.
public struct MergePreview: Sendable, Equatable {
    /// One of the merged-away person's enrolments and what becomes of it.
    public struct EnrolmentMove: Sendable, Equatable {
        public var course: String
        public var courseTitle: String
        public var otherStatus: NominationStatus
        /// The kept person's status on that course before the merge, nil when not on it.
        public var keepStatus: NominationStatus?
        /// The kept person's status on that course after the merge.
        public var result: NominationStatus
    }

    /// A session where the merged-away person has a mark, and which mark the kept person ends with.
    public struct MarkMove: Sendable, Equatable {
        public var course: String
        public var session: String
        public var otherMark: AttendanceStatus
        public var keepMark: AttendanceStatus?
        /// The kept person's mark after the merge: `MarkRule` applied to both logs together.
        public var result: AttendanceStatus?
        /// Whether events are recorded again for the kept person (false: their own mark stands).
        public var copied: Bool
    }

    public var keep: Person
    public var other: Person
    public var enrolments: [EnrolmentMove]
    public var marks: [MarkMove]
    /// Contact fields the kept person lacks and takes from the other: (field, value).
    public var fills: [Field]
    /// The other person's logged changes and attendance events, which stay on their own record.
    public var otherChanges: Int
    public var otherEvents: Int

    public struct Field: Sendable, Equatable {
        public var name: String
        public var value: String
    }

    /// The preview as lines of text, the same on the command line and the confirm screen.
    public var lines: [String] {
        let k = "\(keep.code) \(keep.displayName)", o = "\(other.code) \(other.displayName)"
        var out = ["Merge \(o) into \(k): \(other.code)'s record stays, marked as merged, and leaves rosters, search and reports."]
        out.append("Enrolments (\(enrolments.count)):")
        if enrolments.isEmpty { out.append("  none") }
        for e in enrolments {
            guard let keepStatus = e.keepStatus else {
                let becomes = e.result == e.otherStatus ? "" : " (now \(e.result.rawValue): the merge reviews the walk-in)"
                out.append("  \(e.course): moves to \(keep.code) as \(e.otherStatus.rawValue)\(becomes)")
                continue
            }
            let which = e.result == keepStatus ? "\(keep.code)'s" : "\(other.code)'s"
            out.append(
                "  \(e.course): both enrolled (\(keep.code) \(keepStatus.rawValue), \(other.code) \(e.otherStatus.rawValue)); "
                    + "keeps the stronger, \(which) \(e.result.rawValue)")
        }
        out.append("Marks (\(marks.count)):")
        if marks.isEmpty { out.append("  none") }
        for m in marks {
            let theirs = "\(other.code) \(m.otherMark.rawValue)"
            guard let keepMark = m.keepMark else {
                out.append("  \(m.course) \(m.session): \(theirs), recorded again for \(keep.code)")
                continue
            }
            let result = m.result?.rawValue ?? "no mark"
            out.append(
                "  \(m.course) \(m.session): \(theirs), \(keep.code) \(keepMark.rawValue); by the attendance rule "
                    + (m.copied ? "\(other.code)'s decides: \(result)" : "\(keep.code)'s stands: \(result)"))
        }
        out.append(
            fills.isEmpty
                ? "Details: \(keep.code)'s stay as they are"
                : "Details \(keep.code) lacks, taken from \(other.code): " + fills.map { "\($0.name) \($0.value)" }.joined(separator: ", "))
        out.append(
            "History: \(other.code)'s \(otherChanges) logged change\(otherChanges == 1 ? "" : "s") and \(otherEvents) attendance "
                + "event\(otherEvents == 1 ? "" : "s") stay on their record; nothing is deleted (unmerge restores both)")
        return out
    }
}
