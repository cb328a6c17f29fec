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

/// One screen of the stack. Modal ones (help, dialogs, prompts) are drawn over the screen below.
public enum Screen: Sendable, Equatable {
    case courses(CourseListState)
    case overview(OverviewState)
    case rollCall(RollCallState)
    case help(HelpOverlay)
    case confirm(ConfirmState)
    case prompt(PromptState)
    case filterMenu(FilterMenuState)
    case roster(RosterState)
    case person(PersonState)
    case nominations(NominationsState)
    case search(PeopleSearchState)
    case menu(MenuState)
    case form(FormState)
    case importRoster(ImportRosterState)
    case sheetEntry(SheetEntryState)

    public var isModal: Bool {
        switch self {
        case .courses, .overview, .rollCall, .roster, .person, .nominations, .search: false
        case .help, .confirm, .prompt, .filterMenu, .menu, .form, .importRoster, .sheetEntry: true
        }
    }

    /// Screens that take raw keys for typing rather than commands from the key table.
    var takesTyping: Bool {
        switch self {
        case .prompt, .confirm, .filterMenu, .help, .menu, .form, .search, .importRoster, .sheetEntry: true
        case .rollCall(let s): s.search != nil
        case .roster(let s): s.search != nil
        default: false
        }
    }

    /// The key-table contexts in force, most specific first.
    public var keyContexts: [String] {
        switch self {
        case .courses: [KeyContext.courses, KeyContext.list, KeyContext.global]
        case .overview: [KeyContext.overview, KeyContext.list, KeyContext.global]
        case .rollCall: [KeyContext.rollCall, KeyContext.list, KeyContext.global]
        case .roster(let s) where s.mode == .matrix: [KeyContext.matrix, KeyContext.roster, KeyContext.list, KeyContext.global]
        case .roster: [KeyContext.roster, KeyContext.list, KeyContext.global]
        case .person: [KeyContext.person, KeyContext.list, KeyContext.global]
        case .nominations: [KeyContext.nominations, KeyContext.list, KeyContext.global]
        case .help, .confirm, .prompt, .filterMenu, .menu, .form, .search, .importRoster, .sheetEntry: [KeyContext.global]
        }
    }
}

/// The message at the bottom left. Errors stay until the next key; information fades.
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
    public init(startCourse: String? = nil, mouse: Bool = true) {
        self.startCourse = startCourse
        self.mouse = mouse
    }
}

/// A yes/no question and what "yes" does.
public struct ConfirmState: Sendable, Equatable {
    public var dialog: Dialog
    public var onYes: PendingAction
}

/// A one-line text question (the reason for an excused absence) and what Enter does with it.
public struct PromptState: Sendable, Equatable {
    public var title: String
    public var message: String
    public var field: TextField
    public var onSubmit: PendingAction
}

/// The roll call's filter chooser.
public struct FilterMenuState: Sendable, Equatable {
    public var current: MarkFilter
}

/// Work a dialog starts when the user agrees; kept as data so dialogs stay comparable in tests.
public enum PendingAction: Sendable, Equatable {
    case markAllPresent(personIDs: [Int64])
    case excuse(personID: Int64)
    case deleteCourse(id: Int64)
    case deleteSession(id: Int64)
    case removeEnrolment(courseID: Int64, personID: Int64)
}
