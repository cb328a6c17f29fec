import CourseKit
import Foundation
import Testing
import TestSupport

@Suite("The kiosk's wrong-PIN count on disk")
struct PINFailureLogTests {
    @Test("counts, survives a new reader, is private, and clears")
    func countsAndClears() throws {
        let dir = TemporaryDirectory("pin")
        let log = PINFailureLog(library: dir.file("lib.sqlite"), courseID: 7)
        #expect(log.read() == PINFailureLog.Record())
        try log.recordFailure(at: Date(timeIntervalSince1970: 100))
        let second = try log.recordFailure(at: Date(timeIntervalSince1970: 160))
        #expect(second == PINFailureLog.Record(failures: 2, last: Date(timeIntervalSince1970: 160)))
        #expect(PINFailureLog(library: dir.file("lib.sqlite"), courseID: 7).read() == second)
        #expect(PINFailureLog(library: dir.file("lib.sqlite"), courseID: 8).read().failures == 0)
        let mode = try FileManager.default.attributesOfItem(atPath: log.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        log.clear()
        #expect(log.read() == PINFailureLog.Record())
    }

    @Test("a damaged file counts as none and is replaced by the next wrong PIN")
    func damaged() throws {
        let dir = TemporaryDirectory("pin")
        let log = PINFailureLog(library: dir.file("lib.sqlite"), courseID: 1)
        _ = dir.write("lib.sqlite.kiosk-pin-1", "{not json")
        #expect(log.read().failures == 0)
        #expect(try log.recordFailure(at: Date()).failures == 1)
    }
}
