import Foundation

/// Dates and durations as other tools write them.
///
/// Every tool writes times its own way, often in its user's locale: `2024-05-07 08:52` (pretix),
/// `2024-04-20 03:14:15.926535+00:00` (Indico), `05/07/2024 09:01:23 AM` (Zoom, US order),
/// `07/05/2024, 09:01:23` (Teams in a day-first locale), `07 May 2024 09.00AM` (Moodle). A time
/// without an offset is read in the course's time zone. When day and month could be either way
/// round, both readings are returned and the course's session calendar decides (see `TimeCandidates`).
enum ImportDates {
    /// Every plausible reading of `text`, most likely (month first, as US-made tools write) first.
    static func candidates(_ text: String, zone: TimeZone) -> TimeCandidates {
        var scanner = Scanner(text)
        guard let parts = scanner.parse() else { return TimeCandidates([]) }
        var dates: [Date] = []
        var valid: [Bool] = []
        for ymd in parts.readings {
            let date = make(ymd, parts, zone: zone)
            valid.append(date != nil)
            guard let date, !dates.contains(date) else { continue }
            dates.append(date)
        }
        let order: TimeCandidates.Order =
            valid.count < 2 ? .fixed : valid == [true, true] ? .either : valid == [false, true] ? .dayFirst : .monthFirst
        return TimeCandidates(dates, order: dates.isEmpty ? .fixed : order)
    }

    /// The single reading of an unambiguous timestamp (ISO 8601 and the like), else nil.
    static func exact(_ text: String, zone: TimeZone) -> Date? {
        let c = candidates(text, zone: zone).dates
        return c.count == 1 ? c[0] : nil
    }

    /// Moodle's session column title: `07 May 2024 09.00AM All students` → the start, in `zone`.
    static func moodleSessionStart(_ title: String, zone: TimeZone) -> Date? {
        let words = title.split(separator: " ", omittingEmptySubsequences: true)
        guard words.count >= 4, let day = Int(words[0]), let year = Int(words[2]), year > 1900,
            let month = months.firstIndex(of: words[1].prefix(3).lowercased()).map({ $0 + 1 })
        else { return nil }
        var clock = words[3].lowercased()
        let pm = clock.hasSuffix("pm"), am = clock.hasSuffix("am")
        guard pm || am else { return nil }
        clock.removeLast(2)
        let hm = clock.split(whereSeparator: { $0 == "." || $0 == ":" })
        guard hm.count == 2, var h = Int(hm[0]), let m = Int(hm[1]), (1...12).contains(h), (0...59).contains(m) else { return nil }
        if h == 12 { h = 0 }
        if pm { h += 12 }
        return make((year, month, day), Parts(hour: h, minute: m), zone: zone)
    }

    /// Minutes in `1h 13m 42s`, `45m 3s`, `01:13:42`, `73:05` (minutes:seconds) or `73` (minutes).
    static func minutes(_ raw: String) -> Double? {
        let text = raw.trimmingCharacters(in: .whitespaces).lowercased()
        if text.isEmpty { return nil }
        if let n = Double(text) { return n >= 0 ? n : nil }
        if text.contains(":") {
            let p = text.split(separator: ":").map { Double($0) }
            guard p.allSatisfy({ $0 != nil }) else { return nil }
            let v = p.map { $0! }
            if v.count == 3 { return v[0] * 60 + v[1] + v[2] / 60 }
            if v.count == 2 { return v[0] + v[1] / 60 }
            return nil
        }
        var total = 0.0, number = "", matched = false
        for ch in text + " " {
            if ch.isNumber || ch == "." { number.append(ch); continue }
            guard let n = Double(number) else { number = ""; continue }
            switch ch {
            case "h": total += n * 60; matched = true
            case "m": total += n; matched = true
            case "s": total += n / 60; matched = true
            default: break
            }
            number = ""
        }
        return matched ? total : nil
    }

    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    private static func make(_ ymd: (Int, Int, Int), _ p: Parts, zone: TimeZone) -> Date? {
        let (y, m, d) = ymd
        guard (1...12).contains(m), d >= 1, d <= CalendarDate.daysIn(month: m, year: y),
            (0...23).contains(p.hour), (0...59).contains(p.minute), (0...60).contains(p.second)
        else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = p.offset.flatMap(TimeZone.init(secondsFromGMT:)) ?? zone
        let date = calendar.date(from: DateComponents(year: y, month: m, day: d, hour: p.hour, minute: p.minute, second: p.second))
        return date.map { $0.addingTimeInterval(Double(p.millisecond) / 1000) }
    }

    struct Parts {
        var numbers: [Int] = []
        var yearFirst = false
        var hour = 0, minute = 0, second = 0, millisecond = 0
        var offset: Int?

        /// (year, month, day) readings of the date numbers, month-first before day-first.
        var readings: [(Int, Int, Int)] {
            guard numbers.count == 3 else { return [] }
            if yearFirst { return [(numbers[0], numbers[1], numbers[2])] }
            let year = numbers[2] < 100 ? 2000 + numbers[2] : numbers[2]
            let mdy = (year, numbers[0], numbers[1]), dmy = (year, numbers[1], numbers[0])
            return numbers[0] == numbers[1] ? [mdy] : [mdy, dmy]
        }
    }

    /// A small hand-written scanner: `date [T|space|,] time [AM|PM] [Z|±hh:mm|GMT±h]`.
    struct Scanner {
        let bytes: [UInt8]
        var i = 0
        init(_ text: String) { bytes = Array(text.trimmingCharacters(in: .whitespaces).utf8) }

        mutating func parse() -> Parts? {
            var p = Parts()
            guard let first = number() else { return nil }
            p.yearFirst = first.digits == 4
            p.numbers.append(first.value)
            guard let sep = peek(), sep == 0x2F || sep == 0x2D || sep == 0x2E else { return nil }  // / - .
            for _ in 0..<2 {
                guard peek() == sep else { return nil }
                i += 1
                guard let n = number() else { return nil }
                p.numbers.append(n.value)
            }
            skip { $0 == 0x20 || $0 == 0x2C || $0 == 0x54 }  // space , T
            guard let h = number() else { return i == bytes.count ? p : nil }
            p.hour = h.value
            guard peek() == 0x3A || peek() == 0x2E else { return nil }
            i += 1
            guard let m = number() else { return nil }
            p.minute = m.value
            if peek() == 0x3A {
                i += 1
                guard let s = number() else { return nil }
                p.second = s.value
                if peek() == 0x2E {
                    i += 1
                    guard let f = number() else { return nil }
                    let digits = String(String(f.value).paddingLeft(to: f.digits).prefix(3))
                    p.millisecond = Int(digits.padding(toLength: 3, withPad: "0", startingAt: 0)) ?? 0
                }
            }
            skip { $0 == 0x20 }
            if let meridiem = word(), ["am", "pm", "a.m.", "p.m."].contains(meridiem) {
                guard (1...12).contains(p.hour) else { return nil }
                if p.hour == 12 { p.hour = 0 }
                if meridiem.hasPrefix("p") { p.hour += 12 }
                skip { $0 == 0x20 }
            }
            if peek() == 0x5A { i += 1; p.offset = 0 }  // Z
            if bytes[i...].starts(with: Array("GMT".utf8)) || bytes[i...].starts(with: Array("UTC".utf8)) { i += 3 }
            if let s = peek(), s == 0x2B || s == 0x2D {
                i += 1
                guard let hh = number() else { return nil }
                var hours = hh.value, minutes = 0
                if hh.digits == 4 {
                    hours = hh.value / 100; minutes = hh.value % 100
                } else if peek() == 0x3A {
                    i += 1; minutes = number()?.value ?? 0
                }
                p.offset = (s == 0x2D ? -1 : 1) * (hours * 3600 + minutes * 60)
            }
            return i == bytes.count ? p : nil
        }

        func peek() -> UInt8? { i < bytes.count ? bytes[i] : nil }

        mutating func skip(_ test: (UInt8) -> Bool) { while let b = peek(), test(b) { i += 1 } }

        mutating func number() -> (value: Int, digits: Int)? {
            let start = i
            skip { $0 >= 0x30 && $0 <= 0x39 }
            guard i > start, i - start <= 9 else { return nil }
            return (Int(String(decoding: bytes[start..<i], as: UTF8.self))!, i - start)
        }

        mutating func word() -> String? {
            let start = i
            skip { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A || $0 == 0x2E }
            return i > start ? String(decoding: bytes[start..<i], as: UTF8.self).lowercased() : nil
        }
    }
}

private extension String {
    func paddingLeft(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
