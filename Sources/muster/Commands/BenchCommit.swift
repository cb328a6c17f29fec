import ArgumentParser
import CourseKit
import Foundation

/// For `scripts/bench`: how long one mark takes to commit with `synchronous=FULL`, measured
/// inside the process (no start-up), one event per transaction as the roll call writes them.
struct BenchCommit: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bench-commit", shouldDisplay: false)
    @OptionGroup var library: LibraryOptions
    @Argument var course: String
    @Argument var session: String
    @Option var count: Int = 200
    /// Milliseconds between marks, polling the library twice in each pause as the roll call
    /// does while the facilitator looks for the next person (0: marks back to back).
    @Option var pauseMs: Int = 0

    func run() throws {
        try reportingErrors {
            let (store, s, people) = try MarkingTarget.open(library, course: course, session: session)
            var times: [Double] = []
            for i in 0..<count {
                let start = ContinuousClock.now
                try store.attendance.mark(session: s, person: people[i % people.count], status: .present, source: .cli)
                let (sec, atto) = (ContinuousClock.now - start).components
                times.append(Double(sec) * 1000 + Double(atto) / 1e15)
                if pauseMs > 0 {
                    for _ in 0..<2 {
                        Thread.sleep(forTimeInterval: Double(pauseMs) / 2000)
                        try store.poll()
                    }
                }
            }
            times.sort()
            print(
                String(
                    format: "commit median %.3f ms p99 %.3f ms", times[times.count / 2], times[min(times.count - 1, times.count * 99 / 100)]
                ))
        }
    }
}
