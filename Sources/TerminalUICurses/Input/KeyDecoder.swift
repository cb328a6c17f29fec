import CNcursesw
import TerminalUI

/// Turns what curses reads into `Key` values. Pure: no terminal, no curses state.
enum KeyDecoder {
    /// The ASCII codes the decoder treats specially.
    private enum ASCII {
        static let backspace: UInt32 = 8  // Ctrl-H, what some terminals send for Backspace
        static let tab: UInt32 = 9
        static let lineFeed: UInt32 = 10  // Ctrl-J
        static let carriageReturn: UInt32 = 13  // Enter under `nonl()`
        static let escape: UInt32 = 27
        static let delete: UInt32 = 127  // what most terminals send for Backspace
        static let leftBracket: UInt32 = 0x5B  // "[" of CSI
        static let letterO: UInt32 = 0x4F  // "O" of SS3
    }

    /// Decodes a batch read in one go, dropping escape sequences curses did not recognise.
    ///
    /// Why: curses returns a sequence it has no terminfo entry for (say `ESC [ 1 ; 5 H`, Ctrl-Home)
    /// as separate characters. Passed on, the screen would see Escape (cancel the dialog!) and then
    /// type `[1;5H` into the field that has focus: in the kiosk, straight into the name search.
    /// An ESC that arrives in the same batch as `[` or `O` is a terminal sequence, not a person
    /// (curses has already waited `ESCDELAY` for a sequence before giving up), so the whole
    /// sequence becomes one `.unknown`.
    static func keys(from inputs: [CursesInput]) -> [Key] {
        var keys: [Key] = []
        var index = inputs.startIndex
        while index < inputs.endIndex {
            let input = inputs[index]
            index += 1
            guard input == .character(ASCII.escape), index < inputs.endIndex else {
                keys.append(key(for: input))
                continue
            }
            switch inputs[index] {
            case .character(ASCII.leftBracket):
                index = endOfControlSequence(in: inputs, from: index + 1)
                keys.append(.unknown)
            case .character(ASCII.letterO):
                index = endOfControlSequence(in: inputs, from: index + 1)
                keys.append(.unknown)
            case .character(let code) where stringIntroducers.contains(code):
                index = endOfControlString(in: inputs, from: index + 1)
                keys.append(.unknown)
            default:
                keys.append(.escape)
            }
        }
        return keys
    }

    /// `]` OSC, `P` DCS, `X` SOS, `^` PM, `_` APC: strings a paste can carry ("\e]0;title\a"),
    /// which must not type their text into a field.
    static let stringIntroducers: Set<UInt32> = [0x5D, 0x50, 0x58, 0x5E, 0x5F]

    /// Skips a control string up to and including BEL or ST (`ESC \`), or to the end of the batch.
    private static func endOfControlString(in inputs: [CursesInput], from start: Int) -> Int {
        var index = start
        while index < inputs.endIndex {
            guard case .character(let code) = inputs[index] else { return index }
            index += 1
            if code == 0x07 || code == 0x9C { return index }
            if code == ASCII.escape {
                if index < inputs.endIndex, inputs[index] == .character(0x5C) { index += 1 }
                return index
            }
        }
        return index
    }

    /// Skips the parameter (0x30–0x3F) and intermediate (0x20–0x2F) bytes of a CSI or SS3
    /// sequence and its final byte (0x40–0x7E); returns the index after it.
    private static func endOfControlSequence(in inputs: [CursesInput], from start: Int) -> Int {
        var index = start
        while index < inputs.endIndex, case .character(let code) = inputs[index], (0x20...0x3F).contains(code) {
            index += 1
        }
        if index < inputs.endIndex, case .character(let code) = inputs[index], (0x40...0x7E).contains(code) {
            index += 1
        }
        return index
    }

    static func key(for input: CursesInput) -> Key {
        switch input {
        case .character(let value): key(forCharacter: value)
        case .keyCode(let code): key(forKeyCode: code)
        case .mouse(let report): key(forMouse: report)
        }
    }

    /// A character from `get_wch` (status `OK`).
    static func key(forCharacter value: UInt32) -> Key {
        switch value {
        case ASCII.backspace, ASCII.delete: return .backspace
        case ASCII.tab: return .tab
        case ASCII.lineFeed, ASCII.carriageReturn: return .enter
        case ASCII.escape: return .escape
        case 1...26: return .ctrl(Character(Unicode.Scalar(UInt8(0x60 + value))))
        // NUL (Ctrl-Space), Ctrl-\ ] ^ _ and the C1 controls are not text and not bound to anything.
        case 0, 28...31, 0x80...0x9F: return .unknown
        default:
            guard let scalar = Unicode.Scalar(value) else { return .unknown }  // surrogate or > U+10FFFF
            return .char(Character(scalar))
        }
    }

    /// A key code from `get_wch` (status `KEY_CODE_YES`).
    static func key(forKeyCode code: Int32) -> Key {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE, KEY_A3: return .pageUp  // A3/C3: keypad corners with NumLock off
        case KEY_NPAGE, KEY_C3: return .pageDown
        case KEY_HOME, KEY_FIND, KEY_A1: return .home  // rxvt-style terminfo names Home "Find"
        case KEY_END, KEY_SELECT, KEY_C1: return .end  // ... and End "Select"
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_IC: return .insert
        case KEY_ENTER: return .enter
        case KEY_BTAB: return .backTab
        case KEY_RESIZE: return .resize
        case muster_KEY_F(1)...muster_KEY_F(24): return .function(Int(code - muster_KEY_F(0)))
        default: return .unknown
        }
    }

    /// A mouse event. Button 1 presses (and clicks, should a terminal report only those) select;
    /// buttons 4 and 5 are the wheel. Anything else (middle and right buttons, motion) is ignored.
    static func key(forMouse report: MouseReport) -> Key {
        let at = Point(x: report.x, y: report.y)
        let buttons = report.buttons
        if buttons & (MouseMask.button1Pressed | MouseMask.button1Clicked) != 0 {
            return .mouse(MouseEvent(kind: .press, at: at))
        }
        if buttons & MouseMask.button1Released != 0 { return .mouse(MouseEvent(kind: .release, at: at)) }
        if buttons & MouseMask.wheelUp != 0 { return .mouse(MouseEvent(kind: .wheelUp, at: at)) }
        if buttons & MouseMask.wheelDown != 0 { return .mouse(MouseEvent(kind: .wheelDown, at: at)) }
        return .unknown
    }
}
