import CourseKit
import Foundation
import TerminalUI

/// Keys on a form: typing edits the focused field; Tab/↓ and Shift-Tab/↑ move; ←/→ and
/// Space change a choice; Enter checks every field and saves; Esc cancels (asking first when
/// something was typed; Ctrl-C reaches it as Esc, see `MusterProgram.interrupted`). In a
/// country or agency field, Tab (or → at the end of the text) accepts the one match offered
/// under the form; with none offered Tab moves on as everywhere. The form closes when its
/// change comes back committed, and shows the refusal beside the field otherwise.
extension FormState: ScreenModel {
    var screen: Screen { .form(self) }
    var isModal: Bool { true }
    var acceptsPaste: Bool { fields.indices.contains(focus) && fields[focus].kind == .text }

    mutating func key(_ key: Key, _ context: inout ScreenContext) -> [Effect<AppAction>] {
        switch key {
        case .escape:
            let words = context.words
            guard isChanged else {
                context.dismiss()
                context.note(words.forms("form.notSaved"))
                return []
            }
            // Typed work is not thrown away on one key: Esc asks, y discards, n goes back to it.
            context.push(
                ConfirmState(
                    dialog: .confirm(
                        title: words.forms("form.discard.title"), message: words.forms("form.discard.question", title), destructive: true),
                    onYes: .discardForm))
        case .enter:
            guard let submission = FormCodec.submission(&self, words: context.words) else { return [.bell] }
            return [.run { [loaders = context.loaders, words = context.words] in loaders.save(submission, words: words) }]
        case .tab where acceptCompletion(.tab):
            return []
        case .right where acceptCompletion(.right):
            return []
        case .tab, .down:
            focus = (focus + 1) % max(1, fields.count)
            return proposal(context)
        case .backTab, .up:
            focus = (focus + max(1, fields.count) - 1) % max(1, fields.count)
            return proposal(context)
        default:
            guard fields.indices.contains(focus) else { return [] }
            var field = fields[focus]
            switch field.kind {
            case .choice(let options):
                switch key {
                case .right, .char(" "): field.choice = (field.choice + 1) % max(1, options.count)
                case .left: field.choice = (field.choice + options.count - 1) % max(1, options.count)
                default: return []
                }
            case .text:
                guard field.input.handle(key) else { return [] }
            }
            field.error = nil
            fields[focus] = field
            if needsAgencies { return [.run { [loaders = context.loaders] in loaders.formAgencies() }] }
        }
        return []
    }

    mutating func receive(_ action: AppAction, _ context: inout ScreenContext) -> [Effect<AppAction>]? {
        switch action {
        case .changed, .courseCopied:
            context.dismiss()
            return []
        case .perform(.discardForm, _):
            context.dismiss()
            context.note(context.words.forms("form.notSaved"))
            return []
        case .formFailed(let field, let message):
            fail(field: field, message)
            return [.bell]
        case .samePeople(let choice):
            // Someone in the library may be this person: ask before saving (SamePersonScreen).
            context.push(choice)
            return []
        case .perform(.addPersonAnyway, _):
            guard let submission = FormCodec.submission(&self, words: context.words) else { return [.bell] }
            return [
                .run { [loaders = context.loaders, words = context.words] in
                    loaders.save(submission, words: words, lookForSamePerson: false)
                }
            ]
        case .formAgencies(let list):
            agencies = list
            return []
        case .formCodeProposed(let code):
            takeProposal(code)
            return []
        default:
            return nil
        }
    }

    /// The next free code for the country typed, for a new person's form (`codeProposalCountry`).
    func proposal(_ context: ScreenContext) -> [Effect<AppAction>] {
        guard let country = codeProposalCountry else { return [] }
        return [.run { [loaders = context.loaders] in loaders.proposeCode(country: country) }]
    }

    func footerHints(_ words: Words) -> [FooterHint]? {
        [
            FooterHint(keys: "Enter", label: words.forms("footer.save")), FooterHint(keys: "Tab", label: words.forms("footer.next")),
            FooterHint(keys: "Esc", label: words.cancel),
        ]
    }

    func renderOverlay(into buffer: inout ScreenBuffer, theme: Theme, below: [Screen], words: Words) {
        FormView.render(self, into: &buffer, theme: theme, words: words)
    }
}

/// A form as a centred box: one line per field (label, value), the focused field's hint or
/// error under them, and the keys. Scrolls to keep the focus visible on a short screen.
enum FormView {
    /// The label column's least width: the English labels' longest, so their forms keep one
    /// layout whatever the labels.
    static let labelWidth = 15

    /// The label column: as wide as the longest label (Spanish says "Fecha de inicio" where
    /// English says "Start date"), at least `labelWidth`, and at most five twelfths of the box
    /// (22 columns at 60, 24 at 80) so the values keep room; a longer label is cut with an
    /// ellipsis, its beginning (which names the field) kept.
    static func labelColumn(_ f: FormState, frame: Rect) -> Int {
        let longest = f.fields.map(\.label.displayWidth).max() ?? 0
        return max(labelWidth, min(longest, 24, (frame.width - 4) * 5 / 12))
    }

    static func frame(_ f: FormState, size: Size) -> Rect {
        let width = min(72, size.width - 2)
        let height = min(f.fields.count + 5, size.height - 2)
        return Rect(x: (size.width - width) / 2, y: max(1, (size.height - height) / 2), width: width, height: height)
    }

    static func render(_ f: FormState, into buffer: inout ScreenBuffer, theme: Theme, words: Words) {
        let frame = frame(f, size: buffer.size)
        buffer.fill(frame, role: .dialog)
        buffer.box(frame, role: .border, glyphs: theme.glyphs, title: f.title)
        let rows = max(1, frame.height - 5)
        let first = min(max(0, f.focus - rows + 1), max(0, f.fields.count - rows))
        let labelWidth = labelColumn(f, frame: frame)
        let valueX = frame.x + 2 + labelWidth + 2
        let valueWidth = max(1, frame.maxX - 2 - valueX)
        for (line, index) in (first..<min(f.fields.count, first + rows)).enumerated() {
            let field = f.fields[index]
            let y = frame.y + 1 + line
            let focused = index == f.focus
            let label = (field.error == nil ? "" : "! ") + field.label
            buffer.putLine(
                label, in: Rect(x: frame.x + 2, y: y, width: labelWidth, height: 1),
                role: field.error != nil ? .error : focused ? .accent : .dialog, alignment: .right,
                ellipsis: theme.glyphs.ellipsis)
            let rect = Rect(x: valueX, y: y, width: valueWidth, height: 1)
            switch field.kind {
            case .text:
                if focused {
                    field.input.render(into: &buffer, rect: rect, theme: theme)
                } else {
                    buffer.putLine(field.input.text, in: rect, role: .dialog, ellipsis: theme.glyphs.ellipsis)
                }
            case .choice:
                let shown = field.shownValue
                let arrows = focused ? "\(theme.glyphs.arrowLeft) \(shown) \(theme.glyphs.arrowRight)" : shown
                buffer.putLine(arrows, in: rect, role: focused ? .input : .dialog, ellipsis: theme.glyphs.ellipsis)
            }
        }
        let focused = f.fields.indices.contains(f.focus) ? f.fields[f.focus] : nil
        let note: (String, StyleRole) =
            if let error = focused?.error {
                ("\(focused!.label): \(error)", .error)
            } else if let completion = f.completion {
                completion.line(
                    kind: f.completionKind(f.focus) == .agency ? "agency" : "country", arrow: theme.glyphs.arrowRight, words: words)
            } else if let message = f.message {
                (message, .error)
            } else {
                (focused?.hint ?? "", .dim)
            }
        let inner = Rect(x: frame.x + 2, y: frame.maxY - 3, width: frame.width - 4, height: 1)
        buffer.putLine(note.0, in: inner, role: note.1, ellipsis: theme.glyphs.ellipsis)
        buffer.putLine(
            words.forms(f.completion?.accepts != nil ? "form.keys.accept" : "form.keys"),
            in: Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: 1),
            role: .dim, ellipsis: theme.glyphs.ellipsis)
    }
}
