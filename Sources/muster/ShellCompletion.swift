import ArgumentParser
import CourseKit
import Foundation

/// Tab completion of the values only the library knows: course codes and session ids.
///
/// ArgumentParser's generated bash, zsh and fish scripts call `muster` back with the words typed
/// so far; these closures find the library those words name (`--db`, else `$MUSTER_DB`, else
/// the default) and list what it holds. The shells filter by the typed prefix; so do these, for
/// the shells whose scripts pass everything through.
enum ShellCompletion {
    static let courseCodes = CompletionKind.custom { words, _, prefix in
        CompletionLookup.courseCodes(library: library(in: words), seedFolder: seedFolder(in: words))
            .filter { $0.hasPrefix(prefix) }
    }

    /// Session ids of the course named earlier on the line (the first word that is a course code).
    static let sessionKeys = CompletionKind.custom { words, _, prefix in
        let library = library(in: words)
        let codes = Set(CompletionLookup.courseCodes(library: library, seedFolder: nil))
        guard let course = words.first(where: codes.contains) else { return [] }
        return CompletionLookup.sessionKeys(library: library, course: course).filter { $0.hasPrefix(prefix) }
    }

    /// The value of `--name VALUE` or `--name=VALUE` on the line, if typed.
    static func option(_ name: String, in words: [String]) -> String? {
        for (index, word) in words.enumerated() {
            if word == name, index + 1 < words.count { return words[index + 1] }
            if word.hasPrefix(name + "=") { return String(word.dropFirst(name.count + 1)) }
        }
        return nil
    }

    static func library(in words: [String]) -> String {
        LibraryLocation.path(db: option("--db", in: words), environment: ProcessInfo.processInfo.environment)
    }

    static func seedFolder(in words: [String]) -> String? {
        option("--courses", in: words) ?? ProcessInfo.processInfo.environment["MUSTER_COURSES"].flatMap { $0.isEmpty ? nil : $0 }
            ?? LibraryLocation.shippedCourses(binary: LibraryLocation.executablePath())
    }
}
