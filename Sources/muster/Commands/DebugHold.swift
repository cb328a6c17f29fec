import CourseKit
import Foundation

/// A write held open on purpose, for the end-to-end test of long work holding the library
/// (`BusyLibraryTests`): marks and check-ins from other processes must land meanwhile, and that
/// test must not depend on how long an import takes (it failed once the import got fast enough
/// to finish before the marks began).
///
/// Only in debug builds: with `MUSTER_DEBUG_HOLD=DIR`, `muster import roster` stops at its first
/// written row, inside its write, creates `DIR/holding` and waits (at most 60 s) for
/// `DIR/release` before going on.
enum DebugHold {
    static func wrap(_ progress: ProgressReporter) -> ProgressReporter {
        #if DEBUG
            guard let dir = ProcessInfo.processInfo.environment["MUSTER_DEBUG_HOLD"], !dir.isEmpty else { return progress }
            let gate = Gate()
            return ProgressReporter { report in
                if report.stage == "writing", gate.first() { hold(in: dir) }
                progress(report.stage, report.done, of: report.total, report.unit)
            }
        #else
            return progress
        #endif
    }

    private static func hold(in dir: String) {
        FileManager.default.createFile(atPath: dir + "/holding", contents: nil)
        let deadline = Date().addingTimeInterval(60)
        while !FileManager.default.fileExists(atPath: dir + "/release") && Date() < deadline { usleep(10_000) }
    }

    /// True the first time only.
    private final class Gate: @unchecked Sendable {
        private let lock = NSLock()
        private var passed = false

        func first() -> Bool {
            lock.lock()
            defer { lock.unlock() }
            defer { passed = true }
            return !passed
        }
    }
}
