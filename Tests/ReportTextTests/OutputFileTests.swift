import Foundation
import ReportText
import Testing
import TestSupport

/// Issue 21, item 2: exports were written 0644 and only then made 0600, and another user
/// watching the folder read them while they were written.
@Suite struct OutputFileTests {
    /// Every mode seen in the folder by a watcher polling it while the file is written.
    final class Watcher: @unchecked Sendable {
        let lock = NSLock()
        var exposed: [String] = []
        var running = true
        var polls = 0

        func watch(_ folder: String, started: DispatchSemaphore) {
            var first = true
            while lock.withLock({ running }) {
                for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
                    var info = stat()
                    if stat(folder + "/" + name, &info) == 0, info.st_mode & 0o077 != 0 {
                        lock.withLock { exposed.append("\(name) \(String(info.st_mode & 0o777, radix: 8))") }
                    }
                }
                lock.withLock { polls += 1 }
                if first {
                    first = false
                    started.signal()
                }
            }
        }
    }

    @Test("a file written with -o is readable by its owner only, from its first byte to its last")
    func privateFromTheFirstByte() throws {
        let dir = TemporaryDirectory("private")
        let folder = dir.file("out")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/roster.csv"
        let text = String(repeating: "Ana,Tellei,ana.tellei@example.org,PW,BIM\n", count: 800_000)  // about 33 MB
        let watcher = Watcher()
        let started = DispatchSemaphore(value: 0), finished = DispatchSemaphore(value: 0)
        // A thread of its own: the test pool's threads may all be busy with other suites.
        Thread {
            watcher.watch(folder, started: started)
            finished.signal()
        }.start()
        started.wait()
        try OutputFile.write(text, to: path)
        try OutputFile.write("again\n", to: path)  // replacing a file is private too
        watcher.lock.withLock { watcher.running = false }
        finished.wait()
        let exposed = Set(watcher.lock.withLock { watcher.exposed })
        #expect(exposed.isEmpty, "readable by others while written: \(exposed.sorted().prefix(3))")
        #expect(watcher.lock.withLock { watcher.polls } > 0)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "again\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["roster.csv"])  // no temp left
    }
}
