import Foundation
import Testing

@testable import HQKit

/// Values reach PostgreSQL as parameters and come back byte for byte, whatever they hold.
struct PGQueryTests {
    @Test func interpolatedValuesBecomeNumberedParameters() {
        let code = "palau'; DROP TABLE muster.record; --"
        let query: PGQuery = "SELECT 1 WHERE code = \(code) AND n > \(3) AND c = ANY(\([String]?.none))"
        #expect(query.sql == "SELECT 1 WHERE code = $1 AND n > $2 AND c = ANY($3)")
        #expect(query.values == [code, "3", nil])
        #expect(query.types == [PGQuery.OID.text, PGQuery.OID.int8, PGQuery.OID.textArray])
    }

    @Test func arrayElementsAreQuotedSoNoValueIsSyntax() {
        let query: PGQuery = "\(["a", "", "NULL", "x,y", "{z}", #"q"uo\te"#])"
        #expect(query.values == [#"{"a","","NULL","x,y","{z}","q\"uo\\te"}"#])
    }

    @Test(.enabled(if: HQTestServer.configured, "needs MUSTER_HQ_URL: scripts/test-hq starts a PostgreSQL"))
    func awkwardValuesComeBackAsTheyWent() async throws {
        let values = [
            "", "NULL", "José Ñúñez", "李小龍", "محمد‌رضا", "O'Neil-Smith", #"back\slash "quoted" {brace}, comma"#, "tab\tnew\nline",
        ]
        let db = try await HQDatabase.connect(try HQTestServer.adminURL)
        let one = try await db.rows("SELECT \(values[6])::text, \(String?.none)::text, \(Int64.max)::text")
        #expect(one == [[values[6], nil, String(Int64.max)]])
        let each = try await db.rows("SELECT unnest(\(values)::text[])")
        #expect(each.map { $0[0] } == values.map { Optional($0) })
        var streamed: [String?] = []
        try await db.forEachRow("SELECT x FROM unnest(\(values)::text[]) WITH ORDINALITY AS t(x, i) ORDER BY i") { streamed.append($0[0]) }
        #expect(streamed == values.map { Optional($0) })
        let refused = await #expect(throws: HQError.self) { _ = try await db.rows("SELECT \("a\u{0}b")::text") }
        #expect(refused?.description.contains("NUL") == true)
        // The connection is still usable after a refusal and after a server error.
        await #expect(throws: HQError.self) { try await db.execute("SELECT no_such_column FROM pg_class") }
        #expect(try await db.int("SELECT 41 + \(1)") == 42)
        await db.close()
    }
}
