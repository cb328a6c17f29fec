import CourseKit
import Foundation
import TerminalUI

/// Typing the marks back from a paper sign-in sheet (`muster sheet`). First the sheet's id, as
/// printed (the current one is filled in); then a line per row: the row number as printed
/// ("19"), or the code ("PW-019", or enough of it: "pw-01" if only one code starts so), a mark
/// letter, Enter. The line under the field names who that is before Enter keeps it. Walk-ins
/// written on the blank lines: "+ Given Family, Country p". Every mark is the same appended
/// event the roll call records, with the paper source, so `u` undoes it as usual.
///
/// Row numbers mean rows of the current sheet only: a sheet printed before the roster changed
/// has another id, and then only codes are taken (its numbers may be other people now).
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

    public var field: TextField
    public var log: [LogLine] = []
    /// Why the last line was not recorded; the typed text stays to be corrected.
    public var problem: String?
    /// The id of the sheet being typed; nil while the entry still asks for it.
    public var sheetID: String?
    /// The id today's roster gives the session's sheet (`SignInSheet.sheetID`).
    public var currentSheetID: String
    /// That sheet's rows as they were when the entry opened: a walk-in added meanwhile joins
    /// the roster but does not renumber the paper being typed.
    public var rows: [RosterEntry]
    /// The session's current marks of the sheet's people, for "(now absent)" and "was absent".
    /// The roll call beneath holds only the pages on its screen, so the sheet reads its own.
    public var marks: [Int64: AttendanceEvent]
    /// False until the sheet's rows have been read (`Loaders.sheetRows`).
    public var loaded: Bool

    public init(currentSheetID: String = "", rows: [RosterEntry] = [], marks: [Int64: AttendanceEvent] = [:], loaded: Bool = true) {
        self.currentSheetID = currentSheetID
        self.rows = rows
        self.marks = marks
        self.loaded = loaded
        field = TextField(text: currentSheetID, maxLength: 8)
    }

    /// Opened before its rows are read: the sheet id fills in when they arrive.
    static func loading() -> SheetEntryState { SheetEntryState(loaded: false) }

    /// The sheet read for the session: its rows, id and marks.
    mutating func take(_ sheet: SheetEntryRows) {
        rows = sheet.rows
        marks = sheet.marks
        if !loaded && sheetID == nil && field.text.isEmpty { field = TextField(text: sheet.sheetID, maxLength: 8) }
        currentSheetID = sheet.sheetID
        loaded = true
    }

    /// Row numbers are taken only from the sheet printed from today's roster.
    public var numbersAllowed: Bool { sheetID == currentSheetID }

    /// Said while typing a sheet of another id: why numbers are refused and what works.
    func staleSheetNotice(_ words: Words) -> String? {
        guard let sheetID, sheetID != currentSheetID else { return nil }
        return words.sheetEntry("sheet.stale", sheetID, currentSheetID)
    }
}

/// A typed line, understood: who and which mark, or why not.
public enum SheetLine: Equatable, Sendable {
    case mark(code: String, status: AttendanceStatus, note: String)
    /// "+ Given Family, Country p": a name written on a blank line.
    case walkIn(given: String, family: String, country: String, status: AttendanceStatus)
    case undo
    case empty
    case invalid(SheetRefusal)

    /// The mark letters, as on the roll call (`x` absent; `a` too, as the sheet and the marks
    /// column write it).
    static let letters: [Character: AttendanceStatus] = ["p": .present, "x": .absent, "a": .absent, "l": .late, "e": .excused]

    /// "p present, x absent, l late, e excused": the keys stay these letters in every language,
    /// and the word after each is the roll call's own footer label for that key ("l retraso"),
    /// short enough that the line fits at 80 columns in Spanish too.
    static func lettersHelp(_ words: Words, separator: String = ", ") -> String {
        let keys: [(String, AttendanceStatus)] = [("p", .present), ("x", .absent), ("l", .late), ("e", .excused)]
        return keys.map { "\($0.0) " + words.text("rollcall/rollcall.\($0.1.rawValue).label", table: "Keys") }
            .joined(separator: separator)
    }

    /// "19 p", "19p", "PW-019 e ministry meeting" (a note after the letter), "u" to undo.
    public static func parse(_ input: String) -> SheetLine {
        let words = input.split(whereSeparator: \.isWhitespace).map(String.init)
        guard let first = words.first else { return .empty }
        if first.hasPrefix("+") { return parseWalkIn(input) }
        if words.count == 1 && first.lowercased() == "u" { return .undo }
        if words.count >= 2 {
            guard words[1].count == 1, let status = letters[Character(words[1].lowercased())] else {
                return .invalid(.notAMark(words[1]))
            }
            return .mark(code: first, status: status, note: words.dropFirst(2).joined(separator: " "))
        }
        guard first.count > 1, let last = first.last, let status = letters[Character(last.lowercased())] else {
            return .invalid(.noMarkAfterCode)
        }
        return .mark(code: String(first.dropLast()), status: status, note: "")
    }
}

extension SheetLine {
    /// "+ Ana Maria, Palau p": the last word is the mark; before the last comma the name (its
    /// last word the family name), after it the country (optional).
    static func parseWalkIn(_ input: String) -> SheetLine {
        var rest = input.trimmingCharacters(in: .whitespaces).dropFirst().split(whereSeparator: \.isWhitespace).map(String.init)
        guard let last = rest.last, last.count == 1, let status = letters[Character(last.lowercased())] else {
            return .invalid(.noMarkAfterName)
        }
        rest.removeLast()
        let text = rest.joined(separator: " ")
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        let name = (parts.count > 1 ? parts.dropLast().joined(separator: ",") : text).split(separator: " ").map(String.init)
        let country = parts.count > 1 ? parts.last!.trimmingCharacters(in: .whitespaces) : ""
        guard let family = name.last else { return .invalid(.noName) }
        return .walkIn(given: name.dropLast().joined(separator: " "), family: family, country: country, status: status)
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
    /// Someone on the sheet, and the row number typed (nil when a code was typed).
    var entry: RosterEntry?
    var row: Int?
    /// A name from a blank line, for a new walk-in.
    var walkIn: (given: String, family: String, country: String)?
    var status: AttendanceStatus
    var note: String
    /// A late arrival's time written after the letter ("19 l 09:20"), on the session's day.
    var arrival: Date?
}

extension SheetEntryState {
    /// What Enter would do with the line as typed, for the line under the field: the person it
    /// resolves to (a row of `sheet`, a code, or a new walk-in), or the problem, before anything
    /// is recorded.
    static func understand(
        _ text: String, sheet: [RosterEntry], numbersAllowed: Bool, session: Session?, zone: TimeZone
    ) -> Result<SheetMark, SheetProblem> {
        switch SheetLine.parse(text) {
        case .empty: return .failure(.empty)
        case .undo: return .failure(.undo)
        case .invalid(let why): return .failure(.refused(why))
        case .walkIn(let given, let family, let country, let status):
            guard country.isEmpty || Countries.code(for: country) != nil else {
                return .failure(.refused(.notACountry(country)))
            }
            return .success(SheetMark(entry: nil, row: nil, walkIn: (given, family, country), status: status, note: "", arrival: nil))
        case .mark(let code, let status, var note):
            // Marks are typed after the session, so "now" is no arrival time: the sheet's is.
            var arrival: Date?
            if status == .late, let session, let first = note.split(separator: " ").first,
                let time = arrivalTime(String(first), on: session.start, zone: zone)
            {
                arrival = time
                note = note.split(separator: " ").dropFirst().joined(separator: " ")
            }
            if code.allSatisfy(\.isASCIIDigit), let row = Int(code) {
                guard numbersAllowed else {
                    return .failure(.refused(.numberOnOldSheet(row)))
                }
                guard sheet.indices.contains(row - 1) else { return .failure(.refused(.noSuchRow(row, rows: sheet.count))) }
                return .success(SheetMark(entry: sheet[row - 1], row: row, status: status, note: note, arrival: arrival))
            }
            switch CodeMatch.resolve(code, among: sheet.map(\.person.code)) {
            case .one(let i): return .success(SheetMark(entry: sheet[i], row: nil, status: status, note: note, arrival: arrival))
            case .none: return .failure(.refused(.noSuchCode(code)))
            case .many(let codes): return .failure(.refused(.ambiguous(code, codes: codes)))
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
    case refused(SheetRefusal)
}

/// What is wrong with a typed line. Kept as a case rather than a sentence, so the panel says it
/// in the run's language (`text(_:)`) when it shows it.
public enum SheetRefusal: Equatable, Sendable {
    /// "19 q": the word after the code is not a mark letter.
    case notAMark(String)
    case noMarkAfterCode
    case noMarkAfterName
    /// "+ p": a walk-in without a name.
    case noName
    case notACountry(String)
    /// A row number typed from a sheet printed before the roster changed.
    case numberOnOldSheet(Int)
    case noSuchRow(Int, rows: Int)
    case noSuchCode(String)
    /// A code that could be several people: refused rather than guessed.
    case ambiguous(String, codes: [String])

    /// The sentence in `words`' language. Row numbers are not counts: they go in as text.
    func text(_ words: Words) -> String {
        switch self {
        case .notAMark(let typed): words.sheetEntry("problem.notAMark", typed, SheetLine.lettersHelp(words))
        case .noMarkAfterCode: words.sheetEntry("problem.noMarkAfterCode", SheetLine.lettersHelp(words))
        case .noMarkAfterName:
            words.sheetEntry("problem.noMarkAfterName", SheetLine.lettersHelp(words), words.sheetEntry("walkIn.help"))
        case .noName: words.sheetEntry("problem.noName", words.sheetEntry("walkIn.help"))
        case .notACountry(let country): words.sheetEntry("problem.notACountry", country)
        case .numberOnOldSheet(let row): words.sheetEntry("problem.numberOnOldSheet", String(row))
        case .noSuchRow(let row, let rows): words.sheetEntry("problem.noSuchRow", String(row), String(rows))
        case .noSuchCode(let code): words.sheetEntry("problem.noSuchCode", code)
        case .ambiguous(let code, let codes):
            words.sheetEntry(
                "problem.ambiguous", code, codes.count, codes.sorted().prefix(4).joined(separator: ", ") + (codes.count > 4 ? ", …" : ""))
        }
    }
}

extension Words {
    /// A text of the sheet entry: `key` in `SheetEntry.strings`, its blanks filled.
    func sheetEntry(_ key: String, _ arguments: any CVarArg...) -> String { say(key, in: "SheetEntry", arguments) }
}

/// What the sheet entry's effects bring back: the committed event and the line to log.
/// A session's printed sheet as the sheet entry reads it: rows in sheet order, the sheet's id,
/// and the current marks of its people.
public struct SheetEntryRows: Sendable, Equatable {
    public var sessionID: Int64
    public var rows: [RosterEntry]
    public var sheetID: String
    public var marks: [Int64: AttendanceEvent]
}

public enum SheetEntryResult: Sendable {
    case marked(MarkOutcome, person: Person, previous: AttendanceStatus?)
    /// A walk-in from a blank line, enrolled and marked in one transaction.
    case walkIn(Person, MarkOutcome)
    case undone(MarkOutcome)
}
