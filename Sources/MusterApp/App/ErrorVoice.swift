import CourseKit
import Foundation

/// How the terminal interface says what went wrong: the same facts as the command line's
/// `MusterError.description`, with remedies a person at the screen can take. The screens have
/// no flags: where the command line says `--map` or `--skip-rejected`, the screen names the
/// format chooser, the preview or the file.
enum ErrorVoice {
    static func phrase(_ error: Error) -> String {
        guard let error = error as? MusterError else { return "\(error)" }
        switch error {
        case .importRefused(let file, let refusal):
            let name = (file as NSString).lastPathComponent
            return name.isEmpty ? phrase(refusal) : "\(name): \(phrase(refusal))"
        case .erasedParticipant(let code):
            return "\(code) was erased at their request; nothing was imported. Take them out of the course file to import it"
        case .unknownCourse(let code):
            return "No course “\(code)” in this library"
        case .unknownSession(let course, let session):
            return "No session “\(session)” in \(course)"
        case .unknownParticipant(let code):
            return "No participant “\(code)” in this library"
        case .refused(.hasAttendance(let code)):
            return "\(code) has attendance recorded in this course; t sets their status to withdrawn instead"
        case .databaseLocked:
            return "The library is busy in another Muster; try again in a moment"
        default:
            return error.description
        }
    }

    static func phrase(_ refusal: ImportRefusal) -> String {
        switch refusal {
        case .notARoster(let rows):
            "not a roster Muster recognises: no header with a name column in the first \(rows) rows. Tab chooses the format by hand"
        case .noGenericHeader(let rows):
            "no header row with a name column in the first \(rows) rows. Give the file a header (Name, or Given name and Family name)"
        case .noHeader(let format, let rows):
            "no \(format) header in the first \(rows) rows. Tab chooses another format, or auto"
        case .noNameColumn(let line):
            "line \(line): the header names no column as the name. Call one Name, or Given name and Family name, in the file"
        case .rowsRejected(let count, let first):
            ImportRefusal.rejected(count, first) + "; nothing was imported. Fix the file, or import the other rows from the preview"
        case .erasedPeople(let lines):
            ImportRefusal.erased(lines) + "; nothing was imported. Take them out of the file to import it"
        case .unreadable(let problem):
            problem.description
        case .tooLarge(let limit):
            "the file is larger than \(ImportRefusal.size(limit)), the most Muster imports at once; split it, or import it from the command line"
        case .noJoinTime, .mapColumnMissing, .mapNeedsGenericFormat:
            // The dialog never maps columns by hand; these read the same on both.
            refusal.description
        }
    }
}
