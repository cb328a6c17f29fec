import CourseKit
import Foundation
import TerminalUI

/// A one-line text question (the reason for an excused absence) and what Enter does with it:
/// the screen that asked takes `onSubmit` with the text, as a posted `perform`.
public struct PromptState: Sendable, Equatable {
    public var title: String
    public var message: String
    public var field: TextField
    public var onSubmit: PendingAction
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
            context.dismiss()
            context.post(.perform(onSubmit, text: field.text))
        default:
            _ = field.handle(key)
        }
        return []
    }

    var footerHints: [FooterHint]? { [FooterHint(keys: "Enter", label: "record"), FooterHint(keys: "Esc", label: "cancel")] }

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
    }
}
