import TerminalUI

/// Decodes what curses reads, read after read, turning a bracketed paste into one `Key.paste`.
///
/// Why: without it a paste is typed. In the kiosk a pasted name filled the search and its
/// newline pressed Enter on whoever was selected; on the roll call the pasted letters were mark
/// commands. With bracketed paste on (`ESC [?2004h`, see `CursesTerminal.setBracketedPaste`) the
/// terminal wraps a paste in `ESC [200~ … ESC [201~`, and everything between the markers becomes
/// the text of one key, which only a text field takes.
///
/// A paste may arrive over several reads, and either marker may be cut by the end of a read, so
/// this keeps state between reads: the paste collected so far, and the start of a marker left
/// over from the last read. Everything outside pastes goes through `KeyDecoder` as before.
struct PasteDecoder {
    static let startMarker: [UInt32] = [0x1B, 0x5B, 0x32, 0x30, 0x30, 0x7E]  // ESC [ 2 0 0 ~
    static let endMarker: [UInt32] = [0x1B, 0x5B, 0x32, 0x30, 0x31, 0x7E]  // ESC [ 2 0 1 ~
    /// The most of a paste kept; the rest is dropped (a field holds far less anyway).
    static let maxPaste = 64 * 1024
    /// How long a paste may go without input before it is given up (see `idle(at:)`). Terminals
    /// send a paste at once; a second of silence inside one means its end marker was lost.
    static let stallLimit: Duration = .seconds(1)

    /// The characters of the paste under way (nil outside a paste).
    private var pasting: [UInt32]?
    /// The start of a paste marker at the very end of the last read.
    private var carried: [CursesInput] = []
    private var lastInput: ContinuousClock.Instant?

    var isPasting: Bool { pasting != nil }

    mutating func keys(from batch: [CursesInput], at now: ContinuousClock.Instant = .now) -> [Key] {
        lastInput = now
        let inputs = carried + batch
        carried = []
        var keys: [Key] = []
        var plain: [CursesInput] = []
        var index = 0
        while index < inputs.count {
            if pasting != nil {
                // Key codes inside a paste (curses matched an arrow's sequence in the text) are dropped.
                if case .character(let code) = inputs[index] { append(code) }
                index += 1
                if let text = pasting, text.count >= Self.endMarker.count, Array(text.suffix(Self.endMarker.count)) == Self.endMarker {
                    keys.append(.paste(Self.string(text.dropLast(Self.endMarker.count))))
                    pasting = nil
                }
                continue
            }
            let rest = inputs[index...]
            if Self.hasPrefix(rest, Self.startMarker) {
                keys += KeyDecoder.keys(from: plain)
                plain = []
                pasting = []
                index += Self.startMarker.count
                continue
            }
            if rest.count >= 2, rest.count < Self.startMarker.count, Self.hasPrefix(Self.startMarker[...], rest) {
                carried = Array(rest)  // "ESC [ 2 0" at the end of a read: wait for the rest
                break
            }
            plain.append(inputs[index])
            index += 1
        }
        keys += KeyDecoder.keys(from: plain)
        return keys
    }

    /// Called when a read found nothing. After `stallLimit` without input, a marker cut short is
    /// decoded as it stands (an unknown sequence, as before bracketed paste); a paste
    /// whose end marker has not come within `stallLimit` of its last input is delivered as it
    /// is, so a lost end marker cannot swallow every later key.
    mutating func idle(at now: ContinuousClock.Instant = .now) -> [Key] {
        guard let lastInput, lastInput.duration(to: now) >= Self.stallLimit else { return [] }
        if !carried.isEmpty {
            let keys = KeyDecoder.keys(from: carried)
            carried = []
            return keys
        }
        guard let text = pasting else { return [] }
        pasting = nil
        return [.paste(Self.string(text[...]))]
    }

    private mutating func append(_ code: UInt32) {
        pasting?.append(code)
        // Past the limit keep only the tail that may still hold the end marker.
        if let count = pasting?.count, count > Self.maxPaste + Self.endMarker.count {
            pasting?.remove(at: Self.maxPaste)
        }
    }

    private static func hasPrefix(_ inputs: ArraySlice<CursesInput>, _ marker: [UInt32]) -> Bool {
        guard inputs.count >= marker.count else { return false }
        return zip(inputs, marker).allSatisfy { $0 == .character($1) }
    }

    private static func hasPrefix(_ marker: ArraySlice<UInt32>, _ inputs: ArraySlice<CursesInput>) -> Bool {
        zip(marker, inputs).allSatisfy { $1 == .character($0) }
    }

    private static func string(_ codes: ArraySlice<UInt32>) -> String {
        var scalars = String.UnicodeScalarView()
        for code in codes { if let scalar = Unicode.Scalar(code) { scalars.append(scalar) } }
        return String(scalars)
    }
}
