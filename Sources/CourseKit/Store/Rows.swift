import Foundation
import GRDB

// Row ↔ model mapping. Kept by hand rather than through Codable records so the model stays free
// of GRDB and the column names stay visible next to the SQL that uses them.

enum JSONList {
    static func encode(_ list: [String]) -> String {
        let data = (try? JSONEncoder().encode(list)) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self)
    }
    static func decode(_ text: String) -> [String] {
        (try? JSONDecoder().decode([String].self, from: Data(text.utf8))) ?? []
    }
}

/// Public for writers outside CourseKit (the dev generators) that fill timestamp columns.
extension Date {
    /// The moment `ms` milliseconds after 1970, as a timestamp column stores it.
    public init(ms: Int64) { self.init(timeIntervalSince1970: Double(ms) / 1000) }
    /// Milliseconds since 1970, the unit every timestamp column stores.
    public var ms: Int64 { Int64((timeIntervalSince1970 * 1000).rounded()) }
}

extension Course {
    init(row: some ColumnReading) {
        self.init(
            id: row["id"], code: row["code"], title: row["title"], shortTitle: row["short_title"], programme: row["programme"],
            organiser: row["organiser"], funder: row["funder"], project: row["project"],
            venue: row["venue"], country: row["country"], timeZone: row["time_zone"],
            modality: Modality(rawValue: row["modality"]) ?? .inPerson,
            startDate: CalendarDate(iso: row["start_date"]) ?? CalendarDate(year: 1970, month: 1, day: 1),
            endDate: CalendarDate(iso: row["end_date"]) ?? CalendarDate(year: 1970, month: 1, day: 1),
            completion: CompletionRule(minimumShare: row["minimum_share"], requireCore: row["require_core"]),
            lateAfterMinutes: row["late_after_minutes"], summary: row["summary"],
            sources: JSONList.decode(row["sources"]), assumptions: JSONList.decode(row["assumptions"]),
            retention: (row["retention"] as String?).flatMap { $0.isEmpty ? nil : try? RetentionPeriod.parse($0) },
            checkInOpensMinutes: row["check_in_opens_minutes"] ?? Course.defaultCheckInOpensMinutes,
            language: (row["language"] as String?).flatMap(Language.init(rawValue:)))
    }

    var columns: [String: (any DatabaseValueConvertible)?] {
        [
            "code": code, "title": title, "short_title": shortTitle, "programme": programme, "organiser": organiser, "funder": funder,
            "project": project, "venue": venue, "country": country, "time_zone": timeZone,
            "modality": modality.rawValue, "start_date": startDate.description, "end_date": endDate.description,
            "minimum_share": completion.minimumShare, "require_core": completion.requireCore,
            "late_after_minutes": lateAfterMinutes, "summary": summary,
            "sources": JSONList.encode(sources), "assumptions": JSONList.encode(assumptions),
            "retention": retention?.description ?? "",
            "check_in_opens_minutes": checkInOpensMinutes,
            "language": language?.rawValue ?? "",
        ]
    }
}

extension Session {
    init(row: some ColumnReading) {
        self.init(
            id: row["id"], courseID: row["course_id"], key: row["key"], title: row["title"],
            kind: SessionKind(rawValue: row["kind"]) ?? .module,
            start: Date(ms: row["start_ms"]), end: Date(ms: row["end_ms"]), timeZone: row["time_zone"],
            modality: Modality(rawValue: row["modality"]) ?? .inPerson, venue: row["venue"],
            link: row["link"], facilitators: JSONList.decode(row["facilitators"]), core: row["core"])
    }
}

extension Agency {
    init(row: Row) {
        self.init(
            id: row["id"], code: row["code"], name: row["name"], acronym: row["acronym"],
            kind: AgencyKind(rawValue: row["kind"]) ?? .government, country: row["country"])
    }
}

extension Person {
    init(row: some ColumnReading) {
        self.init(
            id: row["id"], code: row["code"], givenName: row["given_name"], familyName: row["family_name"],
            sex: Sex(rawValue: row["sex"]) ?? .notDisclosed, country: row["country"],
            agencyID: row["agency_id"], position: row["position"], email: row["email"], phone: row["phone"])
    }

    /// Family name first, folded: the order rosters sort by, accent- and case-insensitively.
    var sortKey: String { NameFolding.fold(familyName.isEmpty ? givenName : "\(familyName) \(givenName)") }
}

extension Enrolment {
    init(row: Row) {
        self.init(
            id: row["id"], courseID: row["course_id"], personID: row["person_id"],
            role: Role(rawValue: row["role"]) ?? .participant, nominatedBy: row["nominated_by"],
            status: NominationStatus(rawValue: row["status"]) ?? .nominated,
            substitutedBy: row["substituted_by"], note: row["note"])
    }
}

extension AttendanceEvent {
    init(row: Row) {
        let arrival: Int64? = row["arrival_ms"]
        let departure: Int64? = row["departure_ms"]
        let undoes: String? = row["undoes"]
        self.init(
            id: UUID(uuidString: row["id"]) ?? UUID(), sessionID: row["session_id"],
            personID: row["person_id"], status: AttendanceStatus(rawValue: row["status"]) ?? .cleared,
            arrival: arrival.map(Date.init(ms:)), departure: departure.map(Date.init(ms:)),
            note: row["note"], recordedAt: Date(ms: row["recorded_ms"]), actor: row["actor"],
            device: row["device"], source: EventSource(rawValue: row["source"]) ?? .importFile,
            undoes: undoes.flatMap(UUID.init(uuidString:)))
    }
}
