import CourseKit
import Foundation
import TerminalUI

/// The roster's nomination and editing keys: confirm, change status, substitute, merge a
/// walk-in, add, edit, remove. Each writes one logged change through an effect; the screen
/// changes when the committed change comes back (`changed`), like the roll call's marks.
extension MusterProgram {
    func nominationCommand(_ id: CommandID, _ state: inout AppState, roster s: RosterState) -> [Effect<AppAction>] {
        guard let context = s.context, let courseID = context.course.id else { return [] }
        if id == Command.add {
            state.screens.push(.form(FormBuilder.person(nil, agency: nil, enrolIn: context.course)))
            return []
        }
        guard let item = s.selected, let personID = item.participant.id else { return [.bell] }
        let p = item.participant
        switch id {
        case Command.confirm:
            guard item.enrolment.status != .confirmed else {
                state.message = StatusMessage("\(p.displayName) is already confirmed")
                return [.bell]
            }
            return [.run { [loaders] in loaders.change { try $0.nominations.setNominationStatus(courseID: courseID, personID: personID, to: .confirmed) } }]
        case Command.status:
            let choices: [(NominationStatus, Character)] = [(.nominated, "n"), (.confirmed, "c"), (.declined, "d"), (.withdrawn, "w"),
                                                             (.waitlisted, "l"), (.substituted, "s")]
            let items = choices.map { status, key in
                MenuItem(id: status.rawValue, label: status == .substituted ? "substituted by someone (choose)" : status.rawValue,
                         detail: status == item.enrolment.status ? "now" : "", key: key)
            }
            state.screens.push(.menu(MenuState(title: "Status", prompt: "\(p.code) \(p.displayName): \(item.enrolment.status.rawValue)",
                                               items: items, purpose: .nominationStatus(personID: personID))))
            return []
        case Command.merge:
            guard item.enrolment.status == .walkIn else {
                state.message = StatusMessage("Only a walk-in awaiting review can be merged; \(p.displayName) is \(item.enrolment.status.rawValue)")
                return [.bell]
            }
            state.screens.push(.menu(personPicker(title: "Merge walk-in", prompt: "Who is \(p.displayName) really? Type a name",
                                                  purpose: .mergeInto(personID: personID))))
            return []
        case Command.edit:
            state.screens.push(.form(FormBuilder.enrolment(item, nominatedBy: item.enrolment.nominatedBy.flatMap { context.agencies[$0] })))
            return []
        case Command.editOther:
            state.screens.push(.form(FormBuilder.person(p, agency: item.agency, enrolIn: nil)))
            return []
        case Command.delete:
            state.screens.push(.confirm(ConfirmState(
                dialog: .confirm(title: "Remove from roster",
                                 message: "Take \(p.code) \(p.displayName) off the roster of \(context.course.label)? "
                                    + "Their nomination (\(item.enrolment.status.rawValue), \(item.enrolment.role.rawValue)) goes; "
                                    + "the person stays in the library. u undoes.",
                                 destructive: true),
                onYes: .removeEnrolment(courseID: courseID, personID: personID))))
            return []
        case Command.undoChange:
            return undoLastChange(&state)
        default:
            return []
        }
    }

    /// A searchable menu over the whole library, for choosing a substitute or a merge target.
    func personPicker(title: String, prompt: String, purpose: MenuPurpose) -> MenuState {
        MenuState(title: title, prompt: prompt, items: [], searchable: true, purpose: purpose,
                  emptyMessage: "Type part of a name or a code")
    }

    /// What a menu choice does, for the menus the roster opens.
    func chooseInMenu(_ menu: MenuState, _ item: MenuItem, _ state: inout AppState) -> [Effect<AppAction>] {
        switch menu.purpose {
        case .filterDimension:
            guard let s = state.roster, let query = s.query else { return [] }
            if item.id == "clear" {
                var next = query
                next.filter = RosterFilter()
                state.message = StatusMessage("Showing everyone")
                return [reload(s, state, query: next, focusPerson: s.selected?.participant.id, keepContext: true)]
            }
            guard let facet = RosterFacet(rawValue: item.id) else { return [] }
            return [.run { [loaders] in loaders.rosterFacet(query, facet) }]
        case .filterValue(let facet):
            return applyFilter(facet, value: item.id, &state)
        case .nominationStatus(let personID):
            guard let courseID = state.roster?.context?.course.id, let status = NominationStatus(rawValue: item.id) else { return [] }
            if status == .substituted {
                let name = state.roster?.selected?.participant.displayName ?? "them"
                state.screens.push(.menu(personPicker(title: "Substitute", prompt: "Who replaces \(name)? Type a name",
                                                      purpose: .substitute(personID: personID))))
                return []
            }
            return [.run { [loaders] in loaders.change { try $0.nominations.setNominationStatus(courseID: courseID, personID: personID, to: status) } }]
        case .substitute(let personID):
            guard let courseID = state.roster?.context?.course.id, let other = Int64(item.id) else { return [] }
            return [.run { [loaders] in loaders.change { try $0.nominations.substitute(courseID: courseID, personID: personID, by: other) } }]
        case .mergeInto(let personID):
            guard let courseID = state.roster?.context?.course.id, let other = Int64(item.id) else { return [] }
            return [.run { [loaders] in loaders.change { try $0.nominations.mergeWalkIn(courseID: courseID, walkInID: personID, into: other) } }]
        }
    }

    /// `u` on a coordinator screen: reverses the last change made in this run.
    func undoLastChange(_ state: inout AppState) -> [Effect<AppAction>] {
        guard let last = state.changes.last else {
            state.message = StatusMessage("Nothing to undo: no change made in this run")
            return [.bell]
        }
        return [.run { [loaders] in loaders.undoChange(last) }]
    }

    /// A committed change (or its undo): say what happened, remember it, reload every screen
    /// that shows what it touched.
    func changeResult(_ result: AppAction, _ state: inout AppState) -> [Effect<AppAction>] {
        let text: String
        switch result {
        case .changed(let record):
            state.changes.append(record.id)
            text = Self.sentence(record.summary)
            if case .form = state.top { state.screens.pop() }
        case .changeUndone(let record):
            if let undone = record.undoes { state.changes.removeAll { $0 == undone } }
            text = "Undid: \(record.summary.hasPrefix("undo: ") ? String(record.summary.dropFirst(6)) : record.summary)"
        default:
            return []
        }
        state.message = StatusMessage(text)
        return reloadAll(state) + [.after(milliseconds: 6000, .clearMessage(text))]
    }

    static func sentence(_ summary: String) -> String { summary.prefix(1).uppercased() + summary.dropFirst() }
}

extension Loaders {
    /// Runs one logged change; its record comes back as `changed`.
    func change(_ body: (CourseStore) throws -> ChangeRecord) -> AppAction {
        attempt { .changed(try body(store)) }
    }

    func undoChange(_ id: Int64) -> AppAction {
        attempt { .changeUndone(try store.changeLog.undoChange(id: id)) }
    }

    /// People of the whole library matching a typed text, as menu items "Name — code · country · agency".
    func peopleItems(_ text: String) -> AppAction {
        attempt {
            let agencies = Dictionary(uniqueKeysWithValues: try store.courses.agencies().map { ($0.id!, $0.shortName) })
            let items = try store.people.search(text, limit: 30).map { p in
                MenuItem(id: String(p.id!), label: p.displayName,
                         detail: [p.code, p.country, p.agencyID.flatMap { agencies[$0] } ?? ""].filter { !$0.isEmpty }.joined(separator: " · "))
            }
            return .menuItems(query: text, items)
        }
    }
}
