import CourseKit
import Foundation
import TerminalUI

/// One field of a form: free text, or a choice among fixed options cycled with ←/→ or Space.
public struct FormField: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case text
        case choice([String])
    }
    /// The model's name for the field, as `ValidationFailure.field` spells it ("code", "start").
    public var id: String
    public var label: String
    public var kind: Kind
    public var input: TextField
    /// The chosen option, for choices.
    public var choice: Int
    /// Shown under the form while the field has the focus ("YYYY-MM-DD HH:MM, America/Costa_Rica").
    public var hint: String
    /// What each option of a choice shows, in the form's language ("sí" for the saved "yes").
    public var shown: [String] = []
    public var error: String?
    /// What the field completes as one types (a country, an agency), nil for plain text.
    public var completes: FormCompletion.Kind?

    public init(
        _ id: String, _ label: String, text: String = "", hint: String = "", maxLength: Int = 200, completes: FormCompletion.Kind? = nil
    ) {
        self.id = id; self.label = label; self.kind = .text; self.hint = hint; self.choice = 0
        self.input = TextField(text: text, maxLength: maxLength)
        self.completes = completes
    }

    public init(_ id: String, _ label: String, options: [String], shown: [String], selected: String, hint: String) {
        self.id = id; self.label = label; self.kind = .choice(options); self.hint = hint
        self.shown = shown
        self.choice = options.firstIndex(of: selected) ?? 0
        self.input = TextField()
    }

    /// The field's value: the text, or the chosen option.
    public var value: String {
        switch kind {
        case .text: input.text.trimmingCharacters(in: .whitespaces)
        case .choice(let options): options.indices.contains(choice) ? options[choice] : ""
        }
    }

    /// The field's value as the form shows it: a choice's option in the form's language.
    public var shownValue: String {
        guard case .choice = kind, shown.indices.contains(choice) else { return value }
        return shown[choice]
    }
}

/// What a form edits; a nil value means a new one.
public enum FormPurpose: Sendable, Equatable {
    case course(Course?)
    case session(Session?, course: Course)
    case person(Person?, enrolIn: Course?)
    case agency(Agency?)
    case enrolment(Enrolment, person: Person)
    /// A copy of this course: its next run.
    case copyCourse(Course)
    /// Someone new, added in the place of `replacing` on `course`'s roster in one step.
    case substitute(replacing: Person, course: Course)
    /// A quota of the course, nil for a new one.
    case quota(Quota?, course: Course)
}

/// A modal form: fields, which one has the focus, and the message of the last save attempt.
/// Tab/↓ and Shift-Tab/↑ move, Enter saves (after checking every field), Esc cancels.
public struct FormState: Sendable, Equatable {
    public var title: String
    public var fields: [FormField]
    public var focus = 0
    public var purpose: FormPurpose
    /// A problem not tied to one field (the database refused), or nil.
    public var message: String?
    /// The library's agencies, for completing agency fields; loaded when one is first typed in.
    public var agencies: [Agency]?

    /// The values the form opened with: leaving a form that differs asks first.
    public let opening: [String]

    /// The language the form speaks: what its completions name countries in, and take them in.
    public var language: Language

    public init(language: Language = .en, title: String, fields: [FormField], purpose: FormPurpose) {
        self.language = language
        self.title = title; self.fields = fields; self.purpose = purpose
        opening = fields.map(\.value)
    }

    /// The code the form proposed for a new person (`GT-006`), while the field still holds it.
    public var proposedCode: String?

    /// Whether anything was typed or chosen since the form opened (a proposed code was not typed).
    public var isChanged: Bool {
        zip(fields, opening).contains { field, old in field.value != old && !(field.id == "code" && field.value == proposedCode) }
    }

    public func value(_ id: String) -> String { fields.first { $0.id == id }?.value ?? "" }

    /// Puts a message beside a field (or on the form) and moves the focus there.
    mutating func fail(field: String?, _ text: String) {
        if let field, let i = fields.firstIndex(where: { $0.id == field }) {
            fields[i].error = text
            focus = i
            message = nil
        } else {
            message = text
        }
    }
}
