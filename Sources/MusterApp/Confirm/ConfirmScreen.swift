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

    func footerHints(_ words: Words) -> [FooterHint]? {
        [
            FooterHint(keys: "y", label: words.app("footer.yes")), FooterHint(keys: "n", label: words.app("footer.no")),
            FooterHint(keys: "Esc", label: words.cancel),
        ]
    }

    /// The buttons are named in the app's language as the dialog is drawn, so a screen that
    /// asks need not; their keys stay y and n, as the footer says.
    func renderOverlay(into buffer: inout ScreenBuffer, theme: Theme, below: [Screen], words: Words) {
        var dialog = dialog
        for index in dialog.buttons.indices {
            switch dialog.buttons[index].id {
            case "yes" where dialog.buttons[index].label == "Yes": dialog.buttons[index].label = words.app("dialog.yes")
            case "no" where dialog.buttons[index].label == "No": dialog.buttons[index].label = words.app("dialog.no")
            default: break
            }
        }
        dialog.render(into: &buffer, rect: Rect(size: buffer.size), theme: theme)
    }
}

extension Words {
    /// A text the coordinator screens share: `key` in `App.strings`, its blanks filled.
    func app(_ key: String, _ arguments: any CVarArg...) -> String { say(key, in: "App", arguments) }

    /// `key` in `table` with its blanks filled by `format`'s rule (counts grouped as the
    /// language groups them): what each table's shorthand (`app`, `rollCall`, `nominations`)
    /// calls, as Swift cannot pass a variadic on.
    func say(_ key: String, in table: String, _ arguments: [any CVarArg]) -> String {
        format(key, table: table, arguments: arguments)
    }

    /// "cancel", the footer's word for Esc: the key table's own label for it.
    var cancel: String { text("global/app.cancel.label", table: "Keys") }
}
