import Foundation

/// The domain's words as people read them: a nomination status, a mark, a role, in the
/// language's own terms from the `Terms` catalogue (the glossary's: "confirmada", "con
/// retraso", "persona facilitadora"). The raw values stay what files and scripts exchange.
extension Words {
    /// "confirmed", "confirmada".
    public func term(_ status: NominationStatus) -> String { text("nomination.\(status.rawValue)", table: "Terms") }
    /// "late", "con retraso".
    public func term(_ status: AttendanceStatus) -> String { text("mark.\(status.rawValue)", table: "Terms") }
    /// "resource person", "persona experta invitada".
    public func term(_ role: Role) -> String { text("role.\(role.rawValue)", table: "Terms") }

    /// A status word as it came from the library (a raw value), in the language's terms when it
    /// is one, else as it is.
    public func statusTerm(_ raw: String) -> String {
        if let status = NominationStatus(rawValue: raw) { return term(status) }
        if let status = AttendanceStatus(rawValue: raw) { return term(status) }
        return raw
    }
}
