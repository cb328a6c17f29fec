import Foundation

/// Whether one person completed a course, and why not when they did not.
public struct CompletionVerdict: Hashable, Sendable {
    /// Sessions attended (present or late).
    public var attended: Int
    /// Sessions in the course: the denominator of the share.
    public var sessions: Int
    /// Sessions the rule requires attending (the share, rounded up).
    public var required: Int
    /// Keys of core sessions not attended, when the rule requires every core session.
    public var missingCore: [String]
    public var completed: Bool

    public init(attended: Int, sessions: Int, required: Int, missingCore: [String], completed: Bool) {
        self.attended = attended; self.sessions = sessions; self.required = required
        self.missingCore = missingCore; self.completed = completed
    }

    /// Attended share 0...1; 0 for a course without sessions.
    public var share: Double { sessions == 0 ? 0 : Double(attended) / Double(sessions) }
}

/// The course's completion rule applied to one person's marks (docs/DESIGN.md: a minimum share of the
/// sessions attended present or late, and every `core` session when the rule asks for it).
///
/// One function for every screen, export and report, so a certificate list can never disagree
/// with the attendance matrix.
public enum Completion {
    /// Sessions a person must attend out of `sessionCount`: the share rounded up, computed in
    /// whole permille so 0.8 × 5 is exactly 4 and not 4.000000001 (which would round up to 5).
    public static func requiredCount(_ rule: CompletionRule, sessionCount: Int) -> Int {
        let permille = Int((min(max(rule.minimumShare, 0), 1) * 1000).rounded())
        return (permille * sessionCount + 999) / 1000
    }

    /// The verdict for one person. `statuses` maps session id to the current mark's status;
    /// sessions without a mark (or with a cleared one) count as not attended.
    public static func evaluate(
        rule: CompletionRule, sessions: [Session],
        statuses: [Int64: AttendanceStatus]
    ) -> CompletionVerdict {
        let attendedIDs = Set(statuses.filter { $0.value.isAttending }.keys)
        let attended = sessions.filter { attendedIDs.contains($0.id ?? -1) }.count
        let missing =
            rule.requireCore
            ? sessions.filter { $0.core && !attendedIDs.contains($0.id ?? -1) }.map(\.key) : []
        let required = requiredCount(rule, sessionCount: sessions.count)
        return CompletionVerdict(
            attended: attended, sessions: sessions.count, required: required,
            missingCore: missing,
            completed: !sessions.isEmpty && attended >= required && missing.isEmpty)
    }

    /// The same rule from counts alone, as the roster's SQL-side totals provide them.
    public static func evaluate(
        rule: CompletionRule, sessionCount: Int, attended: Int,
        coreSessions: Int, coreAttended: Int
    ) -> Bool {
        sessionCount > 0 && attended >= requiredCount(rule, sessionCount: sessionCount)
            && (!rule.requireCore || coreAttended >= coreSessions)
    }
}
