import Foundation

extension Tmux {
    /// A participant at a kiosk running in this pane: types `typing`, sees `pick` among the
    /// matches, takes it, confirms, and sees `welcome`.
    public func kioskCheckIn(typing: String, pick: String, welcome: String) throws {
        try send(typing, literal: true)
        try waitFor(text: pick)
        try send("Enter")
        try waitFor(text: "Is this you?")
        try send("Enter")
        try waitFor(text: welcome)
    }
}
