/// Every failure a user can cause, as data, with a message that says what to do next.
///
/// `description` is the command line's voice (it names flags); the terminal interface phrases
/// the cases whose remedy differs there in its own voice (`MusterApp/App/ErrorVoice.swift`).
/// Messages are one line: the command line prints them to stderr as they are.
public enum MusterError: Error, Equatable, CustomStringConvertible, Sendable {
    case unknownCourse(String)
    case unknownSession(course: String, session: String)
    case unknownParticipant(String)
    case notEnrolled(person: String, course: String)
    case badStatus(String)
    case nothingToUndo(person: String, session: String)
    case invalidCourseFile(path: String, reason: String)
    case unreadable(path: String, reason: String)
    case databaseLocked(path: String)
    case diskFull(path: String)
    case readOnly(path: String)
    case database(String)
    /// A roster file refused, whole: nothing from it was written. `file` is its name as given.
    case importRefused(file: String, ImportRefusal)
    /// A course file or command would bring back someone erased at their request.
    case erasedParticipant(code: String)
    /// A change the library's rules refuse (a nomination, an edit, an undo).
    case refused(Refusal)
    /// Live sync's failures (another device, the network, the sync server), from the `Errors`
    /// table's `net.*` keys: the key after `net.` and what fills it. Made with `net(_:_:)`.
    case network(String, [ChangeSummary.Part])
    case invalid(String)

    /// A failure of live sync said in the reader's language: `net.<key>` filled with `parts`.
    public static func net(_ key: String, _ parts: ChangeSummary.Part...) -> MusterError { .network(key, parts) }

    /// The English message, as logs and tests read it.
    public var description: String { message(in: .en) }

    /// The message as words to keep and say later in any language (a peer's last result is
    /// stored, and read by someone else): the `Errors` key and its values. Nil for the messages
    /// made of other messages or of text as it came (a refusal, an invalid value), which are
    /// kept as their English sentence.
    public var said: ChangeSummary? {
        func say(_ key: String, _ values: String...) -> ChangeSummary {
            ChangeSummary(key, parts: values.map { .text($0) }, table: "Errors")
        }
        return switch self {
        case .unknownCourse(let c): say("error.unknownCourse", c)
        case .unknownSession(let c, let s): say("error.unknownSession", s, c)
        case .unknownParticipant(let p): say("error.unknownParticipant", p)
        case .notEnrolled(let p, let c): say("error.notEnrolled", p, c)
        case .badStatus(let s): say("error.badStatus", s)
        case .nothingToUndo(let p, let s): say("error.nothingToUndo", p, s)
        case .databaseLocked(let path): say("error.databaseLocked", path)
        case .diskFull(let path): say("error.diskFull", path)
        case .readOnly(let path): say("error.readOnly", path)
        case .erasedParticipant(let code): say("error.erasedParticipant", code)
        case .network(let key, let parts): ChangeSummary("net.\(key)", parts: parts, table: "Errors")
        case .unreadable, .database, .invalidCourseFile, .importRefused, .refused, .invalid: nil
        }
    }

    /// The message in `language`, from the `Errors` catalogue. Values that came from input are
    /// shown with `VisibleText`: an error about a crafted file must not drive the terminal that
    /// reads it.
    public func message(in language: Language) -> String {
        let v = { (value: String) in VisibleText.make(value) }
        let words = Words(language)
        func say(_ key: String, _ arguments: any CVarArg...) -> String { words.format(key, table: "Errors", arguments: arguments) }
        return switch self {
        case .unknownCourse(let c): say("error.unknownCourse", v(c))
        case .unknownSession(let c, let s): say("error.unknownSession", v(s), v(c))
        case .unknownParticipant(let p): say("error.unknownParticipant", v(p))
        case .notEnrolled(let p, let c): say("error.notEnrolled", v(p), v(c))
        case .badStatus(let s): say("error.badStatus", v(s))
        case .nothingToUndo(let p, let s): say("error.nothingToUndo", v(p), v(s))
        case .invalidCourseFile(let path, let reason): "\(v(path)): \(reason)"
        case .unreadable(let path, let reason): say("error.unreadable", v(path), reason)
        case .databaseLocked(let path): say("error.databaseLocked", v(path))
        case .diskFull(let path): say("error.diskFull", v(path))
        case .readOnly(let path): say("error.readOnly", v(path))
        case .database(let m): say("error.database", m)
        case .importRefused(let file, let refusal):
            file.isEmpty ? refusal.message(in: language) : "\(file): \(refusal.message(in: language))"
        case .erasedParticipant(let code): say("error.erasedParticipant", v(code))
        case .refused(let refusal): refusal.message(in: language)
        case .network(let key, let parts):
            words.format(
                "net.\(key)", table: "Errors",
                arguments: parts.map { part in
                    if case .text(let text) = part { return VisibleText.make(text) }
                    return part.filled(words)
                })
        case .invalid(let m): m
        }
    }
}
