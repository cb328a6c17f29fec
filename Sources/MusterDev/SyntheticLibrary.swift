import Foundation
import GRDB
import CourseKit

/// The shape of a whole synthetic library (`muster dev generate --courses M`): the size the
/// benchmarks promise to stay fast at, not one big course but many courses sharing people.
public struct SyntheticLibrarySpec: Sendable, Equatable {
    public var people: Int
    public var courses: Int
    public var sessions: Int
    /// About how many attendance events to write in all (within a few per cent).
    public var events: Int
    /// The course every person is enrolled in: the 100,000-person roster the browser is timed on.
    public var bigCourse: String
    public var seed: UInt64

    public init(
        people: Int = 100_000, courses: Int = 1_000, sessions: Int = 20, events: Int = 1_000_000,
        bigCourse: String = "synthetic-100k", seed: UInt64 = 2024
    ) {
        self.people = people; self.courses = courses; self.sessions = sessions; self.events = events
        self.bigCourse = bigCourse; self.seed = seed
    }
}

/// What was written, for the command's one-line report.
public struct SyntheticLibrarySummary: Sendable, Equatable {
    public var people = 0, courses = 0, sessions = 0, enrolments = 0, events = 0
}

extension SyntheticData {
    /// Fills an empty-of-synthetic-data library the way years of real use would: `people`
    /// fictional people (names in many scripts, 18 countries, 54 agencies, e-mails at
    /// example.org), one course that enrols all of them (two sessions marked: a course in its
    /// first day), and `courses − 1` courses of a few dozen people each, dated 2020–2027: those
    /// that ended before 2026-06-01 are marked (most sessions, a quarter by kiosk, 3 % corrected
    /// later), the rest are still to come. Course sizes are steered so the event count lands near
    /// `events`. Deterministic for a seed (event ids and times too), one transaction.
    ///
    /// `roster`, when given, receives every person as a CSV row (the header first) in the
    /// columns a coordinator's spreadsheet has, so `import roster` can be timed on the same people.
    @discardableResult
    public func generateLibrary(
        _ spec: SyntheticLibrarySpec, roster: ((String) -> Void)? = nil,
        progress: ProgressReporter = .silent
    ) throws -> SyntheticLibrarySummary {
        guard spec.people > 0, spec.courses > 0, (1...40).contains(spec.sessions), spec.events >= 0 else {
            throw MusterError.invalid("people and courses must be positive, sessions between 1 and 40")
        }
        return try store.write(progress: progress) { db in
            let codes = [spec.bigCourse] + (1..<spec.courses).map { String(format: "syn-%04d", $0 + 1) }
            if let taken = try String.fetchOne(
                db, sql: "SELECT code FROM course WHERE code IN (\(codes.map { _ in "?" }.joined(separator: ",")))",
                arguments: StatementArguments(codes))
            {
                throw MusterError.invalid("course '\(taken)' already exists; generate into a new library (--db)")
            }
            // A bigger page cache for this one transaction: 1,000,000 inserts touch many index pages.
            let cache = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
            try db.execute(sql: "PRAGMA cache_size = -262144")
            defer { try? db.execute(sql: "PRAGMA cache_size = \(cache)") }
            var writer = try SyntheticLibraryWriter(db: db, spec: spec)
            try writer.writePeople(roster: roster, progress: progress)
            try writer.writeCourses(codes: codes, progress: progress)
            return writer.summary
        }
    }
}

/// The generator's state while it writes; one per transaction.
struct SyntheticLibraryWriter {
    let db: Database
    let spec: SyntheticLibrarySpec
    var random: SeededGenerator
    var summary = SyntheticLibrarySummary()
    var agencies: [(id: Int64, country: String, name: String)] = []
    var people: [Int64] = []
    var peopleByCountry: [String: [Int64]] = [:]

    /// Marked courses end before this day; later ones are still to come.
    static let markedBefore = CalendarDate(year: 2026, month: 6, day: 1)
    static let zones = [
        "GT": "America/Guatemala", "HN": "America/Tegucigalpa", "SV": "America/El_Salvador",
        "MX": "America/Mexico_City", "CR": "America/Costa_Rica", "PA": "America/Panama",
        "VN": "Asia/Ho_Chi_Minh", "CN": "Asia/Shanghai", "JP": "Asia/Tokyo", "KR": "Asia/Seoul",
        "EG": "Africa/Cairo", "RU": "Europe/Moscow", "GR": "Europe/Athens", "IN": "Asia/Kolkata",
        "TH": "Asia/Bangkok", "ET": "Africa/Addis_Ababa", "PW": "Pacific/Palau", "FR": "Europe/Paris",
    ]
    static let topics = [
        "Essentials of Migration Management", "Border Management and Data", "Counter-Trafficking in Persons",
        "Migration Governance and Policy", "Labour Migration", "Migration and Climate Change",
        "Consular Assistance", "Return and Reintegration", "Migration Data and Statistics",
        "Protection of Migrant Children",
    ]
    static let positions = [
        "Migration officer", "Border inspector", "Policy analyst", "Consular officer", "Director",
        "Legal adviser", "Statistician", "Programme assistant", "Deputy director", "Trainer",
    ]

    init(db: Database, spec: SyntheticLibrarySpec) throws {
        self.db = db
        self.spec = spec
        random = SeededGenerator(seed: spec.seed)
    }

    /// The 54 synthetic agencies, reused if an earlier run made them.
    mutating func writeAgencies() throws {
        let kinds: [(AgencyKind, String, String)] = [
            (.migrationAgency, "Migration Service", "MS"),
            (.ministry, "Ministry of Foreign Affairs", "MFA"),
            (.planningBody, "Planning Secretariat", "PS"),
        ]
        for country in SyntheticNames.countries {
            for (j, (kind, suffix, acronym)) in kinds.enumerated() {
                let code = "syn-\(country.lowercased())-\(j + 1)"
                let name = "\(Countries.name(of: country) ?? country) \(suffix)"
                let id =
                    try AgencyWrites.id(db, code: code)
                    ?? AgencyWrites.insert(
                        db, Agency(code: code, name: name, acronym: "\(country)\(acronym)", kind: kind, country: country))
                agencies.append((id, country, name))
            }
        }
    }

    mutating func writePeople(roster: ((String) -> Void)?, progress: ProgressReporter) throws {
        try writeAgencies()
        let first = try Int.fetchOne(db, sql: "SELECT count(*) FROM person WHERE code LIKE 'SYN-%'") ?? 0
        roster?("First name,Last name,Email,Gender,Country,Organisation,Job title,Phone\n")
        let sexes: [Sex] = [.female, .male, .female, .male, .female, .male, .other, .notDisclosed]
        let gender: [Sex: String] = [.female: "Female", .male: "Male", .other: "Other", .notDisclosed: ""]
        for n in 0..<spec.people {
            let number = first + n + 1
            let (given, family) = SyntheticNames.name(&random)
            let agency = agencies[Int(random.next() % UInt64(agencies.count))]
            let sex = SyntheticNames.pick(sexes, &random)
            let position = SyntheticNames.pick(Self.positions, &random)
            let email = String(format: "syn%06d@example.org", number)
            let phone = String(format: "+1 555 %07d", number)
            var person = Person(
                code: String(format: "SYN-%06d", number), givenName: given, familyName: family, sex: sex,
                country: agency.country, agencyID: agency.id, position: position, email: email, phone: phone)
            let id = try PersonWrites.insert(db, &person)
            people.append(id)
            peopleByCountry[agency.country, default: []].append(id)
            let country = Countries.name(of: agency.country) ?? agency.country
            roster?(
                [given, family, email, gender[sex]!, country, agency.name, position, phone].map(Self.csvField)
                    .joined(separator: ",") + "\n")
            progress("writing people", n + 1, of: spec.people, "people")
        }
        summary.people = spec.people
    }

    /// RFC 4180: quoted when it holds a comma, a quote or a line break.
    static func csvField(_ text: String) -> String {
        text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
            ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }

    /// The big course first, then the others in date order, sized so the events land near the target.
    mutating func writeCourses(codes: [String], progress: ProgressReporter) throws {
        let others = codes.count - 1
        let span = 8 * 365  // 2020-01-06 … 2027
        let startDay = { (i: Int) in CalendarDate(year: 2020, month: 1, day: 6).addingDays(i * span / max(others, 1)) }
        let pastCount = (0..<others).filter { startDay($0).addingDays((spec.sessions + 1) / 2) < Self.markedBefore }.count
        try writeCourse(
            code: codes[0], index: 0, start: CalendarDate(year: 2026, month: 5, day: 25), members: people,
            markedSessions: min(2, spec.sessions))
        // Marks an expected enrolment gets in a marked course: sessions × marked share × (1 + corrections).
        let perEnrolment = Double(spec.sessions) * 0.9 * 1.03 * 0.96 * 0.85
        var pastLeft = pastCount, sizes: [Int] = []
        for i in 0..<others {
            let start = startDay(i)
            let past = start.addingDays((spec.sessions + 1) / 2) < Self.markedBefore
            let wanted: Double
            if past {
                wanted = Double(max(0, spec.events - summary.events)) / (Double(max(pastLeft, 1)) * perEnrolment)
                pastLeft -= 1
            } else {
                wanted = sizes.isEmpty ? 40 : Double(sizes.reduce(0, +)) / Double(sizes.count)
            }
            let size = min(people.count, max(5, Int(wanted * (0.6 + Double(random.next() % 800) / 1000))))
            sizes.append(size)
            try writeCourse(
                code: codes[i + 1], index: i + 1, start: start, members: sample(size),
                markedSessions: past ? spec.sessions : 0)
            progress("writing courses", i + 2, of: codes.count, "courses")
        }
        summary.courses = codes.count
    }

    /// `size` distinct people, most from one host country (a regional course), the rest from anywhere.
    mutating func sample(_ size: Int) -> [Int64] {
        let host = SyntheticNames.pick(SyntheticNames.countries, &random)
        let local = peopleByCountry[host] ?? []
        var chosen = Set<Int64>(), order: [Int64] = []
        while order.count < size {
            let fromHost = !local.isEmpty && random.next() % 10 < 7 && order.count < local.count
            let id = fromHost ? local[Int(random.next() % UInt64(local.count))] : people[Int(random.next() % UInt64(people.count))]
            if chosen.insert(id).inserted { order.append(id) }
        }
        return order
    }

    mutating func writeCourse(code: String, index: Int, start: CalendarDate, members: [Int64], markedSessions: Int) throws {
        let country = SyntheticNames.countries[index % SyntheticNames.countries.count]
        let days = (spec.sessions + 1) / 2
        let topic = Self.topics[index % Self.topics.count]
        let place = Countries.name(of: country) ?? country
        let course = Course(
            code: code, title: index == 0 ? "Synthetic roster of \(members.count) people" : "\(topic) — \(place) \(start.year)",
            shortTitle: index == 0 ? "Synthetic \(members.count)" : "\(topic.prefix(24)) \(country) \(start.year)",
            programme: topic, organiser: "Muster developers (fictional)", venue: "\(place) training centre",
            country: country, timeZone: Self.zones[country] ?? "UTC", modality: .inPerson, startDate: start,
            endDate: start.addingDays(days - 1), completion: CompletionRule(minimumShare: 0.8, requireCore: true),
            summary: "Generated by 'muster dev generate'; every person is fictional.")
        let courseID = try CourseWrites.insert(db, course)
        for agency in agencies.enumerated() where agency.element.country == country {
            try CourseAgencyWrites.insert(db, courseID: courseID, agencyID: agency.element.id, position: agency.offset)
        }
        var sessionIDs: [(id: Int64, start: Int64)] = []
        for n in 0..<spec.sessions {
            let day = start.addingDays(n / 2)
            let am = n % 2 == 0
            let begins = LocalTime.parse(
                String(format: "%04d-%02d-%02d %@", day.year, day.month, day.day, am ? "09:00" : "13:30"),
                in: course.zone)!
            let id = try SessionWrites.insert(
                db,
                [
                    "course_id": courseID, "key": "d\(n / 2 + 1)-\(am ? "am" : "pm")", "position": n,
                    "title": "Day \(n / 2 + 1) \(am ? "morning" : "afternoon")", "kind": SessionKind.module.rawValue,
                    "start_ms": begins.ms, "end_ms": begins.addingTimeInterval(am ? 3 * 3600 : 3.5 * 3600).ms,
                    "modality": Modality.inPerson.rawValue, "core": n == 0 || n == spec.sessions - 1,
                ])
            sessionIDs.append((id, begins.ms))
        }
        summary.sessions += spec.sessions
        for (position, person) in members.enumerated() {
            let role = SyntheticNames.pick(SyntheticNames.roles, &random)
            let status = SyntheticNames.pick(SyntheticNames.statuses, &random)
            let nominatedBy = agencies[Int(random.next() % UInt64(agencies.count))].id
            try EnrolmentWrites.insert(
                db, courseID: courseID, personID: person, position: position, role: role,
                nominatedBy: nominatedBy, status: status)
            summary.enrolments += 1
            guard status.isExpected, role == .participant || role == .observer, markedSessions > 0 else { continue }
            try writeMarks(person: person, sessions: sessionIDs.prefix(markedSessions))
        }
    }

    /// One person's marks in a course: most sessions, how diligent varies by person; a quarter
    /// arrive by kiosk; 3 % are corrected by the facilitator later (a second event).
    mutating func writeMarks(person: Int64, sessions: ArraySlice<(id: Int64, start: Int64)>) throws {
        let diligence = 0.5 + Double(random.next() % 500) / 1000
        for session in sessions where random.next() % 100 < 90 {
            let mark = SyntheticMarks.draw(&random, diligence: diligence)
            let kiosk = mark != .absent && mark != .excused && random.next() % 4 == 0
            let at = session.start + Int64(random.next() % 50 * 60_000) - 10 * 60_000
            try event(session.id, person, mark, at, kiosk ? .kiosk : .rollcall)
            if random.next() % 100 < 3 {
                let fixed: AttendanceStatus = mark == .present ? .late : .present
                try event(session.id, person, fixed, at + Int64(5 + random.next() % 55) * 60_000, .rollcall)
            }
        }
    }

    mutating func event(_ session: Int64, _ person: Int64, _ status: AttendanceStatus, _ at: Int64, _ source: EventSource) throws {
        try AttendanceEventWrites.append(
            db,
            AttendanceEvent(
                id: UUID(uuidString: SyntheticNames.uuid(&random))!, sessionID: session, personID: person, status: status,
                recordedAt: Date(ms: at), actor: source == .kiosk ? "kiosk" : "facilitator", device: "synthetic", source: source))
        summary.events += 1
    }
}

private extension CalendarDate {
    /// The date `days` later, through the Gregorian calendar (month and year ends, leap days).
    func addingDays(_ days: Int) -> CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        let date = calendar.date(from: DateComponents(year: year, month: month, day: day + days))!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)
    }
}
