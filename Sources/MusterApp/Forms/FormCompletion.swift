import CourseKit
import Foundation
import TerminalUI

/// Completion while typing a country or an agency: the matches under the form, the one Tab (or
/// → at the end of the text) would accept. It reads the same matchers the save uses
/// (`Countries.match`, `AgencyMatch.find`), so what is offered is what would be saved.
public struct FormCompletion: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case country
        case agency
        /// A quota's group: a country or an agency, as the form's `scope` field says.
        case group
    }

    /// What the field may become, best first: the text Tab puts in and how it is shown.
    public var matches: [(text: String, shown: String)]
    /// More matches than are listed.
    public var more: Bool
    /// The text already names exactly this one: nothing to accept.
    public var settled: Bool

    /// The text Tab accepts: the only match, when the text is not already it.
    public var accepts: String? { !settled && matches.count == 1 && !more ? matches[0].text : nil }

    public static func == (a: FormCompletion, b: FormCompletion) -> Bool {
        a.more == b.more && a.settled == b.settled && a.matches.map(\.text) == b.matches.map(\.text)
            && a.matches.map(\.shown) == b.matches.map(\.shown)
    }

    static let listed = 3

    /// Countries complete to their name in `language` ("Belice (BZ)"), which the field then
    /// takes in as it takes a code or an English name.
    static func country(_ text: String, in language: Language) -> FormCompletion? {
        guard !text.isEmpty else { return nil }
        func name(_ code: String) -> String { Countries.name(of: code, in: language) ?? code }
        func shown(_ code: String) -> (String, String) { (name(code), "\(name(code)) (\(code))") }
        switch Countries.match(text, in: language) {
        case .found(let code):
            return FormCompletion(matches: [shown(code)], more: false, settled: Countries.code(for: text) != nil)
        case .ambiguous(let codes):
            let ordered = codes.sorted { name($0) < name($1) }
            return FormCompletion(matches: ordered.prefix(listed).map(shown), more: codes.count > listed, settled: false)
        case .none:
            return FormCompletion(matches: [], more: false, settled: false)
        }
    }

    /// Agencies complete to their code, the one name no two agencies share.
    static func agency(_ text: String, in agencies: [Agency]) -> FormCompletion? {
        guard !text.isEmpty else { return nil }
        func shown(_ a: Agency) -> (String, String) {
            (a.code, (a.acronym.isEmpty ? a.name : "\(a.acronym) — \(a.name)") + " (\(a.code))")
        }
        switch AgencyMatch.find(text, in: agencies) {
        case .found(let a):
            return FormCompletion(matches: [shown(a)], more: false, settled: NameFolding.fold(text) == NameFolding.fold(a.code))
        case .ambiguous(let list):
            let ordered = list.sorted { ($0.acronym.isEmpty ? $0.name : $0.acronym) < ($1.acronym.isEmpty ? $1.name : $1.acronym) }
            return FormCompletion(matches: ordered.prefix(listed).map(shown), more: list.count > listed, settled: false)
        case .none:
            return FormCompletion(matches: [], more: false, settled: false)
        }
    }

    /// "→ Guatemala (GT) · Tab accepts", "could be Guinea (GN), Guatemala (GT), Guyana (GY)…",
    /// "no country matches": one line under the form, in `words`' language (`noun` picks the
    /// catalogue's sentence, "country" or "agency"; the matches are the library's names).
    func line(kind noun: String, arrow: String, words: Words) -> (String, StyleRole) {
        if matches.isEmpty { return (words.forms("completion.none.\(noun)"), .error) }
        if settled { return ("= \(matches[0].shown)", .dim) }
        if accepts != nil { return (words.forms("completion.accepts", arrow, matches[0].shown), .accent) }
        return (words.forms("completion.could", matches.map(\.shown).joined(separator: ", ") + (more ? "…" : "")), .accent)
    }
}

extension FormState {
    /// What the field at `index` completes as, its scope read for a quota's group.
    func completionKind(_ index: Int) -> FormCompletion.Kind? {
        guard fields.indices.contains(index), fields[index].kind == .text, let kind = fields[index].completes else { return nil }
        if kind == .group { return value("scope") == QuotaScope.agency.rawValue ? .agency : .country }
        return kind
    }

    /// The completion of the focused field, nil when it completes nothing, is empty, or the
    /// agencies are not loaded yet.
    public var completion: FormCompletion? {
        switch completionKind(focus) {
        case .country: FormCompletion.country(fields[focus].input.text.trimmingCharacters(in: .whitespaces), in: language)
        case .agency: agencies.flatMap { FormCompletion.agency(fields[focus].input.text.trimmingCharacters(in: .whitespaces), in: $0) }
        default: nil
        }
    }

    /// Tab, or → with the cursor at the end: puts the offered match in the field. False when
    /// nothing is offered (then Tab moves to the next field, → moves the cursor).
    mutating func acceptCompletion(_ key: Key) -> Bool {
        guard let text = completion?.accepts else { return false }
        if key == .right && fields[focus].input.cursor < fields[focus].input.text.count { return false }
        fields[focus].input.setText(text)
        fields[focus].error = nil
        return true
    }

    /// True when an agency field needs the library's agencies to complete and they are not here.
    var needsAgencies: Bool { agencies == nil && completionKind(focus) == .agency }
}

extension FormState {
    /// A new person's form asks for a code whenever the focus moves while the code is empty or
    /// still the one proposed: the next free one for the country typed (`GT-006`).
    var codeProposalCountry: String? {
        guard case .person(nil, _) = purpose, value("code").isEmpty || value("code") == proposedCode else { return nil }
        if case .found(let code) = Countries.match(value("country"), in: language) { return code }
        return ""
    }

    /// Takes a proposed code, unless the person typed their own meanwhile.
    mutating func takeProposal(_ code: String) {
        guard let i = fields.firstIndex(where: { $0.id == "code" }), value("code").isEmpty || value("code") == proposedCode else { return }
        fields[i].input.setText(code)
        fields[i].error = nil
        proposedCode = code
    }
}

extension Loaders {
    func proposeCode(country: String) -> AppAction {
        attempt { .formCodeProposed(try store.people.proposedCode(country: country)) }
    }

    /// The agencies a form completes from.
    func formAgencies() -> AppAction {
        attempt { .formAgencies(try store.courses.agencies()) }
    }
}
