import TerminalUI

/// Every command of the app, by stable id. Screens dispatch on these; the key table below
/// gives them keys, so a config file can rebind any of them without touching a screen.
///
/// An id's prefix says where it is bound: a screen's context ("rollcall.present" only on the
/// roll call), or a family shared by several screens — `app.` everywhere, `list.` on the screens
/// with a list (moving, opening, finding, filtering), `edit.` on the coordinator screens.
/// `KeyMapInvariantTests` holds the table to it.
public enum Command {
    // Global
    public static let help: CommandID = "app.help"
    public static let back: CommandID = "app.back"
    public static let quit: CommandID = "app.quit"
    public static let redraw: CommandID = "app.redraw"
    public static let suspend: CommandID = "app.suspend"
    public static let cancel: CommandID = "app.cancel"

    // Lists
    public static let down: CommandID = "list.down"
    public static let up: CommandID = "list.up"
    public static let pageDown: CommandID = "list.pageDown"
    public static let pageUp: CommandID = "list.pageUp"
    public static let halfDown: CommandID = "list.halfPageDown"
    public static let halfUp: CommandID = "list.halfPageUp"
    public static let first: CommandID = "list.first"
    public static let last: CommandID = "list.last"
    public static let open: CommandID = "list.open"
    public static let leave: CommandID = "list.leave"

    // Roll call
    public static let present: CommandID = "rollcall.present"
    public static let absent: CommandID = "rollcall.absent"
    public static let late: CommandID = "rollcall.late"
    public static let excused: CommandID = "rollcall.excused"
    public static let clear: CommandID = "rollcall.clear"
    public static let departure: CommandID = "rollcall.departure"
    public static let allPresent: CommandID = "rollcall.allPresent"
    public static let undo: CommandID = "rollcall.undo"
    public static let search: CommandID = "list.search"
    public static let nextMatch: CommandID = "list.nextMatch"
    public static let previousMatch: CommandID = "list.previousMatch"
    public static let filter: CommandID = "list.filter"
    /// Type marks back from a paper sign-in sheet by participant code.
    public static let sheetEntry: CommandID = "rollcall.sheetEntry"

    // Coordinator screens
    public static let findPerson: CommandID = "courses.findPerson"
    /// Every session of every course, in time order.
    public static let sessions: CommandID = "courses.sessions"
    public static let roster: CommandID = "overview.roster"
    public static let matrix: CommandID = "overview.matrix"
    public static let nominations: CommandID = "overview.nominations"
    /// Import a roster file into the course, after a preview.
    public static let importRoster: CommandID = "edit.importRoster"
    public static let sort: CommandID = "roster.sort"
    public static let reverse: CommandID = "roster.reverse"
    public static let toggleMatrix: CommandID = "roster.toggleMatrix"
    public static let confirm: CommandID = "roster.confirm"
    public static let status: CommandID = "roster.status"
    /// Merge two records of one person: the roster (a walk-in, or anyone) and the person view.
    public static let merge: CommandID = "edit.merge"
    /// Put someone already in the library on the roster.
    public static let enrolExisting: CommandID = "roster.enrolExisting"
    public static let scrollLeft: CommandID = "matrix.left"
    public static let scrollRight: CommandID = "matrix.right"

    // Editing, on every coordinator screen
    public static let add: CommandID = "edit.add"
    public static let edit: CommandID = "edit.edit"
    /// The screen's second thing to edit: the course on the overview, the person on the roster.
    public static let editOther: CommandID = "edit.editOther"
    /// The screen's second thing to add: an agency on the nominations screen (quotas are `a`).
    public static let addOther: CommandID = "edit.addOther"
    public static let delete: CommandID = "edit.delete"
    /// The course list: a course's next run, every date moved.
    public static let copyCourse: CommandID = "edit.copyCourse"
    public static let undoChange: CommandID = "edit.undo"
    /// The person view: switch between training history and audit trail.
    public static let auditTrail: CommandID = "person.auditTrail"
    /// The person view's trail: undo the selected merge (`M` merges, as on the roster).
    public static let unmerge: CommandID = "person.unmerge"

    // Sync
    /// The course list: the sync screen (status, export, import, conflicts).
    public static let sync: CommandID = "courses.sync"
    public static let syncExport: CommandID = "sync.export"
    public static let syncExportAll: CommandID = "sync.exportAll"
    public static let syncImport: CommandID = "sync.import"
    /// Choose which value of the selected conflict to keep.
    public static let syncKeep: CommandID = "sync.keep"
    /// Start or stop serving this library to paired devices (live sync).
    public static let syncServe: CommandID = "sync.serve"
    /// Start exchanging with a serving device (asks its address and pairing code), or stop.
    public static let syncWith: CommandID = "sync.with"
    /// Rename this device: the name the other devices see.
    public static let syncRename: CommandID = "sync.rename"
}

/// The contexts of the key table: one per screen, beneath them `global` and `list`.
public enum KeyContext {
    public static let global = KeyMap.global
    public static let list = "list"
    public static let courses = "courses"
    public static let sessions = "sessions"
    public static let overview = "overview"
    public static let rollCall = "rollcall"
    public static let roster = "roster"
    /// Beneath `roster` when the roster shows as the attendance matrix.
    public static let matrix = "matrix"
    public static let person = "person"
    public static let nominations = "nominations"
    public static let sync = "sync"
}
