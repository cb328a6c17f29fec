import Foundation

/// The roster layouts Muster recognises (see docs/FORMATS.md), and `auto` to let it decide.
public enum RosterFormat: String, CaseIterable, Sendable {
    case auto
    case moodle
    case indico
    case indicoImport = "indico-import"
    case eventbrite
    case googleForms = "google-forms"
    case pretix
    case zoom
    case teams
    case generic
    /// Muster's own long attendance export.
    case muster

    /// The layout's name in `language` ("informe de participantes de Zoom").
    public func label(in language: Language) -> String { Words(language).text("format.\(rawValue)", table: "Import") }

    /// The layout's name in English, as logs and the import's notes give it.
    public var label: String { label(in: .en) }

    /// Meeting reports only mark people already on the roster: their names are whatever people
    /// typed when joining ("iPhone", "Room 3"), not a registration.
    public var addsPeople: Bool { self != .zoom && self != .teams }

    /// The nomination status of people a file enrols without saying one.
    var defaultStatus: NominationStatus {
        switch self {
        case .moodle, .pretix, .eventbrite, .indico, .muster: .confirmed
        default: .nominated
        }
    }

    /// Registration and attendance tools: their rows are whoever signed up or came, so people
    /// they add to a course that has a roster are walk-ins awaiting review.
    var listsWalkIns: Bool {
        switch self {
        case .moodle, .pretix, .eventbrite, .indico: true
        default: false
        }
    }

    /// The layouts `auto` tries on each early record, most specific first.
    static let recognisable: [RosterFormat] = [.muster, .moodle, .indico, .eventbrite, .pretix, .zoom, .teams, .googleForms]
}

/// What a layout needs besides the file: the course's time zone for times without an offset, the
/// limits, `--map` overrides and the course code (Muster's export names it on every row).
struct LayoutContext: Sendable {
    var zone: TimeZone
    var limits: CSVLimits = CSVLimits()
    var overrides: [String: RosterField] = [:]
    var courseCode: String = ""
}

/// One layout: maps each record after its header to a roster row.
protocol RosterLayout {
    /// Whether the table goes on at this record; Teams reports end it at the next numbered section.
    func continues(_ record: CSVRecord) -> Bool
    func map(_ record: CSVRecord) -> RowOutcome
    /// What the records after the header bring. One table, row by row, for most layouts; files that
    /// are not one table (Teams' sections, its join/leave list) read them their own way.
    func outcomes(_ body: ArraySlice<CSVRecord>, header: CSVRecord?) -> [RowOutcome]
}

extension RosterLayout {
    func continues(_ record: CSVRecord) -> Bool { true }

    func outcomes(_ body: ArraySlice<CSVRecord>, header: CSVRecord?) -> [RowOutcome] {
        var outcomes: [RowOutcome] = []
        for record in body where !record.isBlank {
            if !continues(record) { break }
            if record.fields == header?.fields {  // exports pasted one after another repeat their header
                outcomes.append(.skipped(line: record.line, reason: RowReason("headerAgain")))
                continue
            }
            outcomes.append(map(record))
        }
        return outcomes
    }
}

/// Finds the header (after any preamble) and the layout that reads the records below it.
enum LayoutFinder {
    /// Records searched for a header: Teams' summary and Moodle's preamble fit well inside this.
    static let searchDepth = 60

    static func locate(
        _ file: DelimitedFile, format: RosterFormat, context: LayoutContext
    ) throws
        -> (format: RosterFormat, layout: any RosterLayout, header: CSVRecord?, body: ArraySlice<CSVRecord>)
    {
        let records = file.records
        let depth = min(records.count, searchDepth)
        func headers(_ i: Int) -> [String] { records[i].fields.map(HeaderText.normalise) }
        func found(_ f: RosterFormat, at i: Int) throws -> (RosterFormat, any RosterLayout, CSVRecord?, ArraySlice<CSVRecord>) {
            (f, try make(f, header: records[i], context: context), records[i], records[(i + 1)...])
        }
        switch format {
        case .indicoImport:
            return (format, IndicoImportLayout(context: context), nil, records[...])
        case .generic:
            guard let i = (0..<depth).first(where: { !records[$0].isBlank && genericHeader(headers($0), context) }) else {
                throw MusterError.importRefused(file: "", .noGenericHeader(searchedRows: searchDepth))
            }
            return try found(.generic, at: i)
        case .auto:
            for i in 0..<depth where !records[i].isBlank {
                let h = headers(i)
                if let f = RosterFormat.recognisable.first(where: { recognises($0, h) }) { return try found(f, at: i) }
            }
            if let first = records.first(where: { !$0.isBlank }), IndicoImportLayout.looksLikeData(first) {
                return (.indicoImport, IndicoImportLayout(context: context), nil, records[...])
            }
            if let i = (0..<depth).first(where: { !records[$0].isBlank && genericHeader(headers($0), context) }) {
                return try found(.generic, at: i)
            }
            throw MusterError.importRefused(file: "", .notARoster(searchedRows: searchDepth))
        default:
            guard let i = (0..<depth).first(where: { !records[$0].isBlank && recognises(format, headers($0)) }) else {
                throw MusterError.importRefused(file: "", .noHeader(format: format.label, searchedRows: searchDepth))
            }
            return try found(format, at: i)
        }
    }

    static func genericHeader(_ header: [String], _ context: LayoutContext) -> Bool {
        if !context.overrides.isEmpty { return true }
        return (try? ColumnMap(header: header))?.hasName ?? false
    }

    /// Whether a record (its fields normalised with `HeaderText`) is the header of `format`.
    static func recognises(_ format: RosterFormat, _ h: [String]) -> Bool {
        switch format {
        case .moodle: MoodleLayout.recognises(h)
        case .indico: IndicoLayout.recognises(h)
        case .eventbrite: EventbriteLayout.recognises(h)
        case .pretix: PretixLayout.recognises(h)
        case .zoom: MeetingLayout.recognisesZoom(h)
        case .teams: MeetingLayout.recognisesTeams(h) || TeamsAttendanceList.recognises(h)
        case .muster: MusterLongLayout.recognises(h)
        case .googleForms: h.first == "timestamp" && ((try? ColumnMap(header: h))?.hasName ?? false)
        case .indicoImport, .auto, .generic: false
        }
    }

    static func make(_ format: RosterFormat, header: CSVRecord, context: LayoutContext) throws -> any RosterLayout {
        switch format {
        case .moodle: try MoodleLayout(header: header, context: context)
        case .indico: try IndicoLayout(header: header, context: context)
        case .eventbrite: try EventbriteLayout(header: header, context: context)
        case .pretix: try PretixLayout(header: header, context: context)
        case .zoom: try MeetingLayout(header: header, context: context)
        case .teams:
            TeamsAttendanceList.recognises(header.fields.map(HeaderText.normalise))
                ? try TeamsAttendanceList(header: header, context: context) : try MeetingLayout(header: header, context: context)
        case .muster: try MusterLongLayout(header: header, context: context)
        case .indicoImport: IndicoImportLayout(context: context)
        case .auto, .generic, .googleForms: try GenericLayout(header: header, context: context)
        }
    }
}
