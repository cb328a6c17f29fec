import Foundation
import Testing

@testable import CourseKit

/// A refusal's words travel in a header another device wrote: said only when they are a
/// refusal this device knows, with the right number of plain values, sanitised.
struct PeerRefusalTests {
    static func answer(_ said: ChangeSummary) -> SyncMessage {
        SyncMessage(status: 403, headers: PeerRefusal.headers(said), body: Data(said.text(in: .en).utf8))
    }

    @Test func aKnownRefusalIsSaidInTheReadersLanguage() throws {
        let said = ChangeSummary(in: "Sync", "refusal.revoked", .text("kiosk-door"), .text("laptop-a"))
        let reason = try #require(PeerRefusal.reason(Self.answer(said)))
        #expect(reason.text(in: .en) == "kiosk-door was revoked on laptop-a; trust it again there first")
        #expect(reason.text(in: .es) == "kiosk-door fue revocado en laptop-a; vuelva a confiar en él allí primero")
    }

    @Test(arguments: [
        // Not a refusal, another table, a key this device does not know.
        ChangeSummary(in: "Sync", "serveLog.paired", .text("a"), .text("b"), .text("c")),
        ChangeSummary(in: "Errors", "refusal.wrongCode"),
        ChangeSummary(in: "Sync", "refusal.fromTheFuture", .text("x")),
        // Too few or too many values: a format fed the wrong count must never be reached.
        ChangeSummary(in: "Sync", "refusal.revoked", .text("only one")),
        ChangeSummary(in: "Sync", "refusal.wrongCode", .text("extra")),
        // Values that are not plain text.
        ChangeSummary(in: "Sync", "refusal.revokedHere", .change(ChangeSummary(in: "Sync", "refusal.wrongCode"))),
        ChangeSummary(in: "Sync", "refusal.revokedHere", .number(3)),
    ])
    func anythingElseFallsBackToTheSentence(said: ChangeSummary) {
        #expect(PeerRefusal.reason(Self.answer(said)) == nil)
    }

    @Test func aForgedHeaderIsRefusedAndValuesAreSanitised() throws {
        for value in ["not base64!", Data("{\"key\":".utf8).base64EncodedString(), String(repeating: "A", count: 5000)] {
            #expect(PeerRefusal.reason(SyncMessage(status: 403, headers: [PeerRefusal.header: value])) == nil)
        }
        let hostile = ChangeSummary(in: "Sync", "refusal.revokedHere", .text("evil\u{1B}[2J\u{202E}name\r\n"))
        let reason = try #require(PeerRefusal.reason(Self.answer(hostile)))
        let text = reason.text(in: .es)
        #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x202E || $0 == "\r" || $0 == "\n" }, "\(text)")
        #expect(text.hasSuffix(" fue revocado aquí"))
    }

    @Test func blanksAreCounted() {
        #expect(PeerRefusal.blanks(in: "%1$@ was revoked on %2$@; trust it again there first") == 2)
        #expect(PeerRefusal.blanks(in: "wrong pairing code") == 0)
        #expect(PeerRefusal.blanks(in: "no operation '%@'") == 1)
    }
}
