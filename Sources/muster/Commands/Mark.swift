import ArgumentParser
import CourseKit
import Foundation

struct Mark: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: CommandWords.text("mark.abstract"),
        discussion: CommandWords.text("mark.discussion"))
    @OptionGroup var library: LibraryOptions
    @Argument(help: CommandWords.help("mark.course"), completion: ShellCompletion.courseCodes) var course: String
    @Argument(help: CommandWords.help("mark.session"), completion: ShellCompletion.sessionKeys) var session: String
    @Argument(help: CommandWords.help("mark.participant")) var participant: String
    @Argument(help: CommandWords.help("mark.status")) var status: String
    @Option(help: CommandWords.help("mark.note")) var note: String = ""
    @Option(help: CommandWords.help("mark.arrival")) var arrival: String?
    @Option(help: CommandWords.help("mark.departure")) var departure: String?

    func run() throws {
        try reportingErrors {
            let leaving = status.lowercased() == "left"
            guard let parsed = leaving ? .present : AttendanceStatus(word: status) else { throw MusterError.badStatus(status) }
            let store = try library.open()
            let (s, p) = try resolve(store, course: course, session: session, person: participant)
            let zone = AttendanceTimes.zone(of: s, courseZone: try store.courses.course(code: course).zone)
            let arrivalTime = try arrival.map { try time($0, "--arrival", s, zone) }
            let departureTime = try departure.map { try time($0, "--departure", s, zone) }
            if leaving {
                guard arrivalTime == nil else { throw MusterError.invalid(CommandWords.text("mark.arrivalWithLeft")) }
                let outcome = try store.attendance.recordDeparture(session: s, person: p, at: departureTime, source: .cli)
                let left = outcome.event.departure.map { LocalTime.clock($0, in: zone) } ?? "?"
                let words = CommandWords.words
                print(
                    CommandWords.format(
                        "mark.output.left", p.code, p.displayName, s.key, left, words.term(outcome.status),
                        outcome.event.id.lowercaseText))
                return
            }
            let outcome = try store.attendance.mark(
                session: s, person: p, status: parsed, source: .cli, arrival: arrivalTime, departure: departureTime, note: note)
            let words = CommandWords.words
            let now =
                outcome.current.map {
                    $0.id == outcome.event.id
                        ? words.term($0.status) : CommandWords.format("mark.output.earlierWins", words.term($0.status), $0.source.rawValue)
                } ?? CommandWords.text("mark.output.noMark")
            let stay = StayText.text(outcome.event, zone: zone)
            let marked = words.term(parsed) + (stay.isEmpty ? "" : " \(stay)")
            print(CommandWords.format("mark.output", p.code, p.displayName, marked, s.key, now, outcome.event.id.lowercaseText))
        }
    }
}

struct Undo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: CommandWords.text("undo.abstract"))
    @OptionGroup var library: LibraryOptions
    @Argument(help: CommandWords.help("undo.course"), completion: ShellCompletion.courseCodes) var course: String
    @Argument(help: CommandWords.help("undo.session"), completion: ShellCompletion.sessionKeys) var session: String
    @Argument(help: CommandWords.help("undo.participant")) var participant: String

    func run() throws {
        try reportingErrors {
            let store = try library.open()
            let (s, p) = try resolve(store, course: course, session: session, person: participant)
            let outcome = try store.attendance.undo(session: s, person: p, source: .cli)
            let words = CommandWords.words
            let now = outcome.current.map { words.term($0.status) } ?? CommandWords.text("mark.output.noMark")
            let undone = outcome.cancelled.map { words.term($0.status) } ?? "?"
            print(CommandWords.format("undo.output", p.code, p.displayName, undone, s.key, now))
        }
    }
}

/// `HH:MM` on the session's day, or `YYYY-MM-DD HH:MM` (which the store refuses when it is
/// another day, saying which day it must be).
private func time(_ text: String, _ flag: String, _ session: Session, _ zone: TimeZone) throws -> Date {
    if let t = AttendanceTimes.clockTime(text, on: session, zone: zone) ?? LocalTime.parse(text, in: zone) { return t }
    throw MusterError.invalid(CommandWords.format("mark.notATime", flag, text))
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
