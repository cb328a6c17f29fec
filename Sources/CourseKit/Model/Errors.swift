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

    /// The message in `language`, from the `Errors` catalogue: the words of `said` where the
    /// error has them, so the message and what a peer list keeps are one mapping. Values that
    /// came from input are shown with `VisibleText`: an error about a crafted file must not drive
    /// the terminal that reads it.
    public func message(in language: Language) -> String {
        if let said { return said.mapText { VisibleText.make($0) }.text(in: language) }
        let words = Words(language)
        switch self {
        case .invalidCourseFile(let path, let reason): return "\(VisibleText.make(path)): \(reason)"
        case .unreadable(let path, let reason): return words.format("error.unreadable", table: "Errors", VisibleText.make(path), reason)
        case .database(let m): return words.format("error.database", table: "Errors", m)
        case .importRefused(let file, let refusal):
            return file.isEmpty ? refusal.message(in: language) : "\(file): \(refusal.message(in: language))"
        case .refused(let refusal): return refusal.message(in: language)
        case .invalid(let m): return m
        default: preconditionFailure("every other error has its words in `said`")
        }
    }
}
