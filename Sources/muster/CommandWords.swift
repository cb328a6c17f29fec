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
/// again, with the course. A `--lang` Muster does not speak leaves help in the language the
/// environment gives (`Language.fallback`); the command then refuses the value in it.
enum CommandWords {
    static let language: Language = {
        let environment = ProcessInfo.processInfo.environment
        return (try? Language.choose(flag: langFlag(CommandLine.arguments), environment: environment))
            ?? Language.fallback(environment: environment)
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

    /// A mistake on the command line as one line in this run's language: ArgumentParser's own
    /// message ("Unknown option '--frob'. Did you mean '--db'?"), read back against the English
    /// forms of the `parse.*` keys and said with the language's, then where to look for help.
    /// A message no key matches (one of Muster's own, already in the language) passes through.
    static func commandLineError(_ message: String) -> String {
        text(for: message, keys: parseKeys, from: Words(.en), to: words)
            .map { words.format("parse.seeHelp", table: "Commands", $0) } ?? words.format("parse.seeHelp", table: "Commands", message)
    }

    static let parseKeys = [
        "parse.unknownSuggest", "parse.unknown", "parse.missingValue", "parse.unexpected", "parse.unexpectedMany",
        "parse.missingArgument", "parse.invalidValue", "parse.missingSubcommand",
    ]

    /// `message` said with `to`'s words when it is one of `keys` in `from`'s, its blanks kept.
    static func text(for message: String, keys: [String], from: Words, to: Words) -> String? {
        for key in keys {
            let pattern = from.text(key, table: "Commands")
            guard let values = blanks(of: message, in: pattern) else { continue }
            return to.format(key, table: "Commands", arguments: values.map { $0 as any CVarArg })
        }
        return nil
    }

    /// The values in `message` where `pattern` ("Unknown option '%1$@'. Did you mean '%2$@'?") has
    /// its blanks, in the blanks' numbered order; nil when the message is not of that form.
    static func blanks(of message: String, in pattern: String) -> [String]? {
        let blank = try! NSRegularExpression(pattern: "%(?:([0-9]+)\\$)?@")
        let whole = NSRange(pattern.startIndex..., in: pattern)
        var regex = "^", order: [Int] = [], last = pattern.startIndex
        for (n, match) in blank.matches(in: pattern, range: whole).enumerated() {
            let range = Range(match.range, in: pattern)!
            regex += NSRegularExpression.escapedPattern(for: String(pattern[last..<range.lowerBound])) + "(.*?)"
            order.append(Range(match.range(at: 1), in: pattern).flatMap { Int(pattern[$0]) } ?? n + 1)
            last = range.upperBound
        }
        regex += NSRegularExpression.escapedPattern(for: String(pattern[last...])) + "$"
        guard let compiled = try? NSRegularExpression(pattern: regex, options: [.dotMatchesLineSeparators]),
            let found = compiled.firstMatch(in: message, range: NSRange(message.startIndex..., in: message))
        else { return nil }
        var values = [String](repeating: "", count: order.count)
        for (i, number) in order.enumerated() where (1...order.count).contains(number) {
            values[number - 1] = Range(found.range(at: i + 1), in: message).map { String(message[$0]) } ?? ""
        }
        return values
    }

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
