import CourseKit
import Foundation
import TerminalUI

/// Typing the marks back from a paper sign-in sheet (`muster sheet`): a line per person, the
/// code as printed (or enough of it: "19" for PW-019, "pw-01" if only one code starts so),
/// a mark letter, Enter. Faster than finding each name in the list, and every mark is the same
/// appended event the roll call records, so `u` undoes it as usual.
public struct SheetEntryState: Sendable, Equatable {
    /// One recorded line of the running log, newest last.
    public struct LogLine: Sendable, Equatable {
        public var code: String
        public var name: String
        /// The status recorded; nil for an undo.
        public var status: AttendanceStatus?
        /// "late, arrived 09:12", "undone; now absent".
        public var text: String
    }

    public var field = TextField(maxLength: 120, placeholder: "code and mark, e.g. 19 p   (u undoes)")
    public var log: [LogLine] = []
    /// Why the last line was not recorded; the typed text stays to be corrected.
    public var problem: String?

    public init() {}
}

/// A typed line, understood: who and which mark, or why not.
public enum SheetLine: Equatable, Sendable {
    case mark(code: String, status: AttendanceStatus, note: String)
    case undo
    case empty
    case invalid(String)

    /// The mark letters, as on the roll call (`x` absent; `a` too, as the sheet and the marks
    /// column write it).
    static let letters: [Character: AttendanceStatus] = ["p": .present, "x": .absent, "a": .absent, "l": .late, "e": .excused]

    static let lettersHelp = "p present, x absent, l late, e excused"

    /// "19 p", "19p", "PW-019 e ministry meeting" (a note after the letter), "u" to undo.
    public static func parse(_ input: String) -> SheetLine {
        let words = input.split(whereSeparator: \.isWhitespace).map(String.init)
        guard let first = words.first else { return .empty }
        if words.count == 1 && first.lowercased() == "u" { return .undo }
        if words.count >= 2 {
            guard words[1].count == 1, let status = letters[Character(words[1].lowercased())] else {
                return .invalid("“\(words[1])” is not a mark: \(lettersHelp)")
            }
            return .mark(code: first, status: status, note: words.dropFirst(2).joined(separator: " "))
        }
        guard first.count > 1, let last = first.last, let status = letters[Character(last.lowercased())] else {
            return .invalid("After the code, a mark: \(lettersHelp)")
        }
        return .mark(code: String(first.dropLast()), status: status, note: "")
    }
}

/// Who a typed code means among the people of the roll call.
public enum CodeMatch: Equatable, Sendable {
    case one(Int)
    case none
    case many([String])

    /// Exact code first (case, spaces and dashes aside), then the code's number when only digits
    /// were typed ("19" is PW-019, "7" is T-007), then codes starting with what was typed.
    /// Anything that could be two people is refused rather than guessed.
    public static func resolve(_ typed: String, among codes: [String]) -> CodeMatch {
        let key = normalise(typed)
        guard !key.isEmpty else { return .none }
        let normalised = codes.map(normalise)
        let exact = normalised.indices.filter { normalised[$0] == key }
        if !exact.isEmpty { return pick(exact, codes) }
        if key.allSatisfy(\.isASCIIDigit), let number = Int(key) {
            let byNumber = codes.indices.filter { trailingNumber(codes[$0]) == number }
            if !byNumber.isEmpty { return pick(byNumber, codes) }
        }
        return pick(normalised.indices.filter { normalised[$0].hasPrefix(key) }, codes)
    }

    static func pick(_ indices: [Int], _ codes: [String]) -> CodeMatch {
        switch indices.count {
        case 0: .none
        case 1: .one(indices[0])
        default: .many(indices.map { codes[$0] })
        }
    }

    /// Upper case, letters and digits only: "pw 019" and "PW-019" are the same code.
    static func normalise(_ code: String) -> String {
        String(code.uppercased().filter { $0.isLetter || $0.isNumber })
    }

    /// The digits a code ends with, as a number: 19 for "PW-019"; nil without any.
    static func trailingNumber(_ code: String) -> Int? {
        let digits = code.reversed().prefix { $0.isASCIIDigit }
        return digits.isEmpty ? nil : Int(String(digits.reversed()))
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

/// A line Enter can record.
struct SheetMark {
    var entry: RosterEntry
    var status: AttendanceStatus
    var note: String
    /// A late arrival's time written after the letter ("19 l 09:20"), on the session's day.
    var arrival: Date?
}

extension SheetEntryState {
    /// What Enter would do with the line as typed, for the line under the field: the person it
    /// resolves to, or the problem, before anything is recorded.
    static func understand(_ text: String, people: [RosterEntry], session: Session?, zone: TimeZone) -> Result<SheetMark, SheetProblem> {
        switch SheetLine.parse(text) {
        case .empty: return .failure(.empty)
        case .undo: return .failure(.undo)
        case .invalid(let why): return .failure(.message(why))
        case .mark(let code, let status, var note):
            // Marks are typed after the session, so "now" is no arrival time: the sheet's is.
            var arrival: Date?
            if status == .late, let session, let first = note.split(separator: " ").first,
                let time = arrivalTime(String(first), on: session.start, zone: zone)
            {
                arrival = time
                note = note.split(separator: " ").dropFirst().joined(separator: " ")
            }
            switch CodeMatch.resolve(code, among: people.map(\.person.code)) {
            case .one(let i): return .success(SheetMark(entry: people[i], status: status, note: note, arrival: arrival))
            case .none: return .failure(.message("No one on this roll call has the code “\(code)”"))
            case .many(let codes):
                let shown = codes.sorted().prefix(4).joined(separator: ", ") + (codes.count > 4 ? ", …" : "")
                return .failure(.message("“\(code)” could be \(codes.count) people: \(shown) — type more of the code"))
            }
        }
    }
}

extension SheetEntryState {
    /// "9:20", "09:20" or "09.20" on the day `day` falls on in `zone`; nil for anything else.
    static func arrivalTime(_ text: String, on day: Date, zone: TimeZone) -> Date? {
        let parts = text.split(whereSeparator: { $0 == ":" || $0 == "." })
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
            let h = Int(parts[0]), let m = Int(parts[1])
        else { return nil }
        let date = LocalTime.format(day, in: zone).prefix(10)
        return LocalTime.parse("\(date) " + String(format: "%02d:%02d", h, m), in: zone)
    }
}

/// Why a line cannot be recorded as a mark.
public enum SheetProblem: Error, Equatable, Sendable {
    case empty
    case undo
    case message(String)
}

/// What the sheet entry's effects bring back: the committed event and the line to log.
public enum SheetEntryResult: Sendable {
    case marked(MarkOutcome, previous: AttendanceStatus?)
    case undone(MarkOutcome)
}
