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
            // The printed sheet's order, staff included, is the one the sheet entry numbers by;
            // the roll call shows the same order without the staff.
            let sheet = SignInSheet.order(try store.rosters.roster(courseID: course.id!, expectedOnly: true))
            let people = sheet.filter { RollCallRoles.contains($0.enrolment.role) }
            return .rollCallLoaded(
                RollCallData(
                    course: course, session: session, dayNumber: CourseDays.number(of: session, among: sessions, zone: course.zone),
                    people: people, marks: try store.attendance.marks(sessionID: session.id!), version: version, sheet: sheet,
                    sheetID: SignInSheet.sheetID(sessionKey: session.key, codes: sheet.map(\.person.code)),
                    localDevice: store.deviceID))
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

    func mark(
        _ session: Session, _ person: Person, _ status: AttendanceStatus, arrival: Date? = nil, note: String = "", advance: Bool
    ) -> AppAction {
        attempt {
            .marked(
                try store.attendance.mark(
                    session: session, person: person, status: status, source: .rollcall, arrival: arrival, note: note),
                advance: advance)
        }
    }

    /// Someone left at `time`: their present or late mark gains the departure.
    func departure(_ session: Session, _ person: Person, at time: Date) -> AppAction {
        attempt {
            .marked(try store.attendance.recordDeparture(session: session, person: person, at: time, source: .rollcall), advance: false)
        }
    }

    /// The library's clock, only to fill in a prompt's default time ("now" while the session runs).
    func now() -> Date { store.clock() }

    func markAllPresent(_ session: Session, _ people: [Person]) -> AppAction {
        attempt {
            // One transaction and one logged change for the whole batch, so one `u` takes it back.
            .markedBatch(try store.attendance.markBatch(session: session, people: people, status: .present, source: .rollcall))
        }
    }

    /// Undoes one entry of the roll call's undo stack: a single mark, or a whole batch.
    func undo(_ entry: RollCallUndo) -> AppAction {
        attempt {
            switch entry {
            case .mark(let eventID): .undone(try store.attendance.undo(eventID: eventID, source: .rollcall))
            case .batch(let changeID, _): .undoneBatch(changeID: changeID, try store.attendance.undoBatch(changeID: changeID))
            }
        }
    }
}

/// Roles whose attendance the roll call takes: facilitators, organisers and resource people run
/// the session and are not marked.
let RollCallRoles: Set<Role> = [.participant, .observer]
