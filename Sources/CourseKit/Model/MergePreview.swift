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
        /// The person column it fills ("email", "agency_id"): how the field is named in any language.
        public var column: String = ""
    }

    /// The preview as lines of English text.
    public var lines: [String] { lines(in: .en) }

    /// The preview as lines of text in `language`, the same on the command line and the confirm
    /// screen; statuses and marks are the language's terms, codes and names as the library has them.
    public func lines(in language: Language) -> [String] {
        let words = Words(language)
        func say(_ key: String, _ arguments: any CVarArg...) -> String {
            words.format("merge.preview.\(key)", table: "Person", arguments: arguments)
        }
        func status(_ s: NominationStatus) -> String { words.text("nomination.\(s.rawValue)", table: "Terms") }
        func mark(_ m: AttendanceStatus) -> String { words.text("mark.\(m.rawValue)", table: "Terms") }
        let k = "\(keep.code) \(keep.displayName)", o = "\(other.code) \(other.displayName)"
        var out = [say("head", o, k, other.code), say("enrolments", enrolments.count)]
        if enrolments.isEmpty { out.append("  " + say("none")) }
        for e in enrolments {
            guard let keepStatus = e.keepStatus else {
                out.append(
                    "  "
                        + (e.result == e.otherStatus
                            ? say("moves", e.course, keep.code, status(e.otherStatus))
                            : say("movesReviewed", e.course, keep.code, status(e.otherStatus), status(e.result))))
                continue
            }
            let which = e.result == keepStatus ? keep.code : other.code
            out.append(
                "  "
                    + say(
                        "both", e.course, keep.code, status(keepStatus), other.code, status(e.otherStatus), which, status(e.result)))
        }
        out.append(say("marks", marks.count))
        if marks.isEmpty { out.append("  " + say("none")) }
        for m in marks {
            guard let keepMark = m.keepMark else {
                out.append("  " + say("markCopied", m.course, m.session, other.code, mark(m.otherMark), keep.code))
                continue
            }
            let result = m.result.map(mark) ?? say("noMark")
            out.append(
                "  "
                    + say(
                        m.copied ? "markTheirs" : "markOurs", m.course, m.session, other.code, mark(m.otherMark), keep.code,
                        mark(keepMark), result))
        }
        let details = fills.map { field in
            let named = field.column.isEmpty ? field.name : words.text("field.\(field.column)", table: "Changes")
            return "\(named) \(field.value)"
        }
        out.append(
            fills.isEmpty
                ? say("details.same", keep.code) : say("details.fills", keep.code, other.code, details.joined(separator: ", ")))
        out.append(
            say(
                "history", other.code, say(otherChanges == 1 ? "changes.one" : "changes", otherChanges),
                say(otherEvents == 1 ? "events.one" : "events", otherEvents)))
        return out
    }
}
