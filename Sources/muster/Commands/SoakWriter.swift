import ArgumentParser
import CourseKit
import Foundation

/// A writer for the durability soak (scripts/soak): marks the session's roster over and over
/// and prints `ack <event id>` only after each event is committed. The soak kills it with
/// SIGKILL at random moments and then checks that every acknowledged event is in the library.
/// The library, a session and the people to mark in it: what the soak and bench writers share.
enum MarkingTarget {
    static func open(_ library: LibraryOptions, course: String, session: String) throws -> (CourseStore, Session, [Person]) {
        let store = try library.open()
        let c = try store.courses.course(code: course)
        let s = try store.courses.session(course: c, key: session)
        let people = try store.rosters.roster(courseID: c.id!).map(\.person)
        guard !people.isEmpty else { throw MusterError.invalid("\(course) has nobody to mark") }
        return (store, s, people)
    }
}

struct SoakWriter: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "soak-writer", shouldDisplay: false)
    @OptionGroup var library: LibraryOptions
    @Argument var course: String
    @Argument var session: String
    @Option var count: Int = 1_000_000

    func run() throws {
        try reportingErrors {
            let (store, s, people) = try MarkingTarget.open(library, course: course, session: session)
            // Which part it plays, so the soak can count the guests' acknowledged marks apart.
            FileHandle.standardOutput.write(Data("role \(store.isGuest ? "guest" : "writer")\n".utf8))
            let statuses: [AttendanceStatus] = [.present, .late, .absent, .excused]
            for i in 0..<count {
                let event = try store.attendance.mark(
                    session: s, person: people[i % people.count],
                    status: statuses[(i / people.count) % statuses.count], source: .cli
                ).event
                // Unbuffered: a line on the pipe means the event was committed before it was written.
                FileHandle.standardOutput.write(Data("ack \(event.id.lowercaseText)\n".utf8))
            }
        }
    }
}
