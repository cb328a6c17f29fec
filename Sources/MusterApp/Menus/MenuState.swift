import CourseKit
import Foundation
import TerminalUI

/// One choice in a menu.
public struct MenuItem: Sendable, Equatable {
    /// What the choice means to the screen that asked (a facet value, a status, a person id).
    public var id: String
    public var label: String
    /// Right-aligned beside the label ("5", "GT · DGME").
    public var detail: String
    /// A letter that picks it at once, in menus without a search field.
    public var key: Character?

    public init(id: String, label: String, detail: String = "", key: Character? = nil) {
        self.id = id; self.label = label; self.detail = detail; self.key = key
    }
}

/// What a menu's choice is for.
public enum MenuPurpose: Sendable, Equatable {
    /// Which filter dimension to set (or "clear").
    case filterDimension
    case filterValue(RosterFacet)
    case nominationStatus(personID: Int64)
    /// Who replaces `personID`: searches the whole library.
    case substitute(personID: Int64)
    /// Which existing person the walk-in `personID` is: searches the whole library.
    case mergeInto(personID: Int64)
    /// Whose record is merged into `keepID` (any person): searches the whole library.
    case mergePerson(keepID: Int64)
    /// Someone already in the library to put on the roster: searches the whole library.
    case enrolFromLibrary
    /// Which value of the sync conflict to keep (an item's id is the candidate's origin).
    case syncKeep(conflict: String)

    /// Menus whose items come from searching the library as one types.
    var searchesLibrary: Bool {
        switch self {
        case .substitute, .mergeInto, .mergePerson, .enrolFromLibrary: true
        default: false
        }
    }
}

/// A centred list to choose from: keyed items (a letter picks one) or, for long lists, a field
/// that narrows them as one types. Esc closes, Enter takes the selected item.
public struct MenuState: Sendable, Equatable {
    public var title: String
    public var items: [MenuItem]
    public var table: TableState
    /// Present in menus that narrow by typing.
    public var field: TextField?
    public var purpose: MenuPurpose
    /// A line above the list ("Who replaces GT-001 Ana Pérez?").
    public var prompt: String
    /// What an empty list says; nil is the app's "Nothing to choose" in its language.
    public var emptyMessage: String?
    /// For the substitute picker: whose place is taken, whose people are listed first, and the
    /// "new person…" entry at the end.
    public var substituting: SubstitutePreference?

    public init(
        title: String, prompt: String = "", items: [MenuItem], searchable: Bool = false, purpose: MenuPurpose,
        emptyMessage: String? = nil
    ) {
        self.title = title; self.prompt = prompt; self.items = items; self.purpose = purpose
        self.emptyMessage = emptyMessage
        // The placeholder is the app's, in its language, when the menu is drawn (`MenuView`).
        self.field = searchable ? TextField(maxLength: 64) : nil
        self.table = TableState(rowCount: items.count)
    }

    /// Items shown: all, or those whose label or detail has a word starting with each typed
    /// fragment (folded, so "guat" finds "Guatemala"). Library searches narrow in the database.
    public var visible: [Int] {
        guard let text = field?.text, !text.isEmpty, !purpose.searchesLibrary else { return Array(items.indices) }
        let fragments = NameFolding.tokens(text)
        return items.indices.filter { i in
            let words = NameFolding.tokens(items[i].label + " " + items[i].detail)
            return fragments.allSatisfy { f in words.contains { $0.hasPrefix(f) } }
        }
    }

    public var selectedItem: MenuItem? {
        let shown = visible
        guard let i = table.selection, shown.indices.contains(i) else { return nil }
        return items[shown[i]]
    }

    mutating func setItems(_ new: [MenuItem]) {
        items = new
        table = TableState(rowCount: visible.count)
    }
}

/// What the substitute picker ranks by: the nominee's country and nominating agency (a
/// substitute usually comes from the same place), and the course, whose expected people it
/// leaves out of its suggestions.
public struct SubstitutePreference: Sendable, Equatable {
    public var personID: Int64
    public var country: String
    public var agencyID: Int64?
    public var courseID: Int64

    /// The id of the last item, "New person…": opens the add-person form.
    public static let newPerson = "new"

    /// "New person…", the picker's last item: opens the add-person form.
    static func newPersonItem(_ words: Words) -> MenuItem {
        MenuItem(id: newPerson, label: words.app("menu.newPerson"), detail: words.app("menu.notInLibrary"))
    }

    public init(personID: Int64, country: String, agencyID: Int64?, courseID: Int64) {
        self.personID = personID; self.country = country; self.agencyID = agencyID; self.courseID = courseID
    }
}
