import CourseKit
import Foundation
import TerminalUI

/// The coordinator's roster import, as a dialog over the course overview or the roster:
/// type a path, see what `muster import roster … --dry-run` would do, then Enter writes it
/// (one transaction) or Esc leaves with nothing written.
public struct ImportRosterState: Sendable, Equatable {
    /// Where the dialog is in the import: the preview and the writing both run as effects.
    public enum Phase: Sendable, Equatable {
        /// Typing the path and choosing the format.
        case entering
        /// The dry run is reading and planning the file.
        case previewing
        /// The dry run's report, scrolled with the list keys.
        case preview(ImportPreview)
        /// The real import is running; keys wait.
        case importing(ImportPreview)
    }

    public var courseCode: String
    /// The course's label for the title ("Palau MMC 2024"); the code until it is known.
    public var courseLabel: String
    /// Its placeholder is the view's, in the run's language.
    public var field = TextField(maxLength: 1024)
    /// `auto` recognises every layout from its header; Tab picks one by hand when it cannot.
    public var format: RosterFormat = .auto
    public var phase: Phase = .entering
    /// Why the last preview or import failed, shown in the dialog (nothing was written).
    public var error: String?
    /// The scroll position in the preview's lines.
    public var table = TableState()

    public init(courseCode: String, courseLabel: String) {
        self.courseCode = courseCode
        self.courseLabel = courseLabel
    }

    /// The preview on screen, while it is shown or being imported.
    public var preview: ImportPreview? {
        switch phase {
        case .preview(let p), .importing(let p): p
        case .entering, .previewing: nil
        }
    }

    /// The path as the import reads it: `~` expanded, surrounding blanks and quotes (a path
    /// dragged into a terminal arrives quoted) removed.
    public var path: String {
        var text = field.text.trimmingCharacters(in: .whitespaces)
        if text.count >= 2, let first = text.first, first == text.last, first == "'" || first == "\"" {
            text = String(text.dropFirst().dropLast())
        }
        return NSString(string: text).expandingTildeInPath
    }

    /// Tab and Shift-Tab step through the formats, wrapping around.
    mutating func stepFormat(by step: Int) {
        let all = RosterFormat.allCases
        let i = all.firstIndex(of: format) ?? 0
        format = all[(i + step + all.count) % all.count]
    }
}

/// A dry run's report and the lines the dialog lists, built once when the report arrives so
/// scrolling a file of 100,000 people formats nothing per key; in the words of the run that
/// asked for it, with the command line's wording (`Import.strings`) for what both show.
public struct ImportPreview: Sendable, Equatable {
    /// One line of the preview: what kind of line it is (the word carries the meaning in
    /// monochrome; the colour only repeats it) and its text.
    public struct Line: Sendable, Equatable {
        public enum Kind: String, Sendable, Equatable, CaseIterable {
            case note, session, new, matched, rejected, skipped, warning
            /// A new person with the name and country of someone in the library: kept as new, to review.
            case similar
        }
        public var kind: Kind
        public var text: String
        public init(kind: Kind, text: String) { self.kind = kind; self.text = text }
    }

    public var report: RosterImportReport
    /// The format asked for, so Enter imports exactly what was previewed.
    public var format: RosterFormat
    public var path: String
    public var lines: [Line]

    public init(report: RosterImportReport, format: RosterFormat, path: String, words: Words) {
        self.report = report
        self.format = format
        self.path = path
        // A line number is not a count: it goes in as text, ungrouped ("línea 17347").
        func line(_ n: Int, _ text: String) -> String { words.importing("preview.line", String(n), text) }
        // Rejections first: they decide whether to import at all; then what each session gets.
        // A reason met on many rows is one line with its first rows (`RowProblemGroup`): 37,000
        // warnings of one unknown agency would bury the rest.
        lines =
            RowProblemGroup.previewLines(report.rejected, in: words.language).map { Line(kind: .rejected, text: $0) }
            + report.sessions.map { Line(kind: .session, text: $0.line(in: words.language)) }
            + (report.notes + report.quotaWarnings.map { $0.text(in: words.language) }).map { Line(kind: .note, text: $0) }
            + RowProblemGroup.previewLines(report.warnings, in: words.language).map { Line(kind: .warning, text: $0) }
            + report.matched.map { m in
                Line(
                    kind: .matched,
                    text: line(m.line, "\(m.code) \(m.name) (\(words.importing("preview.by.\(m.by.key)")))")
                        + (m.said.isEmpty ? "" : ": " + m.changes(in: words.language).joined(separator: ", ")))
            }
            + report.possibleDuplicates.map { d in
                Line(
                    kind: .similar,
                    text: line(d.line, words.importing("screen.similar", "\(d.code) \(d.name)", d.lookalikes.joined(separator: ", "))))
            }
            + report.newPeople.map { Line(kind: .new, text: line($0.line, "\($0.code) \($0.name)")) }
            + RowProblemGroup.previewLines(report.skipped, in: words.language).map { Line(kind: .skipped, text: $0) }
    }

    /// What Enter will do, said before it is done: the rejected rows are left out, never
    /// silently — the preview lists them above.
    public func enterMeaning(_ words: Words) -> String {
        let r = report
        if r.changesNothing { return words.importing("preview.nothingToChange") }
        let valid = r.rows - r.rejected.count - r.skipped.count
        let key = "screen.enter" + (r.rejected.isEmpty ? "" : ".rejected") + (valid == 1 ? ".one" : "")
        return words.importing(key, words.language.number(valid), words.language.number(r.rejected.count))
    }
}

extension Words {
    /// A text of a roster import: `key` in `Import.strings`, shared with the command line's
    /// preview (its counts, layouts and dialects), its blanks filled.
    func importing(_ key: String, _ arguments: any CVarArg...) -> String { say(key, in: "Import", arguments) }
}

/// What the import's effects bring back.
public enum RosterImportResult: Sendable {
    case previewed(ImportPreview)
    case imported(RosterImportReport)
    /// The file could not be read or planned, or the import refused: nothing was written.
    case failed(path: String, message: String)
}
