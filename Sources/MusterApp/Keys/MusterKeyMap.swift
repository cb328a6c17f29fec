import TerminalUI

/// Muster's default key table, following docs/TUI-CONVENTIONS.md: htop/mutt/vi habits for moving,
/// one key per mark on the roll call, and "one" and "all" never on neighbouring keys
/// (`p` marks one person present, `P` — with a confirmation — everyone unmarked).
public enum MusterKeyMap {
    public static let standard = KeyMap(
        [
            // Global
            Binding(
                Command.help, keys: [.char("?"), .function(1)], description: "Show the keys of this screen", label: "help",
                showInFooter: true),
            Binding(
                Command.back, keys: [.char("q")], description: "Close this screen (quit at the course list)", label: "back",
                showInFooter: true),
            Binding(Command.quit, keys: [.char("Q")], description: "Quit Muster now", label: "quit"),
            Binding(Command.cancel, keys: [.escape], description: "Cancel a dialog, clear a filter or search", label: "cancel"),
            Binding(Command.redraw, keys: [.ctrl("l")], description: "Redraw the screen", label: "redraw"),
            Binding(Command.suspend, keys: [.ctrl("z")], description: "Suspend to the shell (fg resumes)", label: "suspend"),

            // Lists, shared by every table screen
            Binding(Command.down, keys: [.char("j"), .down], description: "Next row", label: "down", context: KeyContext.list),
            Binding(Command.up, keys: [.char("k"), .up], description: "Previous row", label: "up", context: KeyContext.list),
            Binding(Command.pageDown, keys: [.pageDown, .char(" ")], description: "Next page", label: "page", context: KeyContext.list),
            Binding(Command.pageUp, keys: [.pageUp, .char("b")], description: "Previous page", label: "page up", context: KeyContext.list),
            Binding(Command.halfDown, keys: [.ctrl("d")], description: "Half a page down", label: "½ down", context: KeyContext.list),
            Binding(Command.halfUp, keys: [.ctrl("u")], description: "Half a page up", label: "½ up", context: KeyContext.list),
            Binding(Command.first, keys: [.char("g"), .home], description: "First row", label: "first", context: KeyContext.list),
            Binding(Command.last, keys: [.char("G"), .end], description: "Last row", label: "last", context: KeyContext.list),
            Binding(
                Command.leave, keys: [.char("h"), .left, .backspace], description: "Back to the previous screen",
                label: "back", context: KeyContext.list),

            // Course list
            Binding(
                Command.open, keys: [.enter, .right, .char("l")], description: "Open the course", label: "open",
                context: KeyContext.courses, showInFooter: true),

            Binding(
                Command.findPerson, keys: [.char("/")], description: "Find a person in any course and open their history",
                label: "find person", context: KeyContext.courses, showInFooter: true),
            Binding(
                Command.sessions, keys: [.char("s")], description: "Every session of every course, in time order",
                label: "sessions", context: KeyContext.courses),
            Binding(
                Command.add, keys: [.char("a")], description: "Add a course", label: "add", context: KeyContext.courses,
                showInFooter: true),
            Binding(
                Command.edit, keys: [.char("e")], description: "Edit the course", label: "edit", context: KeyContext.courses,
                showInFooter: true),
            Binding(
                Command.delete, keys: [.char("d")], description: "Delete the course (asks first; only without attendance)",
                label: "delete", context: KeyContext.courses),
            Binding(
                Command.copyCourse, keys: [.char("c")], description: "Copy the course to make its next run (dates moved)",
                label: "copy", context: KeyContext.courses),
            Binding(
                Command.undoChange, keys: [.char("u")], description: "Undo the last change made in this run", label: "undo",
                context: KeyContext.courses),
            Binding(
                Command.sync, keys: [.char("y")], description: "Sync with other libraries: status, export, import, conflicts",
                label: "sync", context: KeyContext.courses),

            // Sync
            Binding(
                Command.syncServe, keys: [.char("s")],
                description: "Serve this library to paired devices (port 8731), or stop",
                label: "serve", context: KeyContext.sync, showInFooter: true),
            Binding(
                Command.syncWith, keys: [.char("w")],
                description: "Exchange every 5 s with a device that serves, or stop",
                label: "exchange", context: KeyContext.sync, showInFooter: true),
            Binding(
                Command.syncRename, keys: [.char("r")], description: "Rename this device: the name the other devices see",
                label: "rename", context: KeyContext.sync),
            Binding(
                Command.syncKeep, keys: [.enter, .right, .char("l")], description: "Choose which value of the conflict to keep",
                label: "resolve", context: KeyContext.sync, showInFooter: true),
            Binding(
                Command.syncExport, keys: [.char("e")], description: "Export the course chosen on the course list to a bundle",
                label: "export", context: KeyContext.sync, showInFooter: true),
            Binding(
                Command.syncExportAll, keys: [.char("E")], description: "Export every course to a bundle", label: "export all",
                context: KeyContext.sync),
            Binding(
                Command.syncImport, keys: [.char("i")], description: "Import a bundle, after a preview of what it adds",
                label: "import", context: KeyContext.sync, showInFooter: true),

            // Sessions of every course
            Binding(
                Command.open, keys: [.enter, .right, .char("l")], description: "Take the roll call of the session", label: "roll call",
                context: KeyContext.sessions, showInFooter: true),

            // Course overview
            Binding(
                Command.open, keys: [.enter, .right, .char("l")], description: "Take the roll call of the session", label: "roll call",
                context: KeyContext.overview, showInFooter: true),
            Binding(
                Command.roster, keys: [.char("r")], description: "Browse the roster: sort, filter, find, change nominations",
                label: "roster", context: KeyContext.overview, showInFooter: true),
            Binding(
                Command.matrix, keys: [.char("m")], description: "Attendance matrix: people × sessions with totals and completion",
                label: "matrix", context: KeyContext.overview, showInFooter: true),
            Binding(
                Command.nominations, keys: [.char("n")], description: "Nominations by country and agency against the quotas",
                label: "quotas", context: KeyContext.overview, showInFooter: true),
            Binding(
                Command.importRoster, keys: [.char("i")], description: "Import a roster file, after a preview of what it changes",
                label: "import", context: KeyContext.overview, showInFooter: true),
            Binding(Command.add, keys: [.char("a")], description: "Add a session", label: "add", context: KeyContext.overview),
            Binding(
                Command.edit, keys: [.char("e")], description: "Edit the session (times in the course's time zone)", label: "edit",
                context: KeyContext.overview),
            Binding(
                Command.editOther, keys: [.char("E")], description: "Edit the course", label: "edit course",
                context: KeyContext.overview),
            Binding(
                Command.delete, keys: [.char("d")], description: "Delete the session (asks first; only without attendance)",
                label: "delete", context: KeyContext.overview),
            Binding(
                Command.undoChange, keys: [.char("u")], description: "Undo the last change made in this run", label: "undo",
                context: KeyContext.overview),

            // Attendance matrix (beneath it, the roster's keys)
            Binding(
                Command.scrollLeft, keys: [.char("h"), .left], description: "Show earlier sessions", label: "earlier",
                context: KeyContext.matrix, showInFooter: true),
            Binding(
                Command.scrollRight, keys: [.char("l"), .right], description: "Show later sessions", label: "later",
                context: KeyContext.matrix, showInFooter: true),

            // Roster browser
            Binding(
                Command.search, keys: [.char("/")], description: "Find a person by part of their name or their code",
                label: "find", context: KeyContext.roster, showInFooter: true),
            Binding(
                Command.filter, keys: [.char("f")],
                description: "Filter by sex, country, agency, role, status or completion (filters combine)",
                label: "filter", context: KeyContext.roster, showInFooter: true),
            Binding(
                Command.sort, keys: [.char("s")], description: "Sort by the next column", label: "sort", context: KeyContext.roster,
                showInFooter: true),
            Binding(Command.reverse, keys: [.char("S")], description: "Reverse the order", label: "reverse", context: KeyContext.roster),
            Binding(
                Command.confirm, keys: [.char("c")], description: "Confirm the nomination (a walk-in: accept as a new person)",
                label: "confirm", context: KeyContext.roster, showInFooter: true),
            Binding(
                Command.status, keys: [.char("t")],
                description: "Change the nomination status: confirmed, declined, withdrawn, waitlisted, substituted by…",
                label: "status", context: KeyContext.roster, showInFooter: true),
            Binding(
                Command.merge, keys: [.char("M")], description: "Merge a duplicate in, or a walk-in into who they are",
                label: "merge", context: KeyContext.roster),
            Binding(
                Command.toggleMatrix, keys: [.char("m")], description: "Switch between the roster and the attendance matrix",
                label: "matrix", context: KeyContext.roster),
            Binding(
                Command.open, keys: [.enter, .right, .char("l")], description: "Open the person: details and history", label: "person",
                context: KeyContext.roster),
            Binding(
                Command.nextMatch, keys: [.char("n")], description: "Next match of the last search", label: "next match",
                context: KeyContext.roster),
            Binding(
                Command.previousMatch, keys: [.char("N")], description: "Previous match of the last search", label: "previous match",
                context: KeyContext.roster),
            Binding(
                Command.add, keys: [.char("a")], description: "Add a new person to the roster", label: "add", context: KeyContext.roster),
            Binding(
                Command.enrolExisting, keys: [.char("A")], description: "Add someone already in the library to the roster",
                label: "add existing", context: KeyContext.roster),
            Binding(
                Command.importRoster, keys: [.char("i")], description: "Import a roster file, after a preview of what it changes",
                label: "import", context: KeyContext.roster),
            Binding(
                Command.edit, keys: [.char("e")], description: "Edit the enrolment: role, status, note", label: "edit",
                context: KeyContext.roster),
            Binding(
                Command.editOther, keys: [.char("E")], description: "Edit the person: name, sex, country, agency, contacts",
                label: "edit person", context: KeyContext.roster),
            Binding(
                Command.delete, keys: [.char("d")], description: "Take the person off the roster (asks first; only without attendance)",
                label: "remove", context: KeyContext.roster),
            Binding(
                Command.undoChange, keys: [.char("u")], description: "Undo the last change made in this run", label: "undo",
                context: KeyContext.roster),

            // Person
            Binding(
                Command.open, keys: [.enter, .right, .char("l")], description: "Open the course", label: "course",
                context: KeyContext.person, showInFooter: true),
            Binding(
                Command.edit, keys: [.char("e")], description: "Edit the person", label: "edit", context: KeyContext.person,
                showInFooter: true),
            Binding(
                Command.auditTrail, keys: [.char("t")],
                description: "Switch to the audit trail: who changed what, when, where",
                label: "trail", context: KeyContext.person, showInFooter: true),
            Binding(
                Command.undoChange, keys: [.char("u")], description: "Undo the last change made in this run", label: "undo",
                context: KeyContext.person),
            Binding(
                Command.merge, keys: [.char("M")], description: "Merge another person's record into this one (shows what moves first)",
                label: "merge", context: KeyContext.person),
            Binding(
                Command.unmerge, keys: [.char("U")], description: "On the trail: unmerge the selected merge, restoring both people",
                label: "unmerge", context: KeyContext.person),

            // Nominations and quotas
            Binding(
                Command.open, keys: [.enter, .right, .char("l")], description: "Open the roster filtered to this country or agency",
                label: "roster", context: KeyContext.nominations, showInFooter: true),
            Binding(
                Command.edit, keys: [.char("e")], description: "Set the quota of this country or agency (edit, or add one)",
                label: "quota", context: KeyContext.nominations, showInFooter: true),
            Binding(
                Command.add, keys: [.char("a")], description: "Add a quota for a country or an agency", label: "add quota",
                context: KeyContext.nominations, showInFooter: true),
            Binding(
                Command.delete, keys: [.char("d")], description: "Remove this line's quota (asks first; u undoes)",
                label: "remove quota", context: KeyContext.nominations),
            Binding(
                Command.editOther, keys: [.char("E")], description: "Edit the agency of this line", label: "edit agency",
                context: KeyContext.nominations),
            Binding(
                Command.addOther, keys: [.char("A")], description: "Add an agency", label: "add agency",
                context: KeyContext.nominations),
            Binding(
                Command.undoChange, keys: [.char("u")], description: "Undo the last change made in this run", label: "undo",
                context: KeyContext.nominations),

            // Roll call
            Binding(
                Command.present, keys: [.char("p")], description: "Present, then the next person", label: "present",
                context: KeyContext.rollCall, showInFooter: true),
            Binding(
                Command.absent, keys: [.char("x")], description: "Absent, then the next person", label: "absent",
                context: KeyContext.rollCall, showInFooter: true),
            Binding(
                Command.late, keys: [.char("l")], description: "Late (asks the arrival time), then the next person",
                label: "late", context: KeyContext.rollCall, showInFooter: true),
            Binding(
                Command.departure, keys: [.char("d")], description: "Left early: asks when; the mark stays present or late",
                label: "left at", context: KeyContext.rollCall),
            Binding(
                Command.excused, keys: [.char("e")], description: "Excused (asks for a reason, may be left empty), then the next",
                label: "excused", context: KeyContext.rollCall, showInFooter: true),
            Binding(Command.clear, keys: [.char("0")], description: "Clear the mark", label: "clear", context: KeyContext.rollCall),
            Binding(
                Command.allPresent, keys: [.char("P")], description: "Mark everyone still unmarked present (asks first)",
                label: "all present", context: KeyContext.rollCall),
            Binding(
                Command.undo, keys: [.char("u")], description: "Undo the last mark made here", label: "undo",
                context: KeyContext.rollCall, showInFooter: true),
            Binding(
                Command.search, keys: [.char("/")], description: "Find a person by part of their name", label: "find",
                context: KeyContext.rollCall, showInFooter: true),
            Binding(
                Command.nextMatch, keys: [.char("n")], description: "Next match of the last search", label: "next match",
                context: KeyContext.rollCall),
            Binding(
                Command.previousMatch, keys: [.char("N")], description: "Previous match of the last search",
                label: "previous match", context: KeyContext.rollCall),
            Binding(
                Command.filter, keys: [.char("f")], description: "Show only unmarked, present, absent, late or excused",
                label: "filter", context: KeyContext.rollCall, showInFooter: true),
            Binding(
                Command.sheetEntry, keys: [.char("#")], description: "Marks from a paper sheet: its id, then row (or code) and letter",
                label: "from sheet", context: KeyContext.rollCall, showInFooter: true),
        ],
        contextTitles: [
            KeyContext.global: "Everywhere", KeyContext.list: "Moving in lists",
            KeyContext.courses: "Course list", KeyContext.sessions: "Sessions of every course", KeyContext.overview: "Course overview",
            KeyContext.rollCall: "Roll call", KeyContext.roster: "Roster", KeyContext.matrix: "Attendance matrix",
            KeyContext.person: "Person", KeyContext.nominations: "Nominations and quotas", KeyContext.sync: "Sync",
        ])
}
