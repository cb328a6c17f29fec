import Foundation

/// A printable sign-in sheet for one session: the paper fallback when the laptop dies. Each line
/// carries its row number and the participant code, so marks can be typed back in afterwards by
/// either (`#` on the roll call). The rows' order is `order(_:)`, the one function the sheet entry
/// screen numbers by too, and the sheet's id (`sheetID`) changes whenever that order would, so a
/// sheet printed before the roster changed is noticed instead of typed back to the wrong people.
public struct SignInSheet: Sendable, Equatable {
    public struct Line: Sendable, Equatable {
        public var number: Int
        public var code: String
        /// "Family, Given", as people look themselves up on a list.
        public var name: String
        public var agency: String
        public var role: Role
    }

    public var courseTitle: String
    public var courseCode: String
    public var sessionKey: String
    public var sessionTitle: String
    /// "Tue 7 May 09:00–12:30 (Pacific/Palau)".
    public var when: String
    public var venue: String
    public var lines: [Line]
    /// Empty numbered lines for walk-ins.
    public var blankLines: Int
    /// Four hex digits naming this session and this order of people ("3F9A").
    public var sheetID: String
    /// The language of its words (the `SignIn` catalogue) and dates.
    public var language: Language = .en

    /// The sheet's rows: everyone expected in the room (nominated, confirmed, walk-in; staff
    /// too), by folded family name, then code. Row `n` of a printed sheet is element `n - 1`.
    public static func order(_ roster: [RosterEntry]) -> [RosterEntry] {
        roster.filter { $0.enrolment.status.isExpected }
            .map { (key: NameFolding.fold($0.person.sortName), entry: $0) }
            .sorted { ($0.key, $0.entry.person.code) < ($1.key, $1.entry.person.code) }
            .map(\.entry)
    }

    /// A short id for the sheet of `sessionKey` with these codes in this order: FNV-1a over
    /// both, folded to 16 bits. Stable across runs and machines (not Swift's seeded `Hasher`).
    public static func sheetID(sessionKey: String, codes: [String]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in ([sessionKey] + codes).joined(separator: "\n").utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return String(format: "%04X", Int((hash ^ (hash >> 16) ^ (hash >> 32) ^ (hash >> 48)) & 0xFFFF))
    }

    /// Everyone expected in the room (nominated, confirmed, walk-in; staff too), by family name.
    public static func build(_ facts: CourseFacts, session: Session, blankLines: Int = 5, language: Language = .en) -> SignInSheet {
        let zone = session.timeZone.flatMap(TimeZone.init(identifier:)) ?? facts.course.zone
        let people = order(facts.roster)
        return SignInSheet(
            courseTitle: facts.course.title, courseCode: facts.course.code, sessionKey: session.key, sessionTitle: session.title,
            when: "\(DateText.sessionDays(session.start, session.end, in: zone, language)) (\(zone.identifier))",
            venue: session.venue.isEmpty ? facts.course.venue : session.venue,
            lines: people.enumerated().map { i, e in
                Line(
                    number: i + 1, code: e.person.code, name: e.person.sortName, agency: e.agency?.shortName ?? "",
                    role: e.enrolment.role)
            },
            blankLines: blankLines, sheetID: sheetID(sessionKey: session.key, codes: people.map(\.person.code)), language: language)
    }

    /// The lines above the table, for every format.
    public var heading: [String] {
        [
            words.format("title", courseTitle), words.format("session", sessionKey, sessionTitle),
            [when, venue].filter { !$0.isEmpty }.joined(separator: " · "), words.format("sheet", sheetID),
        ]
    }

    public var header: [String] { ["#"] + ["code", "name", "agency", "signature"].map { words("column.\($0)") } }

    private var words: ReportWords { ReportWords(language, table: "SignIn") }

    /// Table rows, the blank lines included; staff are marked after their name.
    public var rows: [[String]] {
        lines.map {
            [
                String($0.number), $0.code, $0.name + ($0.role == .participant ? "" : " (\(words("role.\($0.role.rawValue)")))"), $0.agency,
                "",
            ]
        }
            + (0..<blankLines).map { [String(lines.count + $0 + 1), "", "", "", ""] }
    }

    /// An A4 page (or several: the header row repeats on each) with room to sign.
    public func html() -> String {
        let body = """
            <h1>\(HTML.escape(heading[0]))</h1>
            <p class="session">\(HTML.escape(heading[1]))<br>\(HTML.escape(heading[2]))<br>\(HTML.escape(heading[3]))</p>
            <table>
            <thead><tr>\(header.map { "<th>\(HTML.escape($0))</th>" }.joined())</tr></thead>
            <tbody>
            \(rows.map { "<tr>" + $0.map { "<td>\(HTML.escape($0))</td>" }.joined() + "</tr>" }.joined(separator: "\n"))
            </tbody>
            </table>
            <p class="foot">\(HTML.escape(words.format("foot", sheetID, courseCode, sessionKey)))</p>
            """
        return HTML.page(
            title: "\(heading[0]) — \(sessionKey)",
            style: """
                h1 { font-size: 16pt; margin: 0 0 4pt; }
                .session { font-size: 11pt; margin: 0 0 10pt; }
                table { width: 100%; border-collapse: collapse; font-size: 10.5pt; }
                thead { display: table-header-group; }
                th, td { border: 1px solid #000; padding: 4pt 6pt; text-align: left; height: 18pt; }
                td:nth-child(1) { width: 4%; } td:nth-child(2) { width: 11%; font-family: monospace; }
                td:nth-child(5) { width: 30%; }
                tr { break-inside: avoid; }
                .foot { font-size: 8pt; color: #444; margin-top: 8pt; }
                """, body: body, language: language)
    }
}
