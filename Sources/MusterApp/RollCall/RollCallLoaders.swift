import CourseKit
import Foundation

/// The roll call's database work: the session and its people, the marks when another process
/// changed them, and the marks it writes (each returning the mark the store derived).
extension Loaders {
    func rollCall(code: String, sessionKey: String?) -> AppAction {
        attempt {
            let version = try store.dataVersion()
            let course = try store.courses.course(code: code)
            let sessions = try store.courses.sessions(courseID: course.id!)
            let session: Session
            if let sessionKey {
                session = try store.courses.session(course: course, key: sessionKey)
            } else if let current = try store.courses.currentOrNextSession(courseID: course.id!) {
                session = current
            } else {
                throw MusterError.invalid("\(code) has no sessions yet")
            }
            // Each name folded once, not in every comparison: the sort of a 100,000-person course
            // spent seconds folding the same names again and again.
            let people = try store.rosters.roster(courseID: course.id!, expectedOnly: true)
                .filter { RollCallRoles.contains($0.enrolment.role) }
                .map { (key: NameFolding.fold($0.person.sortName), entry: $0) }
                .sorted { ($0.key, $0.entry.person.code) < ($1.key, $1.entry.person.code) }
                .map(\.entry)
            return .rollCallLoaded(
                RollCallData(
                    course: course, session: session, dayNumber: CourseDays.number(of: session, among: sessions, zone: course.zone),
                    people: people, marks: try store.attendance.marks(sessionID: session.id!), version: version))
        }
    }

    /// Reloads a session's marks only when another process has committed since `version`:
    /// `PRAGMA data_version` is a cheap check, so this can run several times a second.
    func marksIfChanged(sessionID: Int64, since version: Int) -> AppAction? {
        do {
            let now = try store.dataVersion()
            guard now != version else { return nil }
            return .marksChanged(sessionID: sessionID, marks: try store.attendance.marks(sessionID: sessionID), version: now)
        } catch {
            return .failed(describe(error))
        }
    }

    func mark(_ session: Session, _ person: Person, _ status: AttendanceStatus, note: String = "", advance: Bool) -> AppAction {
        attempt {
            .marked(
                try store.attendance.mark(session: session, person: person, status: status, source: .rollcall, note: note),
                advance: advance)
        }
    }

    func markAllPresent(_ session: Session, _ people: [Person]) -> AppAction {
        attempt {
            // One event per person, each committed before the next: an interruption loses nothing
            // already shown, and the screen only shows what was committed.
            .markedMany(try people.map { try store.attendance.mark(session: session, person: $0, status: .present, source: .rollcall) })
        }
    }

    func undo(_ eventID: UUID) -> AppAction {
        attempt { .undone(try store.attendance.undo(eventID: eventID, source: .rollcall)) }
    }
}

/// Roles whose attendance the roll call takes: facilitators, organisers and resource people run
/// the session and are not marked.
let RollCallRoles: Set<Role> = [.participant, .observer]
