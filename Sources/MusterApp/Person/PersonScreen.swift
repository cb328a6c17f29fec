import CourseKit
import Foundation
import TerminalUI

/// One person: who they are, and every course they took with attendance and completion; or,
/// toggled with `t`, their audit trail: every recorded change about them, who made it, on which
/// device, when and through what.
public struct PersonState: Sendable, Equatable {
    public var personID: Int64
    public var details: PersonDetails? {
        didSet { auditTable.setRowCount(details?.audit.count ?? 0) }
    }
    public var table = TableState()
    /// Whether the lower half shows the audit trail instead of the training history.
    public var showsAudit = false
    public var auditTable = TableState()

    public init(personID: Int64) { self.personID = personID }

    /// The trail's selected entry, when the trail shows.
    public var selectedAuditEntry: AuditEntry? {
        guard showsAudit, let details, let i = auditTable.selection, details.audit.indices.contains(i) else { return nil }
        return details.audit[i]
    }

    public var selectedRecord: PersonCourseRecord? {
        guard !showsAudit, let details, let i = table.selection, details.history.indices.contains(i) else { return nil }
        return details.history[i]
    }
}

/// The person's keys: open a course of their history, edit them, switch to the audit trail.
extension PersonState: ScreenModel {
    var screen: Screen { .person(self) }
    var keyContexts: [String] { [KeyContext.person, KeyContext.list, KeyContext.global] }

    /// The list keys move in whichever half shows: the history or the audit trail.
    var list: TableState? {
        get { showsAudit ? auditTable : table }
        set {
            guard let newValue else { return }
            if showsAudit { auditTable = newValue } else { table = newValue }
        }
    }

    /// The history (or trail), below four lines of details and a blank one.
    func tableArea(body: Rect) -> Rect { PersonView.tableRect(body) }

    mutating func command(_ id: CommandID, _ context: inout ScreenContext) -> [Effect<AppAction>] {
        switch id {
        case Command.open:
            guard let code = selectedRecord?.course.code else { return [.bell] }
            return context.open(OverviewState(courseCode: code))
        case Command.auditTrail:
            showsAudit.toggle()
            // The newest change is what a coordinator usually looks for: start at the bottom.
            if showsAudit, auditTable.selection == nil || auditTable.selection == 0 { auditTable.end(height: pageHeight(context.size)) }
        case Command.edit:
            guard let details else { return [] }
            return context.editPerson(details.person, agency: details.agency)
        case Command.merge:
            guard let details else { return [] }
            if let into = details.mergedInto {
                context.note(context.words.person("merge.already", details.person.code, into.code))
                return [.bell]
            }
            context.push(PersonMergeFlow.picker(keep: details.person, words: context.words))
        case Command.unmerge:
            guard let entry = selectedAuditEntry, entry.changeAction == "merge", let changeID = entry.changeID else {
                context.note(context.words.person(showsAudit ? "unmerge.choose" : "unmerge.showTrail"))
                return [.bell]
            }
            context.push(
                ConfirmState(
                    dialog: .confirm(
                        title: context.words.person("unmerge.title"),
                        message: context.words.person("unmerge.question", LocalTime.format(entry.at, in: .gmt), entry.actor),
                        destructive: true),
                    onYes: .unmerge(changeID: changeID)))
        default:
            break
        }
        return []
    }

    mutating func receive(_ action: AppAction, _ context: inout ScreenContext) -> [Effect<AppAction>]? {
        switch action {
        case .personLoaded(let loaded) where loaded.person.id == personID:
            details = loaded
            table.setRowCount(loaded.history.count)
            return []
        case .perform(.unmerge(let changeID), _):
            return [.run { [loaders = context.loaders] in loaders.unmerge(changeID: changeID) }]
        default:
            return PersonMergeFlow.receive(action, &context)
        }
    }

    func load(_ context: ScreenContext) -> [Effect<AppAction>] {
        [.run { [loaders = context.loaders, personID] in loaders.person(personID) }]
    }

    func render(into buffer: inout ScreenBuffer, body: Rect, theme: Theme) -> HeaderLine {
        render(into: &buffer, body: body, theme: theme, words: Words(.en))
    }

    func render(into buffer: inout ScreenBuffer, body: Rect, theme: Theme, words: Words) -> HeaderLine {
        PersonView.render(self, into: &buffer, body: body, theme: theme, words: words)
    }
}

extension Loaders {
    func person(_ id: Int64) -> AppAction {
        attempt { .personLoaded(try store.people.personDetails(id: id)) }
    }
}
