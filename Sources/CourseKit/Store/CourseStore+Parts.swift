import Foundation
import GRDB

// The store's parts, by what they serve. `CourseStore` opens, migrates and runs reads and
// writes; each part owns the SQL of one job and reaches the file through the store, so a
// screen asks `store.attendance.mark(…)` or `store.rosters.rosterPage(…)` and the store itself
// stays a handful of members.

/// What a part of the store needs from it: the file and who is writing.
protocol StorePart {
    var store: CourseStore { get }
}

extension StorePart {
    func read<T>(_ body: (Database) throws -> T) throws -> T { try store.read(body) }
    /// A write only the library's writer may make: a guest is refused, naming the writer.
    func write<T>(progress: ProgressReporter = .silent, _ body: (Database) throws -> T) throws -> T {
        try store.requireWriter()
        return try store.write(progress: progress, body)
    }
    var pool: DatabasePool { store.pool }
    var path: String { store.path }
    var clock: @Sendable () -> Date { store.clock }
    var actor: String { store.actor }
    var deviceID: String { store.deviceID }
}

/// Marking attendance and reading the marks: the roll call's, the kiosk's and the reports' log.
public struct Attendance: StorePart, Sendable { let store: CourseStore }

/// Pages, counts and facets of a course's roster, on the derived `roster_index`, for rosters of any size.
public struct RosterBrowser: StorePart, Sendable { let store: CourseStore }

/// People across courses: search, details, history and editing a person.
public struct People: StorePart, Sendable { let store: CourseStore }

/// Who is on a course's roster and in what standing: nominations, quotas, substitutes, walk-ins.
public struct Nominations: StorePart, Sendable { let store: CourseStore }

/// Courses, their sessions and the agencies: listing and editing them, and course files in and out.
public struct Courses: StorePart, Sendable { let store: CourseStore }

/// Roster spreadsheets (registration forms, meeting reports, Muster's own export) into a course.
public struct RosterImporter: StorePart, Sendable { let store: CourseStore }

/// The change log of the screens' edits, and undoing them.
public struct ChangeLog: StorePart, Sendable { let store: CourseStore }

/// The self check-in kiosk: its PIN, its name look-up, check-ins and walk-ins.
public struct Kiosk: StorePart, Sendable { let store: CourseStore }

/// What the library holds about people and who changed it: exports, audit trails, erasure and retention.
public struct PrivacyAudit: StorePart, Sendable { let store: CourseStore }

extension CourseStore {
    public var attendance: Attendance { Attendance(store: self) }
    public var rosters: RosterBrowser { RosterBrowser(store: self) }
    public var people: People { People(store: self) }
    public var nominations: Nominations { Nominations(store: self) }
    public var courses: Courses { Courses(store: self) }
    public var rosterImporter: RosterImporter { RosterImporter(store: self) }
    public var changeLog: ChangeLog { ChangeLog(store: self) }
    public var kiosk: Kiosk { Kiosk(store: self) }
    public var privacy: PrivacyAudit { PrivacyAudit(store: self) }
}
