import Foundation

/// A change the library refuses, as data: the rule it would break and who or what it concerns.
/// `description` says it once for both voices (none of these has a remedy that is a flag);
/// the terminal interface may still phrase one in its own words (`ErrorVoice`).
public enum Refusal: Equatable, Sendable, CustomStringConvertible {
    // Nominations
    case substituteNotNamed
    case alreadyInStatus(code: String, name: String, status: String)
    case substituteIsThemselves
    case substituteAlreadyExpected(code: String, name: String, status: String)
    case mergeIntoThemselves
    case notAWalkIn(code: String, status: String)
    case mergeErased(code: String)
    case alreadyMerged(code: String, into: String)
    case neverMerged(code: String)
    case unmergeAmbiguous(code: String, merged: [String])
    case notAMerge(summary: String)
    case markedSinceMerge(code: String, course: String, session: String, now: String, then: String)
    case alreadyOnRoster
    case hasAttendance(code: String)
    // Courses and sessions
    case courseHasAttendance(code: String, events: Int)
    case sessionHasAttendance(title: String, events: Int)
    case sessionGone
    case courseCodeTaken(code: String)
    case noCourse(id: Int64)
    case notSaved(what: String)
    // Course files
    case markedSessionMissing(session: String, course: String)
    case markedPersonMissing(code: String, course: String)
    // Attendance undo
    case noEvent(UUID)
    case markAlreadyUndone
    // Arrival and departure times
    case timeOffSessionDay(what: String, time: String, day: String)
    case departureBeforeArrival(arrival: String, departure: String)
    case timeNeedsAttendance(what: String, status: String)
    case nothingToLeaveFrom(code: String, name: String)
    // The change log
    case noChange(id: Int64)
    case notUndoable(summary: String, from: String)
    case undoOfUndo
    case changeAlreadyUndone
    case changedSince(summary: String)
    // One writer per library
    case libraryHasWriter(command: String, pid: Int32)

    public var description: String {
        switch self {
        case .substituteNotNamed: "name the substitute to mark someone substituted"
        case .alreadyInStatus(let code, let name, let status): "\(code) \(name) is already \(status)"
        case .substituteIsThemselves: "someone cannot substitute themselves"
        case .substituteAlreadyExpected(let code, let name, let status): "\(code) \(name) is already \(status) in this course"
        case .mergeIntoThemselves: "choose another person to merge into"
        case .notAWalkIn(let code, let status): "\(code) is \(status), not a walk-in awaiting review"
        case .mergeErased(let code):
            "\(code) was erased at their request: an erased record is never merged; register the person anew"
        case .alreadyMerged(let code, let into): "\(code) is already merged into \(into); unmerge them first"
        case .neverMerged(let code): "\(code) was never merged with anyone (or the merge was undone already)"
        case .unmergeAmbiguous(let code, let merged):
            "\(merged.count) people are merged into \(code) (\(merged.joined(separator: ", "))): name the one to unmerge"
        case .notAMerge(let summary): "“\(summary)” is not a merge"
        case .markedSinceMerge(let code, let course, let session, let now, let then):
            "cannot unmerge: \(code)'s mark in \(course) \(session) changed since the merge (\(then) → \(now)); "
                + "undo that mark first"
        case .alreadyOnRoster: "already on this course's roster"
        case .hasAttendance(let code):
            "\(code) has attendance recorded in this course; set their status to withdrawn instead"
        case .courseHasAttendance(let code, let events):
            "\(code) has \(events) attendance events recorded; the attendance log is append-only, so the course cannot be deleted"
        case .sessionHasAttendance(let title, let events):
            "'\(title)' has attendance recorded (\(events) event\(events == 1 ? "" : "s")); the attendance log is append-only, "
                + "so it cannot be deleted"
        case .sessionGone: "that session no longer exists"
        case .courseCodeTaken(let code): "a course '\(code)' already exists: choose another code"
        case .noCourse(let id): "no course with id \(id)"
        case .notSaved(let what): "that \(what) is not saved yet"
        case .markedSessionMissing(let session, let course):
            "session '\(session)' of '\(course)' has attendance recorded and is missing from the file; nothing was imported"
        case .markedPersonMissing(let code, let course):
            "participant '\(code)' has attendance in '\(course)' and is missing from the file; nothing was imported"
        case .noEvent(let id): "no attendance event \(id)"
        case .markAlreadyUndone: "that mark was already undone"
        case .timeOffSessionDay(let what, let time, let day):
            "the \(what) \(time) is not on the session's day (\(day)); type a time on that day, like 09:25"
        case .departureBeforeArrival(let arrival, let departure):
            "the departure \(departure) is before the arrival \(arrival)"
        case .timeNeedsAttendance(let what, let status):
            "\(what == "arrival" ? "an" : "a") \(what) time goes with present or late, not \(status)"
        case .nothingToLeaveFrom(let code, let name):
            "\(code) \(name) is not marked present or late in this session, so there is no stay to end; mark them first"
        case .noChange(let id): "no change \(id) in the log"
        case .notUndoable(let summary, let from):
            "“\(summary)” came from \(from); only changes made on the screens can be undone"
        case .undoOfUndo: "an undo cannot be undone; make the change again"
        case .changeAlreadyUndone: "that change was already undone"
        case .changedSince(let summary): "cannot undo “\(summary)”: it was changed again since; undo the later change first"
        case .libraryHasWriter(let command, let pid):
            "the library is open for writing by \(command) (pid \(pid)); close it, or run this there"
        }
    }
}
