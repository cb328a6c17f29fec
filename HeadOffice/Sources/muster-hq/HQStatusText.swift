import CourseKit
import Foundation
import HQKit
import ReportText

/// `muster-hq status` as aligned text.
enum HQStatusText {
    static func render(_ s: HQStatus) -> String {
        var out = "\(s.server): schema \(s.schema), \(s.records) records, \(s.courses.count) course\(s.courses.count == 1 ? "" : "s")\n"
        if !s.courses.isEmpty {
            out += "\nCourses\n"
            out += TextTable.render(
                header: ["COURSE", "DATES", "SESSIONS", "TRAINEES", "EVENTS", "TITLE"],
                rows: s.courses.map { [$0.code, $0.dates, String($0.sessions), String($0.trainees), String($0.events), $0.title] },
                rightAligned: [2, 3, 4])
        }
        if !s.origins.isEmpty {
            out += "\nDevices (origins) and the record numbers held\n"
            out += TextTable.render(
                header: ["DEVICE", "ORIGIN", "HELD", "MISSING", "LAST BUNDLE"],
                rows: s.origins.map { o in
                    [
                        o.label.isEmpty ? "(relayed)" : o.label, String(o.origin.prefix(8)), ranges(o.ranges),
                        o.gaps.isEmpty ? "-" : ranges(o.gaps), o.lastSeen.isEmpty ? "-" : o.lastSeen,
                    ]
                })
            let missing = s.origins.filter { !$0.gaps.isEmpty }.count
            if missing > 0 {
                out += "\(missing) device\(missing == 1 ? " has" : "s have") gaps: ingest their newer bundles (or ask them for one).\n"
            }
        }
        if !s.bundles.isEmpty {
            out += "\nLast bundles\n"
            out += TextTable.render(
                header: ["INGESTED (UTC)", "FILE", "FROM", "RECORDS", "NEW"],
                rows: s.bundles.map { [$0.at, $0.file, $0.from, String($0.records), String($0.added)] }, rightAligned: [3, 4])
        }
        return out
    }

    static func ranges(_ list: [ClosedRange<Int64>]) -> String {
        let shown = list.prefix(4).map { $0.lowerBound == $0.upperBound ? "\($0.lowerBound)" : "\($0.lowerBound)–\($0.upperBound)" }
        return shown.joined(separator: ", ") + (list.count > 4 ? " (+\(list.count - 4))" : "")
    }
}
