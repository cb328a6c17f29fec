import Foundation

/// The on-disk shape of one course: what a coordinator reads and edits in `courses/*.yaml`.
///
/// It is a separate type from the model because the file refers to agencies and people by their
/// codes, writes times in the course's own time zone, and folds each enrolment into its person.
/// Keys are written in the order declared here, so export is stable and round-trips byte for byte.
public struct CourseFile: Codable, Sendable, Equatable {
    public var code: String
    public var title: String
    /// A few words for headers and breadcrumbs ("Palau MMC 2024"); the title when absent.
    public var shortTitle: String?
    public var programme: String?
    public var organiser: String?
    public var funder: String?
    public var project: String?
    public var venue: String?
    public var country: String?
    public var timeZone: String
    public var modality: Modality
    public var startDate: CalendarDate
    public var endDate: CalendarDate
    public var completion: Completion?
    public var lateAfterMinutes: Int?
    /// How long the people's data is kept after `end_date`: "5 years", "18 months", "90 days"
    /// (see `RetentionPeriod`). Absent: no retention rule, nothing expires on its own.
    public var retention: String?
    /// How many minutes before a session's start the kiosk opens its check-in (default 30);
    /// it stays open until the session ends. See `CheckInWindow`.
    public var checkInOpensMinutes: Int?
    /// The course's own language, `en` or `es`: its kiosk, reports, certificates and sign-in
    /// sheets speak it unless `--lang` or `MUSTER_LANG` say otherwise.
    public var language: String?
    public var summary: String?
    public var sources: [String]?
    public var assumptions: [String]?
    public var sessions: [SessionEntry]
    public var agencies: [AgencyEntry]?
    public var quotas: [QuotaEntry]?
    public var participants: [ParticipantEntry]?

    enum CodingKeys: String, CodingKey {
        case code, title, shortTitle = "short_title", programme, organiser, funder, project, venue, country
        case timeZone = "time_zone", modality
        case startDate = "start_date", endDate = "end_date"
        case completion, lateAfterMinutes = "late_after_minutes", retention
        case checkInOpensMinutes = "check_in_opens_minutes", language, summary, sources, assumptions
        case sessions, agencies, quotas, participants
    }

    public struct Completion: Codable, Sendable, Equatable {
        /// Percentage of sessions to attend, 0–100.
        public var minimumPercent: Int
        public var requireCore: Bool

        enum CodingKeys: String, CodingKey {
            case minimumPercent = "minimum_percent", requireCore = "require_core"
        }
    }

    public struct SessionEntry: Codable, Sendable, Equatable {
        public var id: String
        public var title: String
        public var kind: SessionKind
        /// `YYYY-MM-DD HH:MM` in the session's (or course's) time zone.
        public var start: String
        public var end: String
        public var timeZone: String?
        public var modality: Modality?
        public var venue: String?
        public var link: String?
        public var facilitators: [String]?
        public var core: Bool?

        enum CodingKeys: String, CodingKey {
            case id, title, kind, start, end, timeZone = "time_zone", modality, venue, link, facilitators, core
        }
    }

    public struct AgencyEntry: Codable, Sendable, Equatable {
        public var id: String
        public var name: String
        public var acronym: String?
        public var kind: AgencyKind
        public var country: String?
    }

    public struct QuotaEntry: Codable, Sendable, Equatable {
        public var scope: QuotaScope
        /// A country code or an agency id from `agencies`.
        public var key: String
        public var limit: Int
    }

    public struct ParticipantEntry: Codable, Sendable, Equatable {
        public var code: String
        public var givenName: String
        public var familyName: String
        public var sex: Sex
        public var country: String?
        /// Agency id from `agencies`: where the person works.
        public var agency: String?
        public var position: String?
        public var email: String?
        public var phone: String?
        public var role: Role
        /// Agency id that nominated the person, when it differs from their own agency.
        public var nominatedBy: String?
        public var status: NominationStatus
        /// Code of the person who replaced this one, for `status: substituted`.
        public var substitutedBy: String?
        public var note: String?

        enum CodingKeys: String, CodingKey {
            case code, givenName = "given_name", familyName = "family_name", sex, country, agency
            case position, email, phone, role, nominatedBy = "nominated_by", status
            case substitutedBy = "substituted_by", note
        }
    }
}
