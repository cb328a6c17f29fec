import CourseKit
import Foundation
import TerminalUI

/// The quotas table: each country, its agencies indented beneath, places with a bar, and what
/// the places are made of.
enum NominationsView {
    /// The columns titled in `words`' language, the same widths in every language.
    static func columns(_ words: Words) -> [TableColumn] {
        [
            TableColumn(words.nominations("column.group"), width: .flexible(min: 14, weight: 2)),
            // A quota's places, with a bar of how full it is; lines without a quota have the count alone.
            TableColumn(words.nominations("column.places"), width: .flexible(min: 9, weight: 1), alignment: .right),
            TableColumn(words.nominations("column.ofWhich"), width: .flexible(min: 10, weight: 3)),
        ]
    }

    static func render(_ s: NominationsState, into buffer: inout ScreenBuffer, body: Rect, theme: Theme, words: Words) -> HeaderLine {
        guard let course = s.course else {
            buffer.put(
                words.nominations("nominations.loading"), at: Point(x: body.x + 1, y: body.y + 1), role: .dim,
                maxWidth: body.width - 1)
            return HeaderLine(breadcrumbs: [s.courseCode, words.nominations("nominations.title")])
        }
        let quotas = s.lines.filter { $0.limit != nil }
        let full = quotas.filter { $0.standing == .full }.count, over = quotas.filter { $0.standing == .over }.count
        let info =
            quotas.isEmpty
            ? words.nominations("nominations.info.none")
            : words.nominations("nominations.info", quotas.count, full, over, quotas.count - full - over)
        buffer.putLine(
            info, in: Rect(x: body.x + 1, y: body.y, width: body.width - 2, height: 1), role: .dim,
            ellipsis: theme.glyphs.ellipsis)
        let check = theme.ascii ? words.nominations("check.ascii") : "✓"
        // The widest quota's label, kept beside every bar so the bars share one length.
        let labelWidth = quotas.map { DisplayWidth.of(places($0, check: check)) }.max() ?? 0
        TableView(
            columns: columns(words), state: s.table, emptyMessage: words.nominations("nominations.empty"),
            row: { i in
                let line = s.lines[i]
                let agency = line.scope == .agency
                let used = places(line, check: check)
                let role: StyleRole? =
                    switch line.standing {
                    case .full: .success
                    case .over: .warning
                    default: nil
                    }
                return TableRow(
                    [(agency ? "  " : "") + line.label(in: words.language), used, pending(line, words)],
                    cellRoles: [agency ? nil : .accent, role, .dim],
                    bars: [nil, line.limit.map { Bar(line.used, of: $0, labelWidth: labelWidth) }])
            }
        ).render(into: &buffer, rect: s.tableArea(body: body), theme: theme)
        return HeaderLine(
            breadcrumbs: [course.label, words.nominations("nominations.title")],
            trailing: words.nominations("nominations.countries", s.lines.filter { $0.scope == .country }.count))
    }

    /// "4/5", "5/5 ✓" when full, "6/5 !" when over; the count alone without a quota.
    /// `over` marks a quota past its places: "!" beside a bar, a word where the line stands alone.
    static func places(_ line: QuotaLine, check: String, over: String = "!") -> String {
        guard let limit = line.limit else { return String(line.used) }
        return "\(line.used)/\(limit)" + (line.standing == .full ? " \(check)" : line.standing == .over ? " \(over)" : "")
    }

    /// "5 confirmed · 1 nominated · 1 declined", "5 confirmadas · 1 nominada": `QuotaLine.pendingText`
    /// in `words`' language, the same statuses in the same order.
    static func pending(_ line: QuotaLine, _ words: Words) -> String {
        QuotaLine.pendingOrder.compactMap { status -> String? in
            let n = line[status]
            guard n > 0 else { return nil }
            return words.nominations("pending.\(status.rawValue)" + (n == 1 ? ".one" : ""), n)
        }.joined(separator: " · ")
    }
}

extension Words {
    /// A text of the nominations screen: `key` in `Nominations.strings`, its blanks filled.
    func nominations(_ key: String, _ arguments: any CVarArg...) -> String { say(key, in: "Nominations", arguments) }
}
