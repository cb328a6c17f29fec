import CourseKit
import Foundation

/// How the terminal interface says what went wrong: the same facts as the command line's
/// `MusterError.message(in:)`, with remedies a person at the screen can take. The screens have
/// no flags: where the command line says `--map` or `--skip-rejected`, the screen names the
/// format chooser, the preview or the file. The words are the `Errors` catalogue's `voice.*`
/// keys, in the app's language.
enum ErrorVoice {
    static func phrase(_ error: Error, _ language: Language = .en) -> String {
        guard let error = error as? MusterError else { return "\(error)" }
        let words = Words(language)
        func say(_ key: String, _ arguments: any CVarArg...) -> String {
            words.format("voice.\(key)", table: "Errors", arguments: arguments)
        }
        switch error {
        case .importRefused(let file, let refusal):
            let name = (file as NSString).lastPathComponent
            return name.isEmpty ? phrase(refusal, language) : "\(name): \(phrase(refusal, language))"
        case .erasedParticipant(let code): return say("erasedParticipant", code)
        case .unknownCourse(let code): return say("unknownCourse", code)
        case .unknownSession(let course, let session): return say("unknownSession", session, course)
        case .unknownParticipant(let code): return say("unknownParticipant", code)
        case .refused(.hasAttendance(let code)): return say("hasAttendance", code)
        case .databaseLocked: return say("databaseLocked")
        default: return error.message(in: language)
        }
    }

    static func phrase(_ refusal: ImportRefusal, _ language: Language = .en) -> String {
        let words = Words(language)
        func say(_ key: String, _ arguments: any CVarArg...) -> String {
            words.format("voice.import.\(key)", table: "Errors", arguments: arguments)
        }
        return switch refusal {
        case .notARoster(let rows): say("notARoster", rows)
        case .noGenericHeader(let rows): say("noGenericHeader", rows)
        case .noHeader(let format, let rows): say("noHeader", format, rows)
        case .noNameColumn(let line): say("noNameColumn", String(line))
        case .rowsRejected(let count, let first): say("rowsRejected", ImportRefusal.rejected(count, first, language))
        case .erasedPeople(let lines): say("erasedPeople", ImportRefusal.erased(lines, language))
        case .unreadable(let problem): problem.description
        case .tooLarge(let limit): say("tooLarge", ImportRefusal.size(limit))
        // The dialog never maps columns by hand; these read the same on both.
        case .noJoinTime, .mapColumnMissing, .mapNeedsGenericFormat: refusal.message(in: language)
        }
    }
}
