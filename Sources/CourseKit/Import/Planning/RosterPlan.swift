import Foundation

/// Everything one roster import will write, worked out before a single row is written, so a dry
/// run and the real run agree, and the real run is one transaction that either lands whole or not.
struct RosterPlan {
    /// A person the plan refers to: already in the library (snapshot index), or created by this import.
    enum PersonRef: Hashable {
        case existing(Int)
        case planned(Int)
    }

    struct NewPerson {
        var code: String
        var givenName: String
        var familyName: String
        /// `Person.sortKey`: the folded name, family first; its words are the search tokens.
        var sortKey: String
        var sex: Sex
        var country: String
        var agencyID: Int64?
        var position: String
        var email: String
        var phone: String
    }

    /// Blank fields of a known person the file fills in. Names are never changed by an import:
    /// a coordinator's spelling beats a registration form's.
    struct PersonFill {
        var email: String?
        var phone: String?
        var position: String?
        var country: String?
        var sex: Sex?
        var agencyID: Int64?
    }

    struct NewEnrolment {
        var person: PersonRef
        var role: Role
        var status: NominationStatus
        var note: String
    }

    struct Event {
        var id: UUID
        var sessionID: Int64
        var person: PersonRef
        var status: AttendanceStatus
        var arrival: Date?
        var departure: Date?
        var recordedAt: Date
        var device: String
        var source: EventSource
        /// Who recorded it, kept from Muster's own export; nil means the importing library's actor.
        var actor: String?
        var note: String
        /// Re-created from Muster's own export with its original time, source and device.
        var restored: Bool
    }

    var newPeople: [NewPerson] = []
    var fills: [Int: PersonFill] = [:]
    var newEnrolments: [NewEnrolment] = []
    var statusChanges: [(enrolmentID: Int64, status: NominationStatus)] = []
    var events: [Event] = []
    /// How the writer keeps `roster_index` and `session_tally` (the options' choice).
    var upkeep = DerivedUpkeep.automatic
    var report: RosterImportReport
}
