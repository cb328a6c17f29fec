import CourseKit
import Foundation
import TerminalUI

/// A yes/no question and what "yes" does: the screen that asked takes `onYes`, as a posted
/// `perform`.
public struct ConfirmState: Sendable, Equatable {
    public var dialog: Dialog
    public var onYes: PendingAction
}

extension ConfirmState: ScreenModel {
    var screen: Screen { .confirm(self) }
    var isModal: Bool { true }

    mutating func key(_ key: Key, _ context: inout ScreenContext) -> [Effect<AppAction>] {
        switch dialog.outcome(for: key) {
        case .button("yes"):
            context.dismiss()
            context.post(.perform(onYes, text: ""))
        case .button, .cancelled:
            context.dismiss()
        case nil:
            break
        }
        return []
    }

    var footerHints: [FooterHint]? {
        [FooterHint(keys: "y", label: "yes"), FooterHint(keys: "n", label: "no"), FooterHint(keys: "Esc", label: "cancel")]
    }

    func renderOverlay(into buffer: inout ScreenBuffer, theme: Theme, below: [Screen]) {
        dialog.render(into: &buffer, rect: Rect(size: buffer.size), theme: theme)
    }
}
