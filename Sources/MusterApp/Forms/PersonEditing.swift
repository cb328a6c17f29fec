import CourseKit
import TerminalUI

extension ScreenContext {
    /// Opens the person form on someone, or refuses when they were erased at their request:
    /// their placeholder has no details to edit, and a name typed into it would tie the anonymous
    /// record to a person again (the library refuses the save too, `Refusal.editErased`).
    mutating func editPerson(_ person: Person, agency: Agency?) -> [Effect<AppAction>] {
        guard !person.isErasedPlaceholder else {
            return fail(MusterError.refused(.editErased(code: person.code)).message(in: words.language))
        }
        push(FormBuilder.person(person, agency: agency, enrolIn: nil, words: words))
        return []
    }
}
