import CourseKit
import Foundation
import TerminalUI

/// A one-line text question (the reason for an excused absence, an arrival time) and what
/// Enter does with it: the screen that asked takes `onSubmit` with the text, as a posted `perform`.
public struct PromptState: Sendable, Equatable {
    public var title: String
    public var message: String
    public var field: TextField
    public var onSubmit: PendingAction
    /// What Enter accepts; anything else keeps the prompt open and says why in `problem`.
    public var expects: PromptExpectation = .anything
    /// A filled-in default is replaced by the first character typed (as a selected field would
    /// be), so typing a time over it does not append to it; editing keys keep it.
    public var replacesDefault = false
    /// Why Enter did not take the text.
    public var problem: String?
    /// What the footer says Enter does: nil for "record" (a note or a time) in the app's
    /// language; a prompt that starts something else says what ("exchange", "rename").
    public var submitLabel: String?
}

/// What a prompt's text must be for Enter to take it.
public enum PromptExpectation: Sendable, Equatable {
    case anything
    /// A clock time on the session's day, in `zone` ("09:25").
    case clockTime(Session, zone: TimeZone)

    /// Why `text` will not do, in `words`' language, or nil when it will.
    func problem(with text: String, _ words: Words) -> String? {
        switch self {
        case .anything: return nil
        case .clockTime(let session, let zone):
            guard AttendanceTimes.clockTime(text, on: session, zone: zone) == nil else { return nil }
            return text.isEmpty ? words.app("time.none") : words.app("time.invalid", text)
        }
    }
}

extension PromptState: ScreenModel {
    var screen: Screen { .prompt(self) }
    var isModal: Bool { true }
    var acceptsPaste: Bool { true }

    mutating func key(_ key: Key, _ context: inout ScreenContext) -> [Effect<AppAction>] {
        switch key {
        case .escape:
            context.dismiss()
        case .enter:
            if let why = expects.problem(with: field.text, context.words) {
                problem = why
                return [.bell]
            }
            context.dismiss()
            context.post(.perform(onSubmit, text: field.text))
        default:
            if replacesDefault, case .char = key { field.clear() }
            replacesDefault = false
            problem = nil
            _ = field.handle(key)
        }
        return []
    }

    func footerHints(_ words: Words) -> [FooterHint]? {
        [FooterHint(keys: "Enter", label: submitLabel ?? words.app("footer.record")), FooterHint(keys: "Esc", label: words.cancel)]
    }

    func renderOverlay(into buffer: inout ScreenBuffer, theme: Theme, below: [Screen]) {
        PromptView.render(self, into: &buffer, area: Rect(size: buffer.size), theme: theme)
    }
}

/// A titled box with a message and one text field: the excused-reason question.
enum PromptView {
    static func render(_ p: PromptState, into buffer: inout ScreenBuffer, area: Rect, theme: Theme) {
        let width = min(max(40, p.title.displayWidth + 6, p.message.displayWidth + 4), area.width - 2)
        let height = 6
        let frame = Rect(
            x: area.x + (area.width - width) / 2, y: area.y + max(0, (area.height - height) / 2),
            width: width, height: min(height, area.height))
        buffer.fill(frame, role: .dialog)
        buffer.box(frame, role: .border, glyphs: theme.glyphs)
        buffer.put(" \(p.title) ", at: Point(x: frame.x + 2, y: frame.y), role: .dialog, maxWidth: frame.width - 4)
        buffer.put(p.message, at: Point(x: frame.x + 2, y: frame.y + 2), role: .dialog, maxWidth: frame.width - 4)
        p.field.render(into: &buffer, rect: Rect(x: frame.x + 2, y: frame.y + 3, width: frame.width - 4, height: 1), theme: theme)
        if let problem = p.problem, frame.height > 5 {
            buffer.put(problem, at: Point(x: frame.x + 2, y: frame.y + 4), role: .error, maxWidth: frame.width - 4)
        }
    }
}
