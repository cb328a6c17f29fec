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
    case invalid(String)

    /// Values that came from input are shown with `VisibleText`: an error about a crafted file
    /// must not drive the terminal that reads it.
    public var description: String {
        let v = { (value: String) in VisibleText.make(value) }
        return switch self {
        case .unknownCourse(let c):
            "unknown course '\(v(c))' (see 'muster courses')"
        case .unknownSession(let c, let s):
            "unknown session '\(v(s))' in course '\(v(c))' (see 'muster sessions \(v(c))')"
        case .unknownParticipant(let p):
            "unknown participant '\(v(p))' (see 'muster roster COURSE')"
        case .notEnrolled(let p, let c):
            "participant '\(v(p))' is not enrolled in course '\(v(c))'"
        case .badStatus(let s):
            "bad status '\(v(s))': use present, late, excused, absent or clear"
        case .nothingToUndo(let p, let s):
            "nothing to undo for '\(v(p))' in session '\(v(s))'"
        case .invalidCourseFile(let path, let reason):
            "\(v(path)): \(reason)"
        case .unreadable(let path, let reason):
            "cannot read \(v(path)): \(reason)"
        case .databaseLocked(let path):
            "the database \(v(path)) is locked by another process; try again, or close the other Muster"
        case .diskFull(let path):
            "the disk holding \(v(path)) is full: free some space and try again (the change that failed was not saved)"
        case .readOnly(let path):
            "\(v(path)) is read-only: the change was not saved (check the file's permissions or the disk)"
        case .database(let m):
            "database error: \(m)"
        case .importRefused(let file, let refusal):
            file.isEmpty ? refusal.description : "\(file): \(refusal)"
        case .erasedParticipant(let code):
            "participant '\(v(code))' was erased at their request; nothing was imported "
                + "(pass --allow-erased only if they asked to be registered again)"
        case .refused(let refusal):
            refusal.description
        case .invalid(let m):
            m
        }
    }
}
