import CNcursesw
import TerminalUI

/// One item read from curses, before it becomes a `Key`.
///
/// Reading and decoding are kept apart so the decoding (every rule about which code means which
/// key) is a pure function that tests exercise without a terminal.
enum CursesInput: Hashable, Sendable {
    /// `get_wch` returned `OK`: a character (a Unicode scalar value, or a C0 control code).
    case character(UInt32)
    /// `get_wch` returned `KEY_CODE_YES`: a curses key code such as `KEY_UP`.
    case keyCode(Int32)
    /// `KEY_MOUSE` followed by a successful `getmouse`.
    case mouse(MouseReport)
}

/// The parts of a curses `MEVENT` that Muster uses.
struct MouseReport: Hashable, Sendable {
    var buttons: mmask_t
    var x: Int
    var y: Int
}

/// The mouse button masks, read once from the C macros (they are function-like in <curses.h>).
enum MouseMask {
    static let button1Pressed = muster_BUTTON1_PRESSED()
    static let button1Released = muster_BUTTON1_RELEASED()
    static let button1Clicked = muster_BUTTON1_CLICKED()
    static let wheelUp = muster_BUTTON4_PRESSED()
    static let wheelDown = muster_BUTTON5_PRESSED()

    /// What Muster asks curses to report: press and release of button 1 and the wheel. With
    /// `mouseinterval(0)` curses never waits to see whether a press becomes a click; but when a
    /// press and its release arrive in one read (a quick click over a slow link) curses keeps
    /// only one event of the pair, and asking for clicks too makes that one a click (a `.press`)
    /// rather than a bare release.
    static let reported = button1Pressed | button1Released | button1Clicked | wheelUp | wheelDown
}
