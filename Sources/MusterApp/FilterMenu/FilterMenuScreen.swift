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

    func footerHints(_ words: Words) -> [FooterHint]? {
        [
            FooterHint(keys: "a u p x l e", label: words.rollCall("filter.menu.choose")),
            FooterHint(keys: "Esc", label: words.cancel),
        ]
    }

    /// The keys stay the English letters in every language (they are the roll call's own mark keys).
    func renderOverlay(into buffer: inout ScreenBuffer, theme: Theme, below: [Screen], words: Words) {
        let now = words.rollCall("filter.menu.now")
        let lines = MarkFilter.allCases.map { "[\($0.key)] \($0.name(words))\($0 == current ? now : "")" }
        Dialog(title: words.rollCall("filter.menu.title"), message: lines.joined(separator: "\n"), buttons: [], maxTextWidth: 30)
            .render(into: &buffer, rect: Rect(size: buffer.size), theme: theme)
    }
}
