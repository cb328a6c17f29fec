import ArgumentParser
import CourseKit
import Foundation

/// For `scripts/bench`: how long one mark takes to commit with `synchronous=FULL`, measured
/// inside the process (no start-up), one event per transaction as the roll call writes them,
/// each one changing the person's mark. Prints the median, the p99, the process's CPU time per
/// mark, the slowest mark and the WAL frames (pages) a mark's commit wrote, median.
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
            // Every mark changes the person's mark (present ↔ absent), as a facilitator's does:
            // marking someone present who already is would skip the tallies a real mark moves.
            var current = try store.attendance.marks(sessionID: s.id!, personIDs: people.prefix(count).compactMap(\.id))
                .mapValues(\.status)
            var times: [Double] = []
            var frames: [Int] = []
            let wal = store.path + "-wal"
            var frameSize = 0
            let cpuBefore = Self.cpuSeconds()
            for i in 0..<count {
                let person = people[i % people.count]
                let status: AttendanceStatus = current[person.id!] == .present ? .absent : .present
                current[person.id!] = status
                let walBefore = Self.fileSize(wal)
                let start = ContinuousClock.now
                try store.attendance.mark(session: s, person: person, status: status, source: .cli)
                let (sec, atto) = (ContinuousClock.now - start).components
                times.append(Double(sec) * 1000 + Double(atto) / 1e15)
                // A commit appends its pages to the WAL, 24 + page-size bytes each; after a
                // checkpoint the WAL is written again from its start and does not grow, so
                // only the marks that grew it are counted.
                if frameSize == 0 { frameSize = Self.walFrameSize(wal) }
                let grown = Self.fileSize(wal) - walBefore
                if grown > 0, frameSize > 0 { frames.append(grown / frameSize) }
                if pauseMs > 0 {
                    for _ in 0..<2 {
                        Thread.sleep(forTimeInterval: Double(pauseMs) / 2000)
                        try store.poll()
                    }
                }
            }
            let cpuPerMark = (Self.cpuSeconds() - cpuBefore) * 1000 / Double(count)
            times.sort()
            frames.sort()
            print(
                String(
                    format: "commit median %.3f ms p99 %.3f ms cpu %.3f ms max %.3f ms frames %d", times[times.count / 2],
                    times[min(times.count - 1, times.count * 99 / 100)], cpuPerMark, times[times.count - 1],
                    frames.isEmpty ? 0 : frames[frames.count / 2]
                ))
        }
    }

    /// A file's size in bytes, 0 when it does not exist.
    static func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }

    /// The size of one WAL frame: its 24-byte header and a page, the page size read from the
    /// WAL's own header (bytes 8–11, big-endian), so a library of another page size counts
    /// right. 0 while the WAL has no header.
    static func walFrameSize(_ path: String) -> Int {
        guard let handle = FileHandle(forReadingAtPath: path), let header = try? handle.read(upToCount: 12), header.count == 12
        else { return 0 }
        try? handle.close()
        let pageSize = header[8..<12].reduce(0) { $0 << 8 | Int($1) }
        return pageSize > 0 ? 24 + pageSize : 0
    }

    /// User and system time of the whole process so far (every thread), in seconds: a mark's
    /// CPU beside its wall time tells computing from waiting on the disk. Includes the polls
    /// of a paced run.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}
