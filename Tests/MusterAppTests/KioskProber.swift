import CourseKit
import Foundation
import MusterApp
import TerminalUI

/// Drives a kiosk as a person or a prober would: keys `keyGap` apart on the clock, each pause
/// waited out, and everyone the screen ever showed (a match, or "Is this you?") recorded.
final class KioskProber {
    let k: KioskDriver
    let keyGap: TimeInterval
    /// False: keys go on during a pause (and do nothing), as the tests of the pause want.
    let waitsOutPauses: Bool
    /// Everyone the screen showed.
    private(set) var seen = Set<Int64>()
    /// How long each pause was, in order.
    private(set) var pauses: [TimeInterval] = []
    private var wasPaused = false

    init(_ k: KioskDriver, keyGap: TimeInterval = 0.3, waitsOutPauses: Bool = true) {
        self.k = k
        self.keyGap = keyGap
        self.waitsOutPauses = waitsOutPauses
    }

    var isPaused: Bool { if case .paused = k.state.phase { true } else { false } }

    /// One key, `keyGap` after the last; a pause is waited out first, as a prober would.
    func press(_ keys: Key...) { press(keys) }

    func press(_ keys: [Key]) {
        for key in keys {
            k.clock.advance(seconds: keyGap)
            if waitsOutPauses, case .paused(let until) = k.state.phase, until > k.clock() {
                k.clock.set(until)
                k.send(.tick)
            }
            k.press(key)
            k.timers.removeAll()  // the success screen goes with the next key
            observe()
        }
    }

    func type(_ text: String) { press(text.map { Key.char($0) }) }

    /// Turns the query into `text` by `edit`.
    func edit(to text: String, by edit: KioskEdit) { press(edit.keys(from: k.state.query.text, to: text)) }

    private func observe() {
        seen.formUnion(k.state.matches.map(\.personID))
        switch k.state.phase {
        case .confirm(let match): seen.insert(match.personID)
        case .paused(let until) where !wasPaused: pauses.append(until.timeIntervalSince(k.clock()))
        default: break
        }
        wasPaused = isPaused
    }
}

/// The ways to go from one search to the next, the fastest first.
enum KioskEdit: CaseIterable {
    /// Ctrl-U, then paste the new query.
    case clearAndPaste
    /// Ctrl-U, then type it.
    case clearAndType
    /// Paste " new" at the end, then Home and Delete the old query away: never below 3 letters.
    case homeDelete
    /// Paste "new " at the start, then End and Backspace the old query away.
    case pasteOver
    /// Backspace to the part both share, then type the rest: "ana t" → "ana " → "ana k".
    case backspaceBranch

    func keys(from old: String, to new: String) -> [Key] {
        switch self {
        case .clearAndPaste: [.ctrl("u"), .paste(new)]
        case .clearAndType: [.ctrl("u")] + new.map { .char($0) }
        case .homeDelete: [.end, .paste(" " + new), .home] + Array(repeating: .delete, count: old.count + 1)
        case .pasteOver: [.home, .paste(new + " "), .end] + Array(repeating: .backspace, count: old.count + 1)
        case .backspaceBranch:
            [.end] + Array(repeating: .backspace, count: old.count - old.commonPrefix(with: new).count)
                + new.dropFirst(old.commonPrefix(with: new).count).map { .char($0) }
        }
    }
}
