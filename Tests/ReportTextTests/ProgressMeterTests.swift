import CourseKit
import Foundation
import ReportText
import Synchronization
import Testing
import TestSupport

/// The progress line long commands draw: what it says, and how often it is drawn (a fake clock).
@Suite("Progress lines for long work")
struct ProgressMeterTests {
    /// A meter on a clock the test moves, keeping every line drawn and every clear.
    final class Watched: Sendable {
        let now = Box(0.0)
        let drawn = Box<[String]>([])
        let clears = Box(0)
        let meter: ProgressMeter

        final class Box<T: Sendable>: Sendable {
            let value: Mutex<T>
            init(_ v: T) { value = Mutex(v) }
            func withLock<R>(_ body: (inout T) -> R) -> R { value.withLock { body(&$0) } }
        }

        init(interval: Double = 0.25, delay: Double = 0.5) {
            let now = now, drawn = drawn, clears = clears
            meter = ProgressMeter(
                label: "Importing roster.csv", interval: interval, delay: delay, clock: { now.withLock { $0 } },
                draw: { line in drawn.withLock { $0.append(line) } }, clear: { clears.withLock { $0 += 1 } })
        }

        func at(_ t: Double, _ done: Int, of total: Int? = 1000, stage: String = "writing") {
            now.withLock { $0 = t }
            meter.reporter(stage, done, of: total, "rows")
        }

        var lines: [String] { drawn.withLock { $0 } }
    }

    @Test("a job shorter than the delay never shows a line, and finishing it clears nothing")
    func shortJobsStaySilent() {
        let w = Watched()
        for i in 1...100 { w.at(Double(i) * 0.004, i, of: 100) }
        w.meter.finish()
        #expect(w.lines.isEmpty)
        #expect(w.clears.withLock { $0 } == 0)
    }

    @Test("after the delay the line is drawn at most once per interval, and cleared once at the end")
    func throttled() {
        let w = Watched()
        // 1,000 reports over 2 s: from 0.5 s on, one line per 0.25 s at most.
        for i in 1...1000 { w.at(Double(i) * 0.002, i) }
        #expect((6...7).contains(w.lines.count), "\(w.lines)")
        w.meter.finish()
        w.meter.finish()
        #expect(w.clears.withLock { $0 } == 1)
    }

    @Test("a new stage is drawn at once, and its rate counts from its own start")
    func stages() {
        let w = Watched()
        w.at(1.0, 500, stage: "matching")
        w.at(1.1, 10)
        #expect(w.lines.last == "Importing roster.csv: writing 10/1,000 rows (1%)")
        w.at(2.1, 510)
        #expect(w.lines.last == "Importing roster.csv: writing 510/1,000 rows (51%) · 510/s · 1 s left")
    }

    @Test("the line's words: counts in threes, percent, rate and time left; a stage with nothing to count")
    func text() {
        func line(_ done: Int, _ total: Int?, _ elapsed: Double, stage: String = "writing", unit: String = "rows") -> String {
            ProgressMeter.line(label: "L", WorkProgress(stage: stage, done: done, total: total, unit: unit), elapsed: elapsed)
        }
        #expect(line(45_000, 100_000, 2) == "L: writing 45,000/100,000 rows (45%) · 22,500/s · 3 s left")
        #expect(line(1_234_567, nil, 10, unit: "records") == "L: writing 1,234,567 records · 123,457/s")
        #expect(line(100, 100, 3) == "L: writing 100/100 rows (100%) · 33/s")
        #expect(line(10, 100_000, 0.2) == "L: writing 10/100,000 rows (0%)")
        #expect(line(1, 10_000, 1) == "L: writing 1/10,000 rows (0%) · 1/s · 2 h 46 min left")
        #expect(line(0, nil, 5, stage: "recording the changes", unit: "") == "L: recording the changes…")
        #expect(line(0, 0, 5) == "L: writing 0/0 rows")
    }

    @Test("in Spanish: the catalogue's stages and units, Spanish grouping and percent; an unknown stage as named")
    func spanish() {
        func line(_ done: Int, _ total: Int?, _ elapsed: Double, stage: String = "writing", unit: String = "rows") -> String {
            ProgressMeter.line(
                label: "Importando r.csv", WorkProgress(stage: stage, done: done, total: total, unit: unit), elapsed: elapsed,
                language: .es)
        }
        #expect(line(45_000, 100_000, 2) == "Importando r.csv: escribiendo 45.000/100.000 filas (45 %) · 22.500/s · faltan 3 s")
        #expect(
            line(100, 4_000, 1, stage: "recording for sync")
                == "Importando r.csv: registrando para sincronizar 100/4000 filas (2 %) · 100/s · faltan 39 s")
        #expect(
            line(0, nil, 5, stage: "rewriting the library file", unit: "") == "Importando r.csv: reescribiendo el archivo de la biblioteca…"
        )
        #expect(line(0, nil, 5, stage: "something new", unit: "") == "Importando r.csv: something new…")
    }

    @Test(
        "over any run of reports: never more lines than the time allows, and each stage's counts only grow",
        .seeded)
    func property() {
        var rng = SeededRandom()
        for _ in 0..<200 {
            let w = Watched()
            var t = 0.0
            var stages = 0
            for stage in ["a", "b", "c"].prefix(Int.random(in: 1...3, using: &rng)) {
                stages += 1
                let total = Int.random(in: 1...5000, using: &rng)
                for done in stride(from: 1, through: total, by: Int.random(in: 1...50, using: &rng)) {
                    t += Double.random(in: 0...0.01, using: &rng)
                    w.at(t, done, of: total, stage: stage)
                }
            }
            let allowed = Int(max(0, t - 0.5) / 0.25) + 1 + stages
            #expect(w.lines.count <= allowed, "\(w.lines.count) lines in \(t) s; seed \(rng.seed)")
            for stage in ["a", "b", "c"] {
                let counts = w.lines.filter { $0.contains(": \(stage) ") }.compactMap {
                    Int($0.split(separator: " ")[3].split(separator: "/")[0].replacingOccurrences(of: ",", with: ""))
                }
                #expect(counts == counts.sorted(), "seed \(rng.seed)")
            }
        }
    }
}
