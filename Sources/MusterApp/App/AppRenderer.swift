import CourseKit
import Foundation
import TerminalUI

/// `state → ScreenBuffer`: header line, the screen's body, the footer, then any modal on top.
struct AppRenderer {
    let keyMap: KeyMap

    func render(_ state: AppState, size: Size, theme: Theme) -> ScreenBuffer {
        var buffer = ScreenBuffer(size: size, asciiText: theme.asciiText)
        let words = Words(state.options.language)
        let screens = state.screens.screens
        let baseIndex = screens.lastIndex { !$0.isModal } ?? 0
        let base = screens[baseIndex].model
        let header = base.render(into: &buffer, body: Layout.body(size), theme: theme, words: words)
        header.render(into: &buffer, rect: Rect(x: 0, y: 0, width: size.width, height: 1), theme: theme)
        let top = state.top.model
        renderFooter(state, base: base, top: top, into: &buffer, theme: theme, words: words)
        if top.isModal { top.renderOverlay(into: &buffer, theme: theme, below: screens.dropLast().reversed(), words: words) }
        return buffer
    }

    func renderFooter(
        _ state: AppState, base: any ScreenModel, top: any ScreenModel, into buffer: inout ScreenBuffer, theme: Theme, words: Words
    ) {
        let line = Rect(x: 0, y: buffer.size.height - 1, width: buffer.size.width, height: 1)
        if !top.isModal, let search = base.searchLine {
            Self.searchLine(search.field, status: search.status, into: &buffer, line: line, theme: theme)
            return
        }
        let hints = top.footerHints(words) ?? keyMap.footerHints(for: top.keyContexts, ascii: theme.ascii)
        let message = state.message
        StatusLine(message: message?.text ?? "", messageRole: message?.isError == true ? .error : .footer, hints: hints)
            .render(into: &buffer, rect: line, theme: theme)
    }

    /// The search line that replaces the footer while typing, like vi's and less's '/'.
    static func searchLine(_ field: TextField, status: String, into buffer: inout ScreenBuffer, line: Rect, theme: Theme) {
        buffer.fill(line, role: .input)
        buffer.put("/", at: Point(x: 0, y: line.y), role: .input, maxWidth: 1)
        let width = status.displayWidth
        field.render(into: &buffer, rect: Rect(x: 1, y: line.y, width: max(0, line.width - width - 3), height: 1), theme: theme)
        buffer.put(status, at: Point(x: line.maxX - width - 1, y: line.y), role: .dim, maxWidth: width)
    }
}
