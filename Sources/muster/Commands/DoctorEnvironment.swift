import CourseKit
import Foundation
import TerminalUI
import TerminalUICurses

/// The doctor's lines about this binary and where it runs: version, locale, terminal. Each
/// line that reports a problem says what to do about it.
enum DoctorEnvironment {
    static func say(_ key: String, _ arguments: any CVarArg...) -> String {
        CommandWords.words.format("doctor.\(key)", table: "Commands", arguments: arguments)
    }

    static func lines(environment: [String: String], binary: String) -> [String] {
        var lines = [say("version", MusterVersion.number, BuildCommit.id, binary)]
        lines.append(locale(environment))
        lines.append(language(environment))
        lines.append(terminal(environment))
        return lines
    }

    /// The locale the C library uses (the first set of LC_ALL, LC_CTYPE, LANG) and what it does
    /// to names.
    static func locale(_ environment: [String: String]) -> String {
        let name = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap { key in environment[key].flatMap { $0.isEmpty ? nil : "\(key)=\($0)" } }
            .first
        let shown = name ?? say("locale.none")
        return say(Theme.localeIsUTF8(environment: environment) ? "locale.utf8" : "locale.other", shown)
    }

    /// The language chosen here and where the catalogues were found: an installed Muster must
    /// read its own, not the build folder's.
    static func language(_ environment: [String: String]) -> String {
        let catalogues = say("catalogues", Language.allCases.map(\.rawValue).joined(separator: ", "), Words.resourcesPath)
        do {
            let chosen = try Language.choose(flag: nil, environment: environment)
            return say("language", chosen.rawValue, catalogues)
        } catch {
            return say("language.unknown", "\(error)", catalogues)
        }
    }

    /// The terminal type, what terminfo knows of it, and whether the full-screen interface can
    /// start here.
    static func terminal(_ environment: [String: String]) -> String {
        guard let term = environment["TERM"], !term.isEmpty, term != "dumb" else {
            return environment["TERM"] == nil ? say("terminal.unset") : say("terminal.dumb", NameSanitizer.clean(environment["TERM"]!))
        }
        guard let colors = TerminalCapabilities.colors(term: term) else {
            return say("terminal.unknown", NameSanitizer.clean(term))
        }
        let palette = colors >= 8 ? say("terminal.colours", String(colors)) : say("terminal.monochrome")
        let size = TerminalCapabilities.columns(fd: 1).map { say("terminal.width", String($0)) } ?? ""
        return say("terminal", NameSanitizer.clean(term), palette + size)
    }
}
