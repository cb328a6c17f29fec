import CourseKit
import Foundation
import TerminalUI

/// What the form was about to do with the person typed in, and so what choosing someone
/// already in the library does instead.
public enum SamePersonIntent: Sendable, Equatable {
    /// Add them, on the roster of `courseID` as `role` and `status` when there is one.
    case add(courseID: Int64?, role: Role, status: NominationStatus)
    /// Put them in the place of `personID` (`name`) on the roster of `courseID`.
    case substitute(personID: Int64, name: String, courseID: Int64)
}

/// Shown instead of saving a new person when the library has someone with the same e-mail, or
/// the same name and country (`People.samePerson`): the coordinator enrols (or substitutes)
/// that person, adds the new one anyway when only the name agrees, or goes back to the form,
/// which is kept as typed. A person typed in twice otherwise becomes two people that later
/// imports cannot tell apart ("matches 2 people").
public struct SamePersonState: Sendable, Equatable {
    /// The person as the form read them (not saved).
    public var typed: Person
    public var candidates: [SamePersonCandidate]
    public var intent: SamePersonIntent
    public var table: TableState
    /// Why the last key did nothing ("already on this roster"), shown in the box.
    public var message: String?

    public init(typed: Person, candidates: [SamePersonCandidate], intent: SamePersonIntent) {
        self.typed = typed; self.candidates = candidates; self.intent = intent
        table = TableState(rowCount: candidates.count)
    }

    /// Someone with the typed e-mail: the same person, so `n` (add anyway) is refused.
    public var emailTaken: SamePersonCandidate? { candidates.first(where: \.sameEmail) }

    public var selected: SamePersonCandidate? {
        table.selection.flatMap { candidates.indices.contains($0) ? candidates[$0] : nil }
    }

    /// What Enter does, for the keys line: "enrol them", "open" or "substitute by them".
    func enterLabel(_ words: Words) -> String {
        switch intent {
        case .add(let course, _, _): words.forms(course == nil ? "same.footer.open" : "same.footer.enrol")
        case .substitute: words.forms("same.footer.substitute")
        }
    }
}

/// Raw keys: ↑/↓ (j/k) choose, Enter or `e` takes the chosen person, `n` adds the typed one as
/// someone new, Esc goes back to the form.
extension SamePersonState: ScreenModel {
    var screen: Screen { .samePerson(self) }
    var isModal: Bool { true }

    mutating func key(_ key: Key, _ context: inout ScreenContext) -> [Effect<AppAction>] {
        message = nil
        let words = context.words
        switch key {
        case .escape:
            context.dismiss()
            context.note(words.forms("same.notSaved"))
        case .down, .char("j"):
            table.moveDown(height: candidates.count)
        case .up, .char("k"):
            table.moveUp(height: candidates.count)
        case .enter, .char("e"):
            guard let chosen = selected, let id = chosen.person.id else { return [.bell] }
            return take(chosen, id: id, &context)
        case .char("n"):
            if let same = emailTaken {
                message = words.forms("same.notAdded", same.person.code, same.person.email)
                return [.bell]
            }
            context.dismiss()
            context.post(.perform(.addPersonAnyway, text: ""))
        default:
            break
        }
        return []
    }

    /// Enrols or substitutes the chosen person, unless they are on the roster already.
    private mutating func take(_ chosen: SamePersonCandidate, id: Int64, _ context: inout ScreenContext) -> [Effect<AppAction>] {
        let who = "\(chosen.person.code) \(chosen.person.displayName)", words = context.words
        switch intent {
        case .add(let courseID, let role, let status):
            guard let courseID else {
                context.dismiss()
                context.post(.perform(.discardForm, text: ""))
                return context.open(PersonState(personID: id))
            }
            if let now = chosen.status(inCourse: courseID) {
                message = words.forms("same.onRoster", who, words.term(now))
                return [.bell]
            }
            return context.change { try $0.nominations.enrol(personID: id, courseID: courseID, role: role, status: status) }
        case .substitute(let personID, _, let courseID):
            if let now = chosen.status(inCourse: courseID), now.isExpected {
                message = words.forms("same.expected", who, words.term(now))
                return [.bell]
            }
            return context.change { try $0.nominations.substitute(courseID: courseID, personID: personID, by: id) }
        }
    }

    mutating func receive(_ action: AppAction, _ context: inout ScreenContext) -> [Effect<AppAction>]? {
        switch action {
        case .changed:
            context.dismiss()
            return []
        default:
            return nil
        }
    }

    func footerHints(_ words: Words) -> [FooterHint]? {
        var hints = [FooterHint(keys: "↑↓", label: words.forms("same.footer.choose")), FooterHint(keys: "Enter", label: enterLabel(words))]
        if emailTaken == nil { hints.append(FooterHint(keys: "n", label: words.forms("same.footer.addNew"))) }
        hints.append(FooterHint(keys: "Esc", label: words.forms("same.footer.back")))
        return hints
    }

    func renderOverlay(into buffer: inout ScreenBuffer, theme: Theme, below: [Screen], words: Words) {
        SamePersonView.render(self, into: &buffer, theme: theme, words: words)
    }
}

/// The choice as a centred box: what matched, the people (code, name, country, agency, e-mail,
/// courses), a line for a refusal, and the keys.
enum SamePersonView {
    static func frame(_ s: SamePersonState, size: Size) -> Rect {
        let width = min(78, size.width - 2)
        let height = min(s.candidates.count + 9, size.height - 2)
        return Rect(x: (size.width - width) / 2, y: max(1, (size.height - height) / 2), width: width, height: height)
    }

    /// "ana@x.org is GT-001 Ana Pérez's e-mail: the same person." or "Ana Pérez (GT) may be in
    /// the library already:".
    static func headline(_ s: SamePersonState, _ words: Words) -> String {
        let name = s.typed.displayName
        if let same = s.emailTaken {
            return words.forms("same.email", s.typed.email, same.person.code, same.person.displayName)
        }
        let country = s.typed.country.isEmpty ? "" : " (\(s.typed.country))"
        return s.candidates.count == 1
            ? words.forms("same.one", name + country)
            : words.forms("same.many", name + country, s.candidates.count)
    }

    /// The keys line: what Enter does first (cut last on a narrow screen), then n and Esc.
    static func action(_ s: SamePersonState, _ words: Words) -> String {
        switch s.intent {
        case .add(let course, _, _):
            let enter = words.forms(course == nil ? "same.enter.open" : "same.enter.enrol")
            return s.emailTaken == nil ? words.forms("same.action.add", enter, s.typed.code) : words.forms("same.action.only", enter)
        case .substitute(_, let name, _):
            return words.forms(s.emailTaken == nil ? "same.replace.add" : "same.replace.only", name, s.typed.code)
        }
    }

    /// The columns titled in `words`' language; the fixed ones are as wide as "CÓDIGO" and "PAÍS".
    static func columns(_ words: Words) -> [TableColumn] {
        [
            TableColumn(words.forms("same.column.code"), width: .fixed(8)),
            TableColumn(words.forms("same.column.name"), width: .flexible(min: 10, weight: 2)),
            TableColumn(words.forms("same.column.country"), width: .fixed(4)),
            TableColumn(words.forms("same.column.agency"), width: .flexible(min: 6, weight: 1)),
            TableColumn(words.forms("same.column.email"), width: .flexible(min: 8, weight: 3)),
            TableColumn(words.forms("same.column.courses"), width: .flexible(min: 7, weight: 2)),
        ]
    }

    /// "mini-2024, palau-mmc-2024 +1": the first two courses and how many more.
    static func courses(_ c: SamePersonCandidate, _ words: Words) -> String {
        guard !c.courses.isEmpty else { return words.forms("same.courses.none") }
        let shown = c.courses.prefix(2).map(\.code).joined(separator: ", ")
        return c.courses.count > 2 ? "\(shown) +\(c.courses.count - 2)" : shown
    }

    static func render(_ s: SamePersonState, into buffer: inout ScreenBuffer, theme: Theme, words: Words) {
        let frame = frame(s, size: buffer.size)
        buffer.fill(frame, role: .dialog)
        buffer.box(frame, role: .border, glyphs: theme.glyphs, title: words.forms("same.title"))
        let inner = Rect(x: frame.x + 2, y: frame.y + 1, width: frame.width - 4, height: frame.height - 2)
        func line(_ text: String, _ y: Int, _ role: StyleRole) {
            buffer.putLine(text, in: Rect(x: inner.x, y: y, width: inner.width, height: 1), role: role, ellipsis: theme.glyphs.ellipsis)
        }
        line(headline(s, words), inner.y, s.emailTaken == nil ? .dialog : .warning)
        let list = Rect(x: inner.x, y: inner.y + 2, width: inner.width, height: max(1, inner.height - 5))
        TableView(
            columns: columns(words), state: s.table, emptyMessage: words.forms("same.nobody"),
            row: { i in
                let c = s.candidates[i]
                return TableRow(
                    [c.person.code, c.person.displayName, c.person.country, c.agency?.shortName ?? "", c.person.email, courses(c, words)],
                    role: .dialog, cellRoles: [nil, nil, nil, nil, c.sameEmail ? .warning : nil, .dim])
            }
        ).render(into: &buffer, rect: list, theme: theme)
        if let message = s.message {
            line(message, inner.maxY - 2, .error)
        } else if let c = s.selected {
            let why = words.forms(c.sameEmail ? "same.why.email" : "same.why.name")
            line("\(c.person.code): \(why)", inner.maxY - 2, .dim)
        }
        line(action(s, words), inner.maxY - 1, .dim)
    }
}
