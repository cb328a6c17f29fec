import ArgumentParser
import CourseKit
import Foundation

struct Mark: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Record one attendance mark (a scriptable roll call).",
        discussion: "Each call appends one event to the attendance log; nothing is overwritten.")
    @OptionGroup var library: LibraryOptions
    @Argument(help: "The course code.") var course: String
    @Argument(help: "The session's short id (see 'muster sessions COURSE').") var session: String
    @Argument(help: "The participant's code.") var participant: String
    @Argument(help: "present, late, excused, absent or clear.") var status: String
    @Option(help: "A note, e.g. the reason for an excused absence.") var note: String = ""

    func run() throws {
        try reportingErrors {
            guard let parsed = AttendanceStatus(word: status) else { throw MusterError.badStatus(status) }
            let store = try library.open()
            let (s, p) = try resolve(store, course: course, session: session, person: participant)
            let outcome = try store.attendance.mark(session: s, person: p, status: parsed, source: .cli, note: note)
            let now =
                outcome.current.map {
                    $0.id == outcome.event.id ? $0.status.rawValue : "\($0.status.rawValue) (an earlier \($0.source.rawValue) mark wins)"
                } ?? "no mark"
            print(
                "\(p.code) \(p.displayName): \(parsed.rawValue) in \(s.key); now \(now) (event \(outcome.event.id.uuidString.lowercased()))"
            )
        }
    }
}

struct Undo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Undo the latest mark of a participant in a session (appends an undo event).")
    @OptionGroup var library: LibraryOptions
    @Argument(help: "The course code.") var course: String
    @Argument(help: "The session's short id.") var session: String
    @Argument(help: "The participant's code.") var participant: String

    func run() throws {
        try reportingErrors {
            let store = try library.open()
            let (s, p) = try resolve(store, course: course, session: session, person: participant)
            let outcome = try store.attendance.undo(session: s, person: p, source: .cli)
            let now = outcome.current?.status.rawValue ?? "no mark"
            print("\(p.code) \(p.displayName): undid \(outcome.cancelled?.status.rawValue ?? "?") in \(s.key); now \(now)")
        }
    }
}

/// Looks up a course's session and an enrolled participant, with the errors a user can act on.
func resolve(_ store: CourseStore, course: String, session: String, person: String) throws -> (Session, Person) {
    let c = try store.courses.course(code: course)
    let s = try store.courses.session(course: c, key: session)
    let p = try store.people.person(code: person)
    guard try store.rosters.roster(courseID: c.id!).contains(where: { $0.person.id == p.id }) else {
        throw MusterError.notEnrolled(person: p.code, course: c.code)
    }
    return (s, p)
}
