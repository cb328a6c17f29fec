import Foundation
import LibraryTestSupport
import Testing
import TestSupport

/// `muster sync label|peers|trust|revoke` and `sync with`'s refusals, with the real binary: a
/// device named, paired by key without a code, revoked and trusted again, and the one-line
/// errors a mistyped URL, an https URL, a wrong pairing code or a peer that is not there give.
/// (Exchanges between running processes: `LiveSyncJourneyTests`.)
@Suite struct SyncPeerCommandTests {
    let dir = TemporaryDirectory("sync-peer-command")

    func muster(_ name: String, _ args: [String]) throws -> MusterBinary.Result {
        try MusterBinary.run(args + ["--db", dir.file("\(name).sqlite"), "--courses", Fixtures.coursesDirectory], home: dir.path)
    }

    @Test func namingPairingByKeyRevokingAndTrustingAgain() throws {
        #expect(try muster("a", ["sync", "label", "Laptop José Ñúñez"]).stdout == "this device is now called Laptop José Ñúñez\n")
        #expect(try muster("b", ["sync", "label", "door\u{1B}[31m"]).stdout == "this device is now called door\n")
        let empty = try muster("a", ["sync", "label", " "])
        #expect(empty.status == 1 && empty.stderr == "muster: a device name is 1 to 60 characters\n")

        let peers = try muster("b", ["sync", "peers"])
        #expect(peers.status == 0)
        let keyLine = try #require(peers.stdout.split(separator: "\n").first)
        #expect(keyLine.hasPrefix("this device: door, key "))
        #expect(peers.stdout.contains("no paired devices: pair with 'muster sync with URL --pair CODE'"))
        let key = String(keyLine.split(separator: " ").last!)

        let trusted = try muster("a", ["sync", "trust", key, "--label", "door"])
        #expect(trusted.status == 0 && trusted.stdout.hasPrefix("trusted door ("), "\(trusted.stderr)")
        #expect(try muster("a", ["sync", "peers"]).stdout.contains("door ("))
        let revoked = try muster("a", ["sync", "revoke", "door"])
        #expect(revoked.stdout.hasPrefix("revoked door (") && revoked.stdout.hasSuffix("): it is refused from now on\n"))
        #expect(try muster("a", ["sync", "peers"]).stdout.contains(" · revoked "))
        #expect(try muster("a", ["sync", "trust", "door"]).status == 0)
        #expect(!(try muster("a", ["sync", "peers"]).stdout.contains(" · revoked ")))

        let nobody = try muster("a", ["sync", "revoke", "nobody"])
        #expect(nobody.status == 1 && nobody.stderr == "muster: no paired device is called 'nobody': see `muster sync peers`\n")
    }

    @Test func exchangeRefusalsAreOneLine() throws {
        let https = try muster("a", ["sync", "with", "https://10.0.0.1:8731"])
        #expect(https.stderr == "muster: https://10.0.0.1:8731: use http://: the exchange is encrypted end to end with the paired key\n")
        let badCode = try muster("a", ["sync", "with", "http://127.0.0.1:9", "--pair", "abc"])
        #expect(badCode.status != 0 && badCode.stderr.contains("--pair abc is not a pairing code"))
        // Port 9 (discard) on loopback: nothing listens there in a test machine.
        let gone = try muster("a", ["sync", "with", "http://127.0.0.1:9", "--timeout", "5"])
        #expect(gone.status == 1)
        #expect(gone.stderr == "muster: cannot reach http://127.0.0.1:9: connection refused — is `muster sync serve` running there?\n")
    }
}
