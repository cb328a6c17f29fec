import ArgumentParser
import CourseKit
import Foundation

/// The command line's own words (`--help`'s abstracts, discussions and option texts) from the
/// `Commands` catalogue, in the language this run speaks.
///
/// ArgumentParser reads a command's configuration and its options' help before any command
/// runs, so the language is settled here, once, from what the process was given: a `--lang`
/// on its command line, else `MUSTER_LANG`, else the locale. A course's own `language:` cannot
/// count yet (no library is open); a command that prints about a course picks its language
/// again, with the course. A language Muster does not speak leaves help in English; the command
/// then refuses the value with its own message.
enum CommandWords {
    static let language: Language = {
        (try? Language.choose(flag: langFlag(CommandLine.arguments), environment: ProcessInfo.processInfo.environment)) ?? .en
    }()

    static let words = Words(language)

    /// `key` of the `Commands` table.
    static func text(_ key: String) -> String { words.text(key, table: "Commands") }

    /// A listing's column headers: `<listing>.column.<id>` of the table, in capitals as
    /// listings show them ("CÓDIGO").
    static func header(_ listing: String, _ ids: [String]) -> [String] {
        ids.map { text("\(listing).column.\($0)").uppercased(with: language.locale) }
    }

    /// An option's or argument's help.
    static func help(_ key: String) -> ArgumentHelp { ArgumentHelp(text(key)) }

    /// `key` with its blanks filled.
    static func format(_ key: String, _ arguments: any CVarArg...) -> String {
        words.format(key, table: "Commands", arguments: arguments)
    }

    /// ArgumentParser's help with its own English words (headings, "(values: …)", "default:",
    /// the help and version flags' texts) in this run's language. It has no hook for them, so
    /// its finished text is translated: each English form, as the `help.*` keys of the English
    /// catalogue hold it, becomes the language's.
    static func translatedHelp(_ text: String) -> String {
        guard language != .en else { return text }
        let english = Words(.en)
        return helpKeys.reduce(text) { text, key in
            text.replacingOccurrences(of: english.text(key, table: "Commands"), with: self.text(key))
        }
    }

    static let helpKeys = [
        "help.overview", "help.usage", "help.arguments", "help.options", "help.subcommands", "help.values", "help.default",
        "help.showHelp", "help.showVersion", "help.seeSubcommand",
    ]

    /// The value of `--lang X` or `--lang=X` among `arguments`, the last one winning as
    /// ArgumentParser's does; nil without one.
    static func langFlag(_ arguments: [String]) -> String? {
        var value: String?
        var i = arguments.startIndex
        while i < arguments.endIndex {
            let a = arguments[i]
            if a == "--" { break }
            if a == "--lang", i + 1 < arguments.endIndex {
                value = arguments[i + 1]
                i += 1
            } else if a.hasPrefix("--lang=") {
                value = String(a.dropFirst(7))
            }
            i += 1
        }
        return value
    }
}
