import TerminalUI

/// One screen of the stack. Modal ones (help, dialogs, prompts, menus, forms) are drawn over
/// the screen below.
///
/// This is the screen registry: a new screen is a folder with its state conforming to
/// `ScreenModel`, a case here with its line in `model`, and its keys in the key table.
public enum Screen: Sendable, Equatable {
    case courses(CourseListState)
    case sessions(SessionListState)
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
    case samePerson(SamePersonState)
    case sync(SyncState)

    /// The screen's model: the one switch over `Screen`, exhaustive, so a new case is a
    /// compile error until it is registered here.
    var model: any ScreenModel {
        get {
            switch self {
            case .courses(let s): s
            case .sessions(let s): s
            case .overview(let s): s
            case .rollCall(let s): s
            case .help(let s): s
            case .confirm(let s): s
            case .prompt(let s): s
            case .filterMenu(let s): s
            case .roster(let s): s
            case .person(let s): s
            case .nominations(let s): s
            case .search(let s): s
            case .menu(let s): s
            case .form(let s): s
            case .importRoster(let s): s
            case .sheetEntry(let s): s
            case .samePerson(let s): s
            case .sync(let s): s
            }
        }
        set { self = newValue.screen }
    }

    public var isModal: Bool { model.isModal }

    /// The key-table contexts in force, most specific first.
    public var keyContexts: [String] { model.keyContexts }
}
