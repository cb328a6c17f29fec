import Foundation

/// Everything Muster holds about one person, for a subject-access request (GDPR art. 15, 20):
/// the profile, every enrolment, every attendance event, and every logged change to their
/// records (who, device, when, source). Encodable as JSON for portability.
public struct PersonExport: Codable, Sendable, Equatable {
    public struct Profile: Codable, Sendable, Equatable {
        public var code: String
        public var givenName: String
        public var familyName: String
        public var sex: String
        public var country: String
        public var agency: String
        public var position: String
        public var email: String
        public var phone: String
    }

    public struct EnrolmentRecord: Codable, Sendable, Equatable {
        public var course: String
        public var courseTitle: String
        public var role: String
        public var nominatedBy: String
        public var status: String
        public var note: String
    }

    public struct EventRecord: Codable, Sendable, Equatable {
        public var id: String
        public var course: String
        public var session: String
        public var sessionTitle: String
        public var status: String
        public var arrival: String
        public var departure: String
        public var note: String
        public var recordedAt: String
        public var actor: String
        public var device: String
        public var source: String
        public var undoes: String
    }

    /// A logged change to the person's record or enrolments (by a coordinator, an import or
    /// the kiosk), described from their own rows only.
    public struct ChangeEntry: Codable, Sendable, Equatable {
        public var recordedAt: String
        public var actor: String
        public var device: String
        public var source: String
        /// The course code, or "record" for the person's own details.
        public var course: String
        public var what: String
    }

    /// JSON has no comment line, so the warning the CSV exports carry in their first line is a
    /// field here, named to sort first: whoever opens the file sees what it is before the names.
    public var about = PersonExport.personalDataNotice
    public var exportedAt: String
    public var profile: Profile
    public var enrolments: [EnrolmentRecord]
    public var attendance: [EventRecord]
    public var changes: [ChangeEntry]

    public static let personalDataNotice =
        "Personal data of one person (subject-access export): names, e-mail, phone. Keep it private (mode 0600)."

    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }

    /// A readable summary for a letter to the person.
    public func text() -> String {
        var lines = ["What Muster holds about \(profile.code) (exported \(exportedAt))", about, ""]
        let p = profile
        for (label, value) in [
            ("Given name", p.givenName), ("Family name", p.familyName), ("Sex", p.sex), ("Country", p.country),
            ("Agency", p.agency), ("Position", p.position), ("E-mail", p.email), ("Phone", p.phone),
        ] {
            lines.append("\(label): \(value.isEmpty ? "—" : value)")
        }
        lines += ["", "Courses (\(enrolments.count))"]
        lines += enrolments.map { "- \($0.courseTitle) (\($0.course)): \($0.role), \($0.status)\($0.note.isEmpty ? "" : " — \($0.note)")" }
        lines += ["", "Attendance records (\(attendance.count))"]
        lines += attendance.map { e in
            "- \(e.course) \(e.session) \(e.status) recorded \(e.recordedAt) by \(e.actor) (\(e.source))\(e.note.isEmpty ? "" : " — \(e.note)")"
        }
        lines += ["", "Changes to these records (\(changes.count))"]
        lines += changes.map { "- \($0.recordedAt) \($0.course): \($0.what) — by \($0.actor) (\($0.source))" }
        return lines.joined(separator: "\n") + "\n"
    }
}
