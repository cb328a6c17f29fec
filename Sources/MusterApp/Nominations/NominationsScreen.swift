import CourseKit
import Foundation
import TerminalUI

/// Nominations by country and agency against the quotas (`QuotaCount`, as the report counts):
/// "Guatemala 4/5 · 3 confirmed · 1 nominated", "Honduras 6/5 !". Enter opens the roster filtered to the line's group, where the
/// nomination keys work.
public struct NominationsState: Sendable, Equatable {
    public var courseCode: String
    public var course: Course?
    public var lines: [QuotaLine] = []
    public var table = TableState()

    public init(courseCode: String) { self.courseCode = courseCode }

    public var selectedLine: QuotaLine? {
        guard let i = table.selection, lines.indices.contains(i) else { return nil }
        return lines[i]
    }

    mutating func load(course: Course, lines: [QuotaLine]) {
        let keep = selectedLine.map { ($0.scope, $0.country, $0.agencyID) }
        self.course = course
        self.lines = lines
        table.setRowCount(lines.count)
        if let keep, let i = lines.firstIndex(where: { ($0.scope, $0.country, $0.agencyID) == keep }) { table.select(i) }
    }
}

/// The quotas' keys: open the roster of a line's group; set (`e`), add (`a`) or remove (`d`) a
/// quota, each one logged change that `u` undoes; edit (`E`) or add (`A`) an agency.
extension NominationsState: TableScreen {
    var screen: Screen { .nominations(self) }
    var keyContexts: [String] { [KeyContext.nominations, KeyContext.list, KeyContext.global] }

    func tableArea(body: Rect) -> Rect { Layout.belowInfoLine(body) }

    mutating func command(_ id: CommandID, _ context: inout ScreenContext) -> [Effect<AppAction>] {
        let words = context.words
        switch id {
        case Command.open:
            guard let line = selectedLine else { return [.bell] }
            var filter = RosterFilter(country: line.country, role: .participant)
            if line.scope == .agency { filter.agencyID = line.agencyID }
            return context.open(RosterState(courseCode: courseCode, mode: .list, filter: filter))
        case Command.edit:
            guard let line = selectedLine, let course else { return [.bell] }
            let existing = line.limit.map { Quota(scope: line.scope, key: line.key, limit: $0) }
            if existing == nil && (line.key.isEmpty || line.agencyID == RosterFilter.noAgency) {
                return context.fail(words.nominations("quota.notAGroup", line.label(in: words.language)))
            }
            context.push(FormBuilder.quota(existing, course: course, group: (line.scope, line.key), words: context.words))
        case Command.add:
            guard let course else { return [.bell] }
            context.push(FormBuilder.quota(nil, course: course, words: context.words))
        case Command.delete:
            guard let line = selectedLine, let limit = line.limit, let courseID = course?.id else {
                return context.fail(words.nominations("quota.none"))
            }
            context.push(
                ConfirmState(
                    dialog: .confirm(
                        title: words.nominations("quota.remove.title"),
                        message: words.nominations("quota.remove.question", line.label(in: words.language), limit),
                        destructive: true),
                    onYes: .deleteQuota(courseID: courseID, scope: line.scope, key: line.key)))
        case Command.editOther:
            guard let line = selectedLine, line.scope == .agency, let agencyID = line.agencyID,
                agencyID != RosterFilter.noAgency
            else {
                context.note(words.nominations("agency.choose"))
                return [.bell]
            }
            return [.run { [loaders = context.loaders] in loaders.agencyForm(agencyID, words: words) }]
        case Command.addOther:
            context.push(FormBuilder.agency(nil, words: context.words))
        default:
            return []
        }
        return []
    }

    mutating func receive(_ action: AppAction, _ context: inout ScreenContext) -> [Effect<AppAction>]? {
        switch action {
        case .nominationsLoaded(let code, let course, let lines) where code == courseCode:
            load(course: course, lines: lines)
            return []
        case .perform(.deleteQuota(let courseID, let scope, let key), _):
            return context.change { try $0.nominations.deleteQuota(courseID: courseID, scope: scope, key: key) }
        default:
            return nil
        }
    }

    func load(_ context: ScreenContext) -> [Effect<AppAction>] {
        [.run { [loaders = context.loaders, courseCode] in loaders.nominations(code: courseCode) }]
    }

    func render(into buffer: inout ScreenBuffer, body: Rect, theme: Theme) -> HeaderLine {
        render(into: &buffer, body: body, theme: theme, words: Words(.en))
    }

    func render(into buffer: inout ScreenBuffer, body: Rect, theme: Theme, words: Words) -> HeaderLine {
        NominationsView.render(self, into: &buffer, body: body, theme: theme, words: words)
    }
}

extension Loaders {
    func nominations(code: String) -> AppAction {
        attempt {
            let course = try store.courses.course(code: code)
            return .nominationsLoaded(code: code, course, try store.nominations.quotaLines(courseID: course.id!))
        }
    }

    /// The agency form needs the agency's stored values, which the quota lines do not carry;
    /// it is built here, in the app's `words`.
    func agencyForm(_ id: Int64, words: Words) -> AppAction {
        attempt {
            guard let agency = try store.courses.agencies().first(where: { $0.id == id }) else {
                throw MusterError.invalid("no such agency")
            }
            return .openForm(FormBuilder.agency(agency, words: words))
        }
    }
}
