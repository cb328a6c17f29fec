import CourseKit
import Foundation
import TerminalUI

/// Everything that can happen to the app: commands from keys, raw keys for text fields,
/// and the results of database work coming back from effects.
public enum AppAction: Sendable {
    /// The first action: loads what the first screens show.
    case start
    case command(CommandID)
    /// A key for the text field or dialog on top (typing is not a command).
    case key(Key)
    case mouse(MouseEvent)
    case resized(Size)
    case tick
    case clearMessage(String)
    /// A paste arrived where no text field has the focus: dropped, and said so briefly.
    case pasteIgnored

    // Results of effects
    case coursesLoaded([CourseSummary])
    /// The first screenful of the course list, for its first frame; the whole list follows.
    case courseListHeadLoaded([CourseSummary])
    /// Read the whole course list now (sent by a timer, so the head's frame is drawn first).
    case courseListWholeWanted
    /// The course list's attendance rates of the courses `courseIDs` (those near the rows on
    /// screen), loaded after its first frame (`Courses.attendanceTotals`).
    case courseRatesLoaded([Int64: SessionMarkTotals], courseIDs: [Int64])
    /// Every session of every course in time order, and the one running now or next.
    case sessionsLoaded([SessionListRow], current: Int64?)
    case overviewLoaded(OverviewData)
    case rollCallLoaded(RollCallLoad)
    case rollCallPageLoaded(query: RosterQuery, page: Int, RollCallPage)
    /// A session's counts read again after a mark (`Loaders.rollCallCounts`).
    case rollCallCounted(sessionID: Int64, RollCallCounts)
    /// Where the roll call's search found `text` (nil: nowhere).
    case rollCallFound(query: RosterQuery, text: String, Int?)
    /// A committed mark and the current mark that resulted, as the store derived it; `name`
    /// is whom it marked, for the status line.
    case marked(MarkOutcome, name: String, advance: Bool)
    /// Marks written and logged together (`P`): one entry on the roll call's undo stack.
    case markedBatch(BatchOutcome)
    case undone(MarkOutcome)
    /// A batch undone in one transaction: every person's mark as it now is.
    case undoneBatch(changeID: Int64, [MarkOutcome])
    case failed(String)

    // Coordinator screens
    case rosterLoaded(RosterLoad)
    case rosterPageLoaded(query: RosterQuery, page: Int, RosterPage)
    case rosterTotalsLoaded(query: RosterQuery, [Int64: SessionMarkTotals])
    case rosterFound(query: RosterQuery, text: String, Int?)
    case rosterFacetLoaded(RosterFacet, [RosterFacetValue])
    case personLoaded(PersonDetails)
    case nominationsLoaded(code: String, Course, [QuotaLine])
    case peopleFound(query: String, [PersonHit])
    /// Items for a menu that searches the library as one types (a substitute, a merge target).
    case menuItems(query: String, [MenuItem])
    /// What merging two people would do, for the confirm screen (`M` on the person view or roster).
    case mergePreviewLoaded(MergePreview)
    /// A logged change was committed (a nomination, an edit, a deletion): say so, remember it for
    /// undo, and reload what shows.
    case changed(ChangeRecord)
    case changeUndone(ChangeRecord)
    /// A form could not be saved; `field` names the field to put the message beside.
    case formFailed(field: String?, message: String)
    /// A form whose values had to be read first (an agency).
    case openForm(FormState)
    /// A new person's form found people already in the library they may be: the form shows the choice.
    case samePeople(SamePersonState)
    /// The library's agencies, for a form's agency field to complete from.
    case formAgencies([Agency])
    /// The next free participant code, for a new person's form to propose.
    case formCodeProposed(String)
    /// A roster import's preview, receipt or failure.
    case rosterImport(RosterImportResult)
    /// A mark (or undo) typed from a paper sign-in sheet, committed.
    case sheetEntry(SheetEntryResult)
    /// The sheet entry's rows, read when it opens.
    case sheetRowsLoaded(SheetEntryRows)
    /// The sync screen's status, an export's, import's or resolution's result.
    case sync(SyncResult)

    // Posted by a screen for the screens beneath it
    /// A dialog's "yes" or a prompt's Enter: the screen that asked does the work.
    case perform(PendingAction, text: String)
    /// The roll call's filter chooser picked a filter.
    case markFilterChosen(MarkFilter)
    /// A menu's choice, for the screen that opened the menu.
    case menuChosen(MenuPurpose, MenuItem)
    /// A roster file was imported into a course: its overview opens the roster, a roster reloads.
    case rosterImported(courseCode: String)
    /// A course was copied to make its next run: the form closes, the course list shows it.
    case courseCopied(code: String, summary: String)

    /// What the user did (a key, a command, a click), as opposed to results arriving.
    var isInput: Bool {
        switch self {
        case .command, .key, .mouse: true
        default: false
        }
    }

    /// A logged change was committed or undone.
    var isChange: Bool {
        switch self {
        case .changed, .changeUndone: true
        default: false
        }
    }

    /// Actions every screen on the stack may take (a change reloads every screen that shows
    /// what it touched; a mark reaches both the sheet entry and the roll call beneath it).
    /// Any other action is taken by the topmost screen that wants it.
    var reachesEveryScreen: Bool {
        switch self {
        case .changed, .changeUndone, .marked, .markedBatch, .undone, .undoneBatch, .sheetEntry, .courseCopied: true
        default: false
        }
    }
}

/// Work a dialog starts when the user agrees; kept as data so dialogs stay comparable in tests.
public enum PendingAction: Sendable, Equatable {
    /// `P` on the roll call: everyone still unmarked, read when the user agrees.
    case markAllPresent
    case excuse(personID: Int64)
    /// Late, arriving at the prompt's time.
    case late(personID: Int64)
    /// Left at the prompt's time, keeping present or late.
    case departure(personID: Int64)
    case deleteCourse(id: Int64)
    case deleteSession(id: Int64)
    case removeEnrolment(courseID: Int64, personID: Int64)
    /// Close a form whose changes the user chose not to keep.
    case discardForm
    /// Merge `otherID` into `keepID`, after the preview was confirmed.
    case mergePeople(keepID: Int64, otherID: Int64)
    /// Undo the merge logged as this change (the person view's trail, `U`).
    case unmerge(changeID: Int64)
    /// Save a new person's form although namesakes are in the library (`n` on the choice).
    case addPersonAnyway
    /// Remove a course's quota (the nominations screen's `d`).
    case deleteQuota(courseID: Int64, scope: QuotaScope, key: String)
    /// A step of a sync export or import (a path, a passphrase, the preview accepted).
    case sync(SyncStep)
}
