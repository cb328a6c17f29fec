import CourseKit
import Foundation
import TerminalUI
import TerminalUICurses

/// The doctor's lines about this binary and where it runs: version, locale, terminal. Each
/// line that reports a problem says what to do about it.
enum DoctorEnvironment {
    static func lines(environment: [String: String], binary: String) -> [String] {
        var lines = ["muster: \(MusterVersion.number), commit \(BuildCommit.id), at \(binary)"]
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
        let shown = name ?? "none set, so C"
        if Theme.localeIsUTF8(environment: environment) {
            return "locale: \(shown) (UTF-8) — names show as written"
        }
        return
            "locale: \(shown) (not UTF-8) — on a terminal names show in ASCII letters (accents dropped, other scripts spelled in Latin) and marks as letters; "
            + "set LANG=C.UTF-8 (or a UTF-8 locale of your language, e.g. es_ES.UTF-8) to see them as written"
    }

    /// The language chosen here and where the catalogues were found: an installed Muster must
    /// read its own, not the build folder's.
    static func language(_ environment: [String: String]) -> String {
        let catalogues = "catalogues \(Language.allCases.map(\.rawValue).joined(separator: ", ")) in \(Words.resourcesPath)"
        do {
            let chosen = try Language.choose(flag: nil, environment: environment)
            return "language: \(chosen.rawValue) (--lang, MUSTER_LANG, a course's language: and the locale choose it); \(catalogues)"
        } catch {
            return "language: \(error) — unset MUSTER_LANG or set it to one of them; \(catalogues)"
        }
    }

    /// The terminal type, what terminfo knows of it, and whether the full-screen interface can
    /// start here.
    static func terminal(_ environment: [String: String]) -> String {
        guard let term = environment["TERM"], !term.isEmpty, term != "dumb" else {
            return "terminal: TERM is \(environment["TERM"] == nil ? "not set" : "\"\(environment["TERM"]!)\"") — "
                + "the screens cannot start (the commands work); in a terminal set TERM, e.g. export TERM=xterm-256color"
        }
        guard let colors = TerminalCapabilities.colors(term: term) else {
            return "terminal: TERM=\(NameSanitizer.clean(term)) is not in this machine's terminfo — the screens cannot start; "
                + "install ncurses-term or use TERM=xterm-256color"
        }
        let palette = colors >= 8 ? "\(colors) colours" : "no colours (monochrome screens)"
        let size = TerminalCapabilities.columns(fd: 1).map { ", \($0) columns wide" } ?? ""
        return "terminal: TERM=\(NameSanitizer.clean(term)), \(palette)\(size); NO_COLOR=1 or --no-color for monochrome"
    }
}
