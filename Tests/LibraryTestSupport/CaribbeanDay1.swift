import CourseKit
import Foundation

/// Day 1 of the Caribbean consultation: one online meeting holding three sessions, `drm`
/// 09:00–10:15, `climate` 10:20–11:35 and `socio` 11:40–12:55 (Barbados time), 142 people from the
/// course's roster in groups whose per-session marks are worked out by hand in `expected`.
///
/// The rule (50 % of 75 minutes is 38 minutes; late after 10 minutes) applied to each group:
///
/// | group | stretches | drm | climate | socio |
/// |---|---|---|---|---|
/// | A 100 | 08:52–12:58 | present | present | present |
/// | B 10 | 09:25–12:58 | late (50 min) | present | present |
/// | C 8 | 08:55–09:30, 09:40–10:50, 11:00–12:58 (rejoins) | present (30+35) | present (30+35) | present |
/// | D 6 | 08:58–10:40 (leave early) | present | absent (20 min) | absent (not online) |
/// | E 5 | 10:45–12:58 | absent (not online) | late (10:45, 50 min) | present |
/// | F 4 | 09:00–09:25, 09:05–09:30 (two devices) | absent (30 min, not 50) | absent | absent |
/// | G 5 | 11:52–12:10, 12:15–12:58 | absent | absent | late (18+40) |
/// | H 4 | 08:52–09:20 | absent (20 min) | absent | absent |
public enum CaribbeanDay1 {
    public static let course = "caribbean-strategy-consultation-2023"

    public struct Attendee: Sendable {
        public var code: String
        public var name: String
        public var email: String
    }

    public struct Group: Sendable {
        public var name: String
        public var count: Int
        public var stretches: [(String, String)]
    }

    public static let groups: [Group] = [
        Group(name: "A", count: 100, stretches: [("08:52", "12:58")]),
        Group(name: "B", count: 10, stretches: [("09:25", "12:58")]),
        Group(name: "C", count: 8, stretches: [("08:55", "09:30"), ("09:40", "10:50"), ("11:00", "12:58")]),
        Group(name: "D", count: 6, stretches: [("08:58", "10:40")]),
        Group(name: "E", count: 5, stretches: [("10:45", "12:58")]),
        Group(name: "F", count: 4, stretches: [("09:00", "09:25"), ("09:05", "09:30")]),
        Group(name: "G", count: 5, stretches: [("11:52", "12:10"), ("12:15", "12:58")]),
        Group(name: "H", count: 4, stretches: [("08:52", "09:20")]),
    ]

    /// Per session: present, late, absent, from the table above.
    public static let expected: [String: [Int]] = [
        "drm": [100 + 8 + 6, 10, 5 + 4 + 5 + 4],
        "climate": [100 + 10 + 8, 5, 6 + 4 + 5 + 4],
        "socio": [100 + 10 + 8 + 5, 5, 6 + 4 + 4],
    ]

    /// The preview's line for a session: "drm (2023-05-03 09:00–10:15): present 114, late 10, absent 18".
    public static func previewLine(_ key: String) -> String {
        let times = ["drm": "09:00–10:15", "climate": "10:20–11:35", "socio": "11:40–12:55"][key]!
        let n = expected[key]!
        return "\(key) (2023-05-03 \(times)): present \(n[0]), late \(n[1]), absent \(n[2])"
    }

    /// The course's first 142 confirmed participants with an e-mail, in file order, and one more
    /// (the 143rd) who runs the meeting.
    public static func attendees() throws -> (people: [Attendee], organiser: Attendee) {
        let file = try CourseFileCodec.read(path: ImportFixtures.course(course))
        let all = (file.participants ?? []).filter { $0.status == .confirmed && !($0.email ?? "").isEmpty }.map {
            Attendee(code: $0.code, name: "\($0.givenName) \($0.familyName)", email: $0.email ?? "")
        }
        return (Array(all.prefix(142)), all[142])
    }

    /// Each attendee's group, in attendee order.
    public static func groupOf(_ index: Int) -> Group {
        var first = 0
        for g in groups {
            if index < first + g.count { return g }
            first += g.count
        }
        fatalError("only 142 attendees")
    }

    /// One row per stretch: (attendee, join "HH:MM", leave "HH:MM"), in the order `rng` shuffles them to.
    public static func stretches(_ people: [Attendee], using rng: inout some RandomNumberGenerator) -> [(Attendee, String, String)] {
        people.enumerated().flatMap { i, p in groupOf(i).stretches.map { (p, $0.0, $0.1) } }.shuffled(using: &rng)
    }

    static func minutes(_ from: String, _ to: String) -> Int {
        func m(_ t: String) -> Int { Int(t.prefix(2))! * 60 + Int(t.suffix(2))! }
        return m(to) - m(from)
    }

    /// "08:52" → "05/03/2023 08:52:00 AM" (Zoom's US format); "12:58" → "… 12:58:00 PM".
    static func zoomTime(_ t: String) -> String {
        let h = Int(t.prefix(2))!
        let h12 = h > 12 ? h - 12 : h
        return String(format: "05/03/2023 %02d:%@:00 %@", h12, String(t.suffix(2)), h >= 12 ? "PM" : "AM")
    }

    /// Zoom's participants report (UTF-8, comma-separated) with the meeting block on top, plus a
    /// phone that is nobody on the roster.
    public static func zoomReport(using rng: inout some RandomNumberGenerator) throws -> String {
        let rows = stretches(try attendees().people, using: &rng)
        var text = """
            Meeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants
            845 1234 5678,Caribbean Strategy Consultations - Day 1,05/03/2023 08:50:10 AM,05/03/2023 12:59:40 PM,iom.host@example.org,250,143

            Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest,In Waiting Room

            """
        for (p, from, to) in rows {
            text += "\(p.name),\(p.email),\(zoomTime(from)),\(zoomTime(to)),\(minutes(from, to)),No,No\n"
        }
        text += "iPhone,,\(zoomTime("09:02")),\(zoomTime("12:40")),218,Yes,No\n"
        return text
    }

    /// "08:52" → "5/3/23, 8:52:00 AM" (Teams in a US locale: the comma inside every date).
    static func teamsTime(_ t: String) -> String {
        let h = Int(t.prefix(2))!
        return "5/3/23, \(h > 12 ? h - 12 : h):\(t.suffix(2)):00 \(h >= 12 ? "PM" : "AM")"
    }

    /// Teams' attendance report as Teams writes it: UTF-16 LE with a BOM, tab-separated, a summary,
    /// the participants (first join to last leave) and the in-meeting activities (one row per join).
    /// The organiser is on the roster and must not be credited.
    public static func teamsReport(using rng: inout some RandomNumberGenerator) throws -> Data {
        let (people, organiser) = try attendees()
        let rows = stretches(people, using: &rng)
        var lines = [
            "1. Summary", "Meeting title\tCaribbean Strategy Consultations - Day 1", "Attended participants\t143",
            "Start time\t\(teamsTime("08:50"))", "End time\t\(teamsTime("12:59"))", "Meeting duration\t4h 9m 30s",
            "Average attendance time\t3h 21m 5s", "", "2. Participants",
            "Name\tFirst Join\tLast Leave\tIn-Meeting Duration\tEmail\tParticipant ID (UPN)\tRole",
            "\(organiser.name)\t\(teamsTime("08:50"))\t\(teamsTime("12:59"))\t4h 9m\t\(organiser.email)\t\(organiser.email)\tOrganizer",
        ]
        for (i, p) in people.enumerated() {
            let s = groupOf(i).stretches
            let total = s.map { minutes($0.0, $0.1) }.reduce(0, +)
            lines.append(
                "\(p.name)\t\(teamsTime(s.first!.0))\t\(teamsTime(s.last!.1))\t\(total / 60)h \(total % 60)m\t\(p.email)\t\(p.email)\tAttendee"
            )
        }
        lines += ["", "3. In-Meeting Activities", "Name\tJoin Time\tLeave Time\tDuration\tEmail\tRole"]
        lines.append("\(organiser.name)\t\(teamsTime("08:50"))\t\(teamsTime("12:59"))\t4h 9m\t\(organiser.email)\tOrganizer")
        for (p, from, to) in rows {
            lines.append("\(p.name)\t\(teamsTime(from))\t\(teamsTime(to))\t\(minutes(from, to))m\t\(p.email)\tAttendee")
        }
        return Data([0xFF, 0xFE]) + (lines.joined(separator: "\r\n") + "\r\n").data(using: .utf16LittleEndian)!
    }
}
