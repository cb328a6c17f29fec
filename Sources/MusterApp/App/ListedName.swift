import CourseKit

extension Person {
    /// The name a list shows ("Tellei, Ana"); for someone erased at their request, whose
    /// placeholder keeps no name, "(erased)" in the screen's language, so a roll call or roster
    /// row never reads as a person whose name failed to load.
    func listedName(_ words: Words) -> String {
        isErasedPlaceholder ? "(\(words.person("person.erasedShort")))" : sortName
    }
}
