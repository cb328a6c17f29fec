import Foundation

/// The lines under a course report's title: dates, place, people behind the course, the
/// completion rule and the staff, who are named here and not counted in the tables.
extension CourseReport {
    static func summary(_ facts: CourseFacts, _ w: ReportWords) -> [String] {
        let c = facts.course
        var lines = [
            [w.range(c.startDate, c.endDate), c.venue, w.label("modality", c.modality.rawValue), w.count("sessions", facts.sessions.count)]
                .filter { !$0.isEmpty }.joined(separator: " · ")
        ]
        if !c.programme.isEmpty { lines.append(w.format("programme", c.programme)) }
        let who = [("organiser", c.organiser), ("funder", c.funder), ("project", c.project)].filter { !$0.1.isEmpty }
        if !who.isEmpty { lines.append(who.map { w.format("who", w($0.0), $0.1) }.joined(separator: " · ")) }
        lines.append(w.format("rule.line", ruleText(facts, w)))
        let staff = facts.roster.filter { !CertificateEligibility.isTrainee($0.enrolment.role) }
        if !staff.isEmpty {
            let byRole = Dictionary(grouping: staff, by: \.enrolment.role)
            let counts = Role.allCases.compactMap { role in byRole[role].map { w.count("staff.\(role.rawValue)", $0.count) } }
            lines.append(w.format("staff", counts.joined(separator: ", ")))
        }
        return lines
    }

    /// "80% of sessions present or late (4 of 5) and every core session (d1-am)".
    static func ruleText(_ facts: CourseFacts, _ w: ReportWords) -> String {
        let rule = facts.course.completion
        let share = Percent.text(Int((rule.minimumShare * 100).rounded()), of: 100, w.language)
        let text = w.format("rule", share, Completion.requiredCount(rule, sessionCount: facts.sessions.count), facts.sessions.count)
        let core = facts.sessions.filter(\.core).map(\.key)
        guard rule.requireCore && !core.isEmpty else { return text }
        return w.format("rule.core", text, core.joined(separator: ", "))
    }
}
