import Foundation

/// Why an import left a row out, refused it or warned about it, as words to say in any language:
/// a key of the `Import` catalogue (after `row.`) and the parts that fill its blanks.
///
/// Kept as data rather than a sentence for the same reason as a change's words: the preview is
/// read on a screen or a command line in the reader's language, while `description` is the
/// English a log, a test or an older caller reads.
public struct RowReason: Sendable, Hashable, CustomStringConvertible {
    /// The key after `row.` ("noName", "email.invalid").
    public var key: String
    public var parts: [ChangeSummary.Part]

    public init(_ key: String, _ parts: ChangeSummary.Part...) {
        self.key = key
        self.parts = parts
    }

    public func text(in language: Language) -> String { ChangeSummary("row.\(key)", parts: parts, table: "Import").text(in: language) }

    public var description: String { text(in: .en) }
}

/// A row that could not be used, or was used with a warning, and why.
public struct RowProblem: Sendable, Equatable, Error {
    public var line: Int
    public var said: RowReason
    /// The reason in English.
    public var reason: String { said.description }

    public init(line: Int, _ said: RowReason) {
        self.line = line
        self.said = said
    }

    public func reason(in language: Language) -> String { said.text(in: language) }
}
