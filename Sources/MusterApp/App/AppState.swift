import CourseKit
import TerminalUI

/// The whole app as a value: the screen stack, the terminal size and the status message.
/// Everything the screen shows is derived from this by `MusterProgram.render`.
public struct AppState: Sendable {
    public var screens: ScreenStack<Screen>
    public var size: Size
    public var message: StatusMessage?
    /// Options from the command line that change how screens draw.
    public var options: AppOptions
    /// Logged changes made in this run, newest last: what `u` on a coordinator screen undoes.
    public var changes: [Int64] = []

    public init(options: AppOptions = AppOptions(), size: Size = Size(width: 80, height: 24)) {
        self.screens = ScreenStack(root: .courses(CourseListState()))
        self.size = size
        self.options = options
    }

    public var top: Screen { screens.top }
}

/// The message at the bottom left. Errors stay until the next key; information fades. A message
/// belongs to the screen it was said on: a key that opens another screen or closes that one
/// clears it (`MusterProgram.update`); words said while handling that key stay, so a dialog's
/// "Not saved" shows on the screen beneath it.
public struct StatusMessage: Sendable, Equatable {
    public var text: String
    public var isError: Bool
    public init(_ text: String, isError: Bool = false) { self.text = text; self.isError = isError }
}

/// What the command line decided about presentation and start-up.
public struct AppOptions: Sendable, Equatable {
    /// `--course CODE`: open straight on this course's current or next session.
    public var startCourse: String?
    public var mouse: Bool
    /// `--lang`, `MUSTER_LANG` or the locale (`Language.choose`): the language of every word the
    /// screens show. It lives in the state, not in a global, so a render stays a function of the
    /// state and tests in both languages run side by side.
    public var language: Language
    public init(startCourse: String? = nil, mouse: Bool = true, language: Language = .en) {
        self.startCourse = startCourse
        self.mouse = mouse
        self.language = language
    }
}
