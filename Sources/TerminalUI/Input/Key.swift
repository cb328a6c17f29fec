/// A decoded key press or terminal event, independent of curses.
public enum Key: Hashable, Sendable {
    /// A printable character (letters, digits, punctuation, any script), already decoded from UTF-8.
    case char(Character)
    /// Ctrl plus a letter, lower-cased: `.ctrl("l")` is Ctrl-L. Tab, Enter and Backspace have their own cases.
    case ctrl(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, backspace, delete, insert, tab, backTab
    /// F1…F24.
    case function(Int)
    case mouse(MouseEvent)
    /// The terminal was resized; the runtime re-reads the size.
    case resize
    /// Text the terminal delivered as one bracketed paste (`ESC [200~ … ESC [201~`), exactly as
    /// it came, line breaks and controls included. Only a text field takes it, cleaned by
    /// ``PasteText/clean(_:)``; it is never a command and never confirms anything, so a paste
    /// ending in a newline cannot press Enter.
    case paste(String)
    /// A sequence the backend could not decode; screens ignore it.
    case unknown
}

/// A mouse click or wheel turn at a cell.
public struct MouseEvent: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case press, release, wheelUp, wheelDown }
    public var kind: Kind
    public var at: Point
    public init(kind: Kind, at: Point) { self.kind = kind; self.at = at }
}
