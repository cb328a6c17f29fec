import Foundation
import GRDB

extension People {
    /// Up to five other people with the same name (folded, as `sort_key` holds it) and country,
    /// by code. An import never merges on a name, and a kiosk walk-in types only a name, so
    /// these are the people a coordinator checks before confirming a walk-in as someone new or
    /// merging them (`M` on the roster). Erased and already merged people are left out.
    static func lookalikes(_ db: Database, personID: Int64) throws -> [Person] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT o.* FROM person p JOIN person o ON o.sort_key = p.sort_key AND o.country = p.country AND o.id <> p.id
                WHERE p.id = ? AND p.sort_key <> '' AND o.merged_into IS NULL
                ORDER BY o.code LIMIT 5
                """, arguments: [personID]
        ).map(Person.init(row:))
    }
}
