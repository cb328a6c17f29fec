import Foundation

/// A calendar date without a time, as courses are planned ("7–9 May 2024").
public struct CalendarDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`, rejecting impossible dates such as 2024-02-30.
    public init?(iso: String) {
        let parts = iso.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
            (1...12).contains(m), (1...CalendarDate.daysIn(month: m, year: y)).contains(d)
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public var description: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// English month abbreviations, for dates people read ("7 May 2024").
    public static let monthAbbreviations = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// English month names, spelled out where there is room (certificates).
    public static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December",
    ]

    /// How people write a course's dates: "7–9 May 2024", "25 Jun – 21 Aug 2020", "28 Dec 2023 – 3 Jan 2024";
    /// `full` spells the months out ("25 June – 21 August 2020"). The one date-range formatter:
    /// the course list, reports and certificates all write a course's dates through it.
    ///
    /// In Spanish: "7–9 may 2024", and in full "7–9 de mayo de 2024".
    public static func rangeText(_ a: CalendarDate, _ b: CalendarDate, full: Bool = false, _ language: Language = .en) -> String {
        if language != .en { return language.dateRange(a, b, full: full) }
        let names = full ? monthNames : monthAbbreviations
        let ma = names[a.month - 1], mb = names[b.month - 1]
        if a == b { return "\(a.day) \(ma) \(a.year)" }
        if a.year == b.year && a.month == b.month { return "\(a.day)–\(b.day) \(mb) \(b.year)" }
        if a.year == b.year { return "\(a.day) \(ma) – \(b.day) \(mb) \(b.year)" }
        return "\(a.day) \(ma) \(a.year) – \(b.day) \(mb) \(b.year)"
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = CalendarDate(iso: text) else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath,
                    debugDescription: "not a date (YYYY-MM-DD): \(text)"))
        }
        self = value
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}

/// When someone has completed a course: a share of its sessions attended, and every core one.
public struct CompletionRule: Hashable, Sendable {
    /// Share of sessions (0...1) a participant must attend, present or late.
    public var minimumShare: Double
    /// Whether every session flagged `core` must be attended as well.
    public var requireCore: Bool

    public init(minimumShare: Double = 0.8, requireCore: Bool = true) {
        self.minimumShare = minimumShare
        self.requireCore = requireCore
    }
}

/// A training course, consultation or workshop: the unit coordinators plan and report on.
public struct Course: Hashable, Sendable, Identifiable {
    public var id: Int64?
    /// Stable slug used on the command line and in file names, e.g. `palau-mmc-2024`.
    public var code: String
    public var title: String
    /// A few words for headers ("Palau MMC 2024"); empty means use the title.
    public var shortTitle: String
    public var programme: String
    public var organiser: String
    public var funder: String
    public var project: String
    public var venue: String
    /// ISO 3166-1 alpha-2 code of the host country, empty for regional online events.
    public var country: String
    /// IANA time zone in which session times are written and shown.
    public var timeZone: String
    public var modality: Modality
    public var startDate: CalendarDate
    public var endDate: CalendarDate
    public var completion: CompletionRule
    /// Minutes after a session's start after which a check-in counts as late.
    public var lateAfterMinutes: Int
    public var summary: String
    /// Where the facts come from (titles of the source documents).
    public var sources: [String]
    /// Facts the sources leave out that were chosen plausibly; kept visible so nobody mistakes them for record.
    public var assumptions: [String]
    /// How long the people's data is kept after the course ends; nil when no rule was set
    /// (then only `purge --before` or an erasure request removes it). See `RetentionPeriod`.
    public var retention: RetentionPeriod?
    /// Minutes before a session's start from which the kiosk takes check-ins for it.
    public var checkInOpensMinutes: Int
    /// Half an hour: people arrive early for coffee; earlier they are probably still in the last session.
    public static let defaultCheckInOpensMinutes = 30
    /// The language its kiosk, reports, certificates and sign-in sheets speak unless told
    /// otherwise (`--lang`, `MUSTER_LANG`); nil: the user's.
    public var language: Language?

    public init(
        id: Int64? = nil, code: String, title: String, shortTitle: String = "", programme: String = "", organiser: String = "",
        funder: String = "", project: String = "", venue: String = "", country: String = "",
        timeZone: String = "UTC", modality: Modality = .inPerson, startDate: CalendarDate,
        endDate: CalendarDate, completion: CompletionRule = .init(), lateAfterMinutes: Int = 15,
        summary: String = "", sources: [String] = [], assumptions: [String] = [],
        retention: RetentionPeriod? = nil, checkInOpensMinutes: Int = Course.defaultCheckInOpensMinutes,
        language: Language? = nil
    ) {
        self.id = id; self.code = code; self.title = title; self.shortTitle = shortTitle; self.programme = programme
        self.organiser = organiser; self.funder = funder; self.project = project; self.venue = venue
        self.country = country; self.timeZone = timeZone; self.modality = modality
        self.startDate = startDate; self.endDate = endDate; self.completion = completion
        self.lateAfterMinutes = lateAfterMinutes; self.summary = summary; self.sources = sources
        self.assumptions = assumptions; self.retention = retention
        self.checkInOpensMinutes = checkInOpensMinutes
        self.language = language
    }

    /// What headers show: the short title, else the title.
    public var label: String { shortTitle.isEmpty ? title : shortTitle }

    /// The course's time zone, falling back to UTC if the stored identifier is unknown.
    public var zone: TimeZone { TimeZone(identifier: timeZone) ?? .gmt }
}
