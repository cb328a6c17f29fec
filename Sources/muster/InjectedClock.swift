import CourseKit
import Foundation

/// **Test-only.** Lets end-to-end tests give the binary a clock of their choosing, so a kiosk can
/// be taken across a session boundary in seconds and a mark stamped at 09:00 on the test's day:
///
/// - `MUSTER_NOW=2024-05-07T10:14:50+09:00`: the clock starts there and runs on in real time.
/// - `MUSTER_NOW_FILE=/path`: the file holds such a time and is read again at every look at the
///   clock (each kiosk tick, each write), so a test moves time by rewriting it; the clock stands
///   still in between. A read that fails (the file being replaced) keeps the last good time.
///
/// Without an offset the time is in the process's time zone (`TZ`). Both the store (event times)
/// and the kiosk (its timetable, its timers) use this clock. Not for production: nothing checks
/// that the time is sane, and the library's events carry whatever it says.
enum InjectedClock {
    /// The clock the environment asks for, or the system's; a value that is not a date-time is an
    /// error naming the variable, never silently the real time.
    static func fromEnvironment(
        _ environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> @Sendable () -> Date {
        if let path = environment["MUSTER_NOW_FILE"], !path.isEmpty {
            let first = try read(path)
            let last = LastGood(first)
            return { last.update((try? read(path)) ?? nil) }
        }
        if let text = environment["MUSTER_NOW"], !text.isEmpty {
            guard let start = parse(text) else {
                throw MusterError.invalid("MUSTER_NOW=\(text) is not a date-time like 2024-05-07T10:14:50+09:00")
            }
            let began = Date()
            return { start.addingTimeInterval(Date().timeIntervalSince(began)) }
        }
        return { Date() }
    }

    static func read(_ path: String) throws -> Date {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw MusterError.unreadable(path: path, reason: "MUSTER_NOW_FILE cannot be read")
        }
        guard let date = parse(text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw MusterError.invalid("MUSTER_NOW_FILE \(path) does not hold a date-time like 2024-05-07T10:14:50+09:00")
        }
        return date
    }

    /// `2024-05-07T10:14:50+09:00`, `…Z`, or `2024-05-07T10:14:50` in the local zone.
    static func parse(_ text: String) -> Date? {
        let withZone = ISO8601DateFormatter()
        withZone.formatOptions = [.withInternetDateTime]
        if let date = withZone.date(from: text) { return date }
        let local = DateFormatter()
        local.locale = Locale(identifier: "en_US_POSIX")
        local.timeZone = TimeZone.current
        local.dateFormat = "yyyy-MM-dd'T'HH:mm:ss"
        return local.date(from: text)
    }

    /// The last time the file gave, for reads that catch it half-written.
    final class LastGood: @unchecked Sendable {
        private let lock = NSLock()
        private var date: Date
        init(_ date: Date) { self.date = date }
        func update(_ new: Date?) -> Date {
            lock.lock()
            defer { lock.unlock() }
            if let new { date = new }
            return date
        }
    }
}
