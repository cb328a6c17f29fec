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
    case editErased(code: String)
    case alreadyMerged(code: String, into: String)
    case neverMerged(code: String)
    case unmergeAmbiguous(code: String, merged: [String])
    case notAMerge(summary: QuotedSummary)
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
    /// `fromKiosk`: the kiosk made it; else an import did.
    case notUndoable(summary: QuotedSummary, fromKiosk: Bool)
    case undoOfUndo
    case changeAlreadyUndone
    case changedSince(summary: QuotedSummary)
    // One writer per library
    case libraryHasWriter(command: String, pid: Int32)

    /// The English message.
    public var description: String { message(in: .en) }

    /// The message in `language`, from the `Errors` catalogue; a status in it in the language's
    /// terms ("ya está confirmada").
    public func message(in language: Language) -> String {
        let words = Words(language)
        func say(_ key: String, _ arguments: any CVarArg...) -> String {
            words.format("refusal.\(key)", table: "Errors", arguments: arguments)
        }
        let status = words.statusTerm
        return switch self {
        case .substituteNotNamed: say("substituteNotNamed")
        case .alreadyInStatus(let code, let name, let s): say("alreadyInStatus", code, name, status(s))
        case .substituteIsThemselves: say("substituteIsThemselves")
        case .substituteAlreadyExpected(let code, let name, let s): say("substituteAlreadyExpected", code, name, status(s))
        case .mergeIntoThemselves: say("mergeIntoThemselves")
        case .notAWalkIn(let code, let s): say("notAWalkIn", code, status(s))
        case .mergeErased(let code): say("mergeErased", code)
        case .editErased(let code): say("editErased", code)
        case .alreadyMerged(let code, let into): say("alreadyMerged", code, into)
        case .neverMerged(let code): say("neverMerged", code)
        case .unmergeAmbiguous(let code, let merged): say("unmergeAmbiguous", merged.count, code, merged.joined(separator: ", "))
        case .notAMerge(let summary): say("notAMerge", summary.text(in: language))
        case .markedSinceMerge(let code, let course, let session, let now, let then):
            say("markedSinceMerge", code, course, session, then, now)
        case .alreadyOnRoster: say("alreadyOnRoster")
        case .hasAttendance(let code): say("hasAttendance", code)
        case .courseHasAttendance(let code, let events): say("courseHasAttendance", code, events)
        case .sessionHasAttendance(let title, let events):
            say(events == 1 ? "sessionHasAttendance.one" : "sessionHasAttendance", title, events)
        case .sessionGone: say("sessionGone")
        case .courseCodeTaken(let code): say("courseCodeTaken", code)
        case .noCourse(let id): say("noCourse", String(id))
        case .notSaved(let what): say("notSaved", what)
        case .markedSessionMissing(let session, let course): say("markedSessionMissing", session, course)
        case .markedPersonMissing(let code, let course): say("markedPersonMissing", code, course)
        case .noEvent(let id): say("noEvent", id.uuidString)
        case .markAlreadyUndone: say("markAlreadyUndone")
        case .timeOffSessionDay(let what, let time, let day): say("timeOffSessionDay.\(what)", time, day)
        case .departureBeforeArrival(let arrival, let departure): say("departureBeforeArrival", departure, arrival)
        case .timeNeedsAttendance(let what, let s): say("timeNeedsAttendance.\(what)", status(s))
        case .nothingToLeaveFrom(let code, let name): say("nothingToLeaveFrom", code, name)
        case .noChange(let id): say("noChange", String(id))
        case .notUndoable(let summary, let fromKiosk):
            say(fromKiosk ? "notUndoable.kiosk" : "notUndoable.import", summary.text(in: language))
        case .undoOfUndo: say("undoOfUndo")
        case .changeAlreadyUndone: say("changeAlreadyUndone")
        case .changedSince(let summary): say("changedSince", summary.text(in: language))
        case .libraryHasWriter(let command, let pid): say("libraryHasWriter", command, String(pid))
        }
    }
}

/// A change log entry's summary as a refusal quotes it: in the refusal's language when the entry
/// kept its words (`ChangeSummary`), else the sentence it was logged with.
public struct QuotedSummary: Equatable, Sendable {
    public var logged: String
    public var words: ChangeSummary?

    public init(logged: String, words: ChangeSummary? = nil) {
        self.logged = logged
        self.words = words
    }

    public func text(in language: Language) -> String { words?.text(in: language) ?? logged }
}
