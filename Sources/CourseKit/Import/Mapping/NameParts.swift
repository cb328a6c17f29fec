import Foundation

/// Splits a full name from a single "Name" column into given and family names.
///
/// "Family, Given" when there is a comma (how sorted lists and Moodle write names); otherwise the
/// last word is the family name, together with the lower-case particles before it ("Maria van der
/// Berg" → "Maria" + "van der Berg"). One word is a mononym: a given name and no family name.
/// The split only matters for sorting and display: matching uses the folded whole name.
enum NameParts {
    static let particles: Set<String> = [
        "van", "von", "der", "den", "de", "del", "della", "di", "da", "das", "dos",
        "du", "la", "le", "bin", "binti", "ibn", "al", "el", "ten", "ter", "y",
    ]

    static func split(_ full: String) -> (given: String, family: String) {
        if let comma = full.firstIndex(of: ",") {
            let family = full[..<comma].trimmingCharacters(in: .whitespaces)
            let given = full[full.index(after: comma)...].trimmingCharacters(in: .whitespaces)
            if !family.isEmpty && !given.isEmpty { return (given, family) }
        }
        var words = full.split(separator: " ").map(String.init)
        guard words.count > 1 else { return (words.first ?? "", "") }
        var family = [words.removeLast()]
        while words.count > 1, let previous = words.last, particles.contains(previous) {
            family.insert(words.removeLast(), at: 0)
        }
        return (words.joined(separator: " "), family.joined(separator: " "))
    }
}
