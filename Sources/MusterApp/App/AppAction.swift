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

    // Results of effects
    case coursesLoaded([CourseSummary])
    case overviewLoaded(OverviewData)
    case rollCallLoaded(RollCallData)
    case marksChanged(sessionID: Int64, marks: [Int64: AttendanceEvent], version: Int)
    /// A committed mark and the current mark that resulted, as the store derived it.
    case marked(MarkOutcome, advance: Bool)
    case markedMany([MarkOutcome])
    case undone(MarkOutcome)
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
    /// A logged change was committed (a nomination, an edit, a deletion): say so, remember it for
    /// undo, and reload what shows.
    case changed(ChangeRecord)
    case changeUndone(ChangeRecord)
    /// A form could not be saved; `field` names the field to put the message beside.
    case formFailed(field: String?, message: String)
    /// A form whose values had to be read first (an agency).
    case openForm(FormState)
    /// A roster import's preview, receipt or failure.
    case rosterImport(RosterImportResult)
    /// A mark (or undo) typed from a paper sign-in sheet, committed.
    case sheetEntry(SheetEntryResult)
}
