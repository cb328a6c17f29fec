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
    case marked(AttendanceEvent, advance: Bool)
    case markedMany([AttendanceEvent])
    case undone(undo: AttendanceEvent, cancelled: UUID)
    case failed(String)
}
