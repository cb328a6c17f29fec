import Foundation
import GRDB

/// Known SQLite bugs that matter to how Muster uses the library, by the linked version.
public enum SQLiteBugs {
    /// The versions with the WAL-reset bug, as people read them.
    public static let walResetRange = "3.7.0–3.51.2"

    /// Whether `version` ("3.40.1") has the WAL-reset bug: two connections in different
    /// processes writing and checkpointing one WAL file at the same instant can corrupt it or
    /// lose commits. In 3.7.0 through 3.51.2, fixed in 3.51.3 and backported to 3.44.6 and
    /// 3.50.7 (so 3.44.6+ and 3.50.7+ of those branches are fixed). A version that does not
    /// parse is assumed affected: the warning costs less than the bug.
    public static func walReset(version: String) -> Bool {
        let parts = version.split(separator: ".").map { Int($0) }
        guard parts.count >= 2, parts.allSatisfy({ $0 != nil }) else { return true }
        let v = parts.map { $0! } + [0, 0]
        let triple = (v[0], v[1], v[2])
        guard triple >= (3, 7, 0), triple <= (3, 51, 2) else { return false }
        if v[0] == 3 && v[1] == 44 && v[2] >= 6 { return false }
        if v[0] == 3 && v[1] == 50 && v[2] >= 7 { return false }
        return true
    }

    /// The SQLite this process links (`sqlite_version()`), e.g. "3.40.1".
    public static func linkedVersion() -> String {
        (try? DatabaseQueue().read { db in try String.fetchOne(db, sql: "SELECT sqlite_version()") }) ?? "unknown"
    }
}
