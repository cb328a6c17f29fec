import Foundation

/// The wide attendance layout: one row per person on the roster, one column per session (its key)
/// holding the mark's letter, then the totals and the completion verdict by the course's rule.
///
/// Letters: P present, L late, E excused, A absent, empty for no mark; `P½` or `L½` when the
/// person left before the end (the mark has a departure; `StayText.letter`). `rate_percent` has one
/// decimal; `completed` is yes or no; `missed_core` lists the core sessions the rule still wants.
public enum WideAttendanceExport {
    public static func columns(_ facts: CourseFacts) -> [String] {
        ["participant", "given_name", "family_name", "sex", "country", "agency", "role", "nomination"]
            + facts.sessions.map(\.key)
            + ["attended", "sessions", "rate_percent", "completed", "missed_core"]
    }

    public static func rows(_ facts: CourseFacts, progress: ProgressReporter = .silent) -> [[String]] {
        facts.roster.enumerated().map { i, entry in
            progress("writing", i + 1, of: facts.roster.count, "people")
            let p = entry.person
            let verdict = facts.verdict(for: entry)
            let cells = facts.sessions.map { s in
                facts.mark(p.id ?? 0, in: s).map { $0.status == .cleared ? "" : StayText.letter($0) } ?? ""
            }
            return [
                p.code, p.givenName, p.familyName, p.sex.rawValue, p.country, entry.agency?.code ?? "",
                entry.enrolment.role.rawValue, entry.enrolment.status.rawValue,
            ]
                + cells
                + [
                    String(verdict.attended), String(verdict.sessions), String(format: "%.1f", verdict.share * 100),
                    verdict.completed ? "yes" : "no", verdict.missingCore.joined(separator: " "),
                ]
        }
    }

    public static func letter(_ status: AttendanceStatus) -> String {
        switch status {
        case .present: "P"
        case .late: "L"
        case .excused: "E"
        case .absent: "A"
        case .cleared: ""
        }
    }
}
