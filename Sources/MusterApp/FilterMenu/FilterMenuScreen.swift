import CourseKit
import Foundation
import TerminalUI

/// The roll call's filter chooser: one letter per filter; the roll call beneath takes the choice.
public struct FilterMenuState: Sendable, Equatable {
    public var current: MarkFilter
}

extension FilterMenuState: ScreenModel {
    var screen: Screen { .filterMenu(self) }
    var isModal: Bool { true }

    mutating func key(_ key: Key, _ context: inout ScreenContext) -> [Effect<AppAction>] {
        if key == .escape {
            context.dismiss()
            return []
        }
        guard case .char(let ch) = key, let filter = MarkFilter.allCases.first(where: { $0.key == ch }) else { return [.bell] }
        context.dismiss()
        context.post(.markFilterChosen(filter))
        return []
    }

    var footerHints: [FooterHint]? { [FooterHint(keys: "a u p x l e", label: "choose"), FooterHint(keys: "Esc", label: "cancel")] }

    func renderOverlay(into buffer: inout ScreenBuffer, theme: Theme, below: [Screen]) {
        let lines = MarkFilter.allCases.map { "[\($0.key)] \($0.rawValue)\($0 == current ? "  (now)" : "")" }
        Dialog(title: "Show", message: lines.joined(separator: "\n"), buttons: [], maxTextWidth: 30)
            .render(into: &buffer, rect: Rect(size: buffer.size), theme: theme)
    }
}
