import GRDB

/// Writes to `agency`.
public enum AgencyWrites: TableWrites {
    static let table = "agency"

    /// Adds an agency (whose `id` is ignored); returns its id.
    @discardableResult
    public static func insert(_ db: Database, _ agency: Agency) throws -> Int64 {
        try insertColumns(db, columns(agency))
    }

    static func update(_ db: Database, id: Int64, _ agency: Agency) throws {
        try updateColumns(db, id: id, columns(agency))
    }

    /// The id of the agency with `code`, nil when there is none.
    public static func id(_ db: Database, code: String) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT id FROM agency WHERE code = ?", arguments: [code])
    }

    static func columns(_ a: Agency) -> [String: (any DatabaseValueConvertible)?] {
        ["code": a.code, "name": a.name, "acronym": a.acronym, "kind": a.kind.rawValue, "country": a.country]
    }
}
