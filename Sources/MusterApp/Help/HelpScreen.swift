import CourseKit
import Foundation
import TerminalUI

/// `?` anywhere: the keys of the screen below, from the key table, scrolled with j/k.
extension HelpOverlay: ScreenModel {
    var screen: Screen { .help(self) }
    var isModal: Bool { true }

    mutating func key(_ key: Key, _ context: inout ScreenContext) -> [Effect<AppAction>] {
        if handle(key, in: Rect(size: context.size)) { return [] }
        if [.escape, .char("q"), .char("?"), .function(1), .enter].contains(key) {
            context.dismiss()
        } else if key == .char("Q") {
            return [.quit]
        }
        return []
    }

    func footerHints(_ words: Words) -> [FooterHint]? {
        [
            FooterHint(keys: "j/k", label: words.text("help.scroll", table: "Keys")),
            FooterHint(keys: "Esc", label: words.text("help.close", table: "Keys")),
        ]
    }

    func renderOverlay(into buffer: inout ScreenBuffer, theme: Theme, below: [Screen]) {
        render(into: &buffer, rect: Rect(size: buffer.size), theme: theme)
    }
}
