import Foundation

/// A value a form cannot save, naming the field so the form can show the message beside it.
///
/// Kept as data, a key in the `Errors` table (`validation.*`) and the values that fill it, so
/// the form says it in the screen's language; `message` is the English a log or a test reads.
/// A screen that worded its own refusal already (`worded:`) passes that text through as it is.
public struct ValidationFailure: Error, Equatable, Sendable, CustomStringConvertible {
    /// The field's name as the model spells it ("code", "start", "title").
    public var field: String
    /// The key after `validation.` ("slug", "quota.exists"); nil for a worded message.
    public var key: String?
    public var parts: [ChangeSummary.Part]
    private var worded: String?

    public init(field: String, key: String, _ parts: ChangeSummary.Part...) {
        self.field = field
        self.key = key
        self.parts = parts
    }

    /// A refusal the screen has already put in its user's words.
    public init(field: String, worded: String) {
        self.field = field
        self.parts = []
        self.worded = worded
    }

    public func message(in language: Language) -> String {
        guard let key else { return worded ?? "" }
        let words = Words(language)
        return words.format("validation.\(key)", table: "Errors", arguments: parts.map { $0.filled(words) })
    }

    /// The English message.
    public var message: String { message(in: .en) }
    public var description: String { message }
}
