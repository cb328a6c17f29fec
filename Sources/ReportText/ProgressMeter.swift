import CourseKit
import Foundation
import Synchronization
import TerminalUI

/// Turns a long job's ``WorkProgress`` reports into a progress line a few times a second:
/// "Importing roster.csv: writing 45,000/100,000 rows (45%) · 21,300/s · 3 s left".
///
/// Loops report every row; drawing that often would cost more than the work and flicker, so the
/// meter draws at most once per `interval`, and nothing during the first `delay` (a job that ends
/// sooner never shows a line). It never writes itself: `draw` puts the line on the terminal
/// (over the previous one) and `clear` takes it away, so the command line and the head office
/// each keep their own output rules, and tests watch the lines with a fake clock.
public final class ProgressMeter: Sendable {
    private struct State {
        var stage: String?
        var stageStart = 0.0
        var lastDraw: Double?
        var drawn = false
    }

    private let label: String
    private let language: Language
    private let start: Double
    private let interval: Double
    private let delay: Double
    private let clock: @Sendable () -> Double
    private let draw: @Sendable (String) -> Void
    private let clear: @Sendable () -> Void
    private let state = Mutex(State())

    public init(
        label: String, language: Language = .en, interval: Double = 0.25, delay: Double = 0.5,
        clock: @escaping @Sendable () -> Double = ProgressMeter.monotonic,
        draw: @escaping @Sendable (String) -> Void, clear: @escaping @Sendable () -> Void
    ) {
        self.label = label; self.language = language; self.interval = interval; self.delay = delay
        self.clock = clock; self.draw = draw; self.clear = clear
        start = clock()
    }

    /// Seconds on a clock that never jumps (the wall clock may be set back mid-job).
    public static let monotonic: @Sendable () -> Double = { ProcessInfo.processInfo.systemUptime }

    /// What to hand the library's long loops.
    public var reporter: ProgressReporter { ProgressReporter { [self] in take($0) } }

    /// One report: drawn when the job has run `delay`, the last line is `interval` old, or the stage changed.
    public func take(_ progress: WorkProgress) {
        let now = clock()
        let line: String? = state.withLock { s in
            if s.stage != progress.stage {
                s.stage = progress.stage
                s.stageStart = now
            } else if let last = s.lastDraw, now - last < interval {
                return nil
            }
            guard now - start >= delay else { return nil }
            s.lastDraw = now
            s.drawn = true
            return Self.line(label: label, progress, elapsed: now - s.stageStart, language: language)
        }
        if let line { draw(line) }
    }

    /// The job ended (or failed): the line goes, so what the command prints next starts clean.
    public func finish() {
        let drawn = state.withLock { s in
            defer { s.drawn = false }
            return s.drawn
        }
        if drawn { clear() }
    }

    /// The line for `progress`, `elapsed` seconds into its stage, in `language`. The rate waits
    /// for half a second of work (before that it is noise); the time left needs a rate and a total.
    ///
    /// The library names its stages and units in English ("matching", "rows"), as identifiers;
    /// the `Progress` catalogue says them in the language, and a stage it does not know is shown
    /// as the library named it.
    public static func line(label: String, _ progress: WorkProgress, elapsed: Double, language: Language = .en) -> String {
        let words = Words(language)
        func term(_ kind: String, _ name: String) -> String {
            let key = "\(kind).\(name)"
            let text = words.text(key, table: "Progress")
            return text == key ? name : text
        }
        let stage = term("stage", progress.stage), unit = progress.unit.isEmpty ? "" : term("unit", progress.unit)
        // A stage with nothing to count yet ("recording the changes") says only what it does.
        if progress.total == nil && progress.done == 0 { return "\(label): \(stage)…" }
        var text = "\(label): \(stage) \(language.number(progress.done))"
        if let total = progress.total {
            text += "/\(language.number(total)) \(unit)"
            if total > 0 { text += " " + words.format("percent", table: "Progress", String(min(100, progress.done * 100 / total))) }
        } else {
            text += " \(unit)"
        }
        guard elapsed >= 0.5, progress.done > 0 else { return text }
        let rate = Double(progress.done) / elapsed
        text += " · \(language.number(Int(rate.rounded())))/s"
        if let total = progress.total, total > progress.done {
            text += " · " + words.format("left", table: "Progress", duration(Double(total - progress.done) / rate))
        }
        return text
    }

    /// "100,000": digits in threes, so a glance tells ten thousand from a hundred thousand.
    static func grouped(_ n: Int) -> String { Language.en.number(n) }

    /// "4 s", "2 min 05 s", "1 h 03 min": whole seconds, rounded up (never "0 s left" while work remains).
    static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded(.up))
        if s < 60 { return "\(s) s" }
        if s < 3600 { return "\(s / 60) min \(String(format: "%02d", s % 60)) s" }
        return "\(s / 3600) h \(String(format: "%02d", s % 3600 / 60)) min"
    }
}

extension ProgressMeter {
    /// A meter that draws on standard error, or nil when standard error is not a terminal: a log
    /// or a pipe would keep every intermediate line. The line is drawn over the previous one
    /// (carriage return, erase to end), shown safely (a file name may hold escapes), in ASCII
    /// where the locale is not UTF-8, and cut to `columns()` (else `$COLUMNS`, else 80): a
    /// line that wraps can no longer be drawn over.
    public static func onStandardError(
        label: String, language: Language = .en, columns: @escaping @Sendable () -> Int? = { nil }
    ) -> ProgressMeter? {
        guard isatty(2) == 1 else { return nil }
        return ProgressMeter(label: label, language: language, draw: { writeLine($0, columns: columns()) }, clear: clearLine)
    }

    /// Draws `line` over the one standard error shows, cut to `columns` (else `$COLUMNS`, else
    /// 80), in ASCII where the locale is not UTF-8. Every progress line Muster draws, this
    /// meter's or a live exchange's, goes through here.
    public static func writeLine(_ line: String, columns: Int?) {
        guard isatty(2) == 1 else { return }
        let environment = ProcessInfo.processInfo.environment
        let width = columns ?? environment["COLUMNS"].flatMap(Int.init) ?? 80
        let shown = VisibleText.make(line).truncated(toWidth: max(10, width - 1))
        let ascii = !Theme.localeIsUTF8(environment: environment)
        FileHandle.standardError.write(Data("\r\(ascii ? ASCIIFallback.text(shown) : shown)\u{1B}[K".utf8))
    }

    /// Clears the progress line, so what follows starts on a clean line.
    public static func clearLine() {
        guard isatty(2) == 1 else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }

    /// Runs `job` with a progress line on standard error (when it is a terminal); the line goes
    /// when the job ends, failed or not, before anything else is printed.
    public static func around<T>(
        _ label: String, language: Language = .en, columns: @escaping @Sendable () -> Int? = { nil },
        _ job: (ProgressReporter) throws -> T
    ) rethrows -> T {
        let meter = onStandardError(label: label, language: language, columns: columns)
        defer { meter?.finish() }
        return try job(meter?.reporter ?? .silent)
    }

    /// The same for asynchronous work (the head office's ingest).
    public static func around<T>(
        _ label: String, language: Language = .en, columns: @escaping @Sendable () -> Int? = { nil },
        _ job: (ProgressReporter) async throws -> T
    ) async rethrows -> T {
        let meter = onStandardError(label: label, language: language, columns: columns)
        defer { meter?.finish() }
        return try await job(meter?.reporter ?? .silent)
    }
}
