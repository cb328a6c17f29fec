import CourseKit
import Foundation
import TerminalUI

/// The roster's nomination and editing keys: confirm, change status, substitute, merge a
/// walk-in (or anyone, `PersonMergeFlow`), add, edit, remove. Each writes one logged change through an effect; the screen
/// changes when the committed change comes back (`changed`), like the roll call's marks.
extension RosterState {
    mutating func nominationCommand(_ id: CommandID, _ context: inout ScreenContext) -> [Effect<AppAction>] {
        guard let roster = self.context, let courseID = roster.course.id else { return [] }
        let words = context.words
        if id == Command.add {
            context.push(FormBuilder.person(nil, agency: nil, enrolIn: roster.course, words: words))
            return []
        }
        if id == Command.enrolExisting {
            context.push(
                MenuState.personPicker(
                    title: words.roster("add.title"), prompt: words.roster("add.prompt", roster.course.label),
                    purpose: .enrolFromLibrary, words: words))
            return []
        }
        guard let item = selected, let personID = item.person.id else { return [.bell] }
        let p = item.person
        switch id {
        case Command.confirm:
            guard item.enrolment.status != .confirmed else {
                context.note(words.roster("alreadyConfirmed", p.displayName))
                return [.bell]
            }
            return context.change { try $0.nominations.setNominationStatus(courseID: courseID, personID: personID, to: .confirmed) }
        case Command.status:
            let choices: [(NominationStatus, Character)] = [
                (.nominated, "n"), (.confirmed, "c"), (.declined, "d"), (.withdrawn, "w"),
                (.waitlisted, "l"), (.substituted, "s"),
            ]
            let items = choices.map { status, key in
                MenuItem(
                    id: status.rawValue,
                    label: status == .substituted ? words.roster("status.choose.substituted") : words.term(status),
                    detail: status == item.enrolment.status ? words.roster("status.now") : "", key: key)
            }
            context.push(
                MenuState(
                    title: words.roster("status.title"), prompt: "\(p.code) \(p.displayName): \(words.term(item.enrolment.status))",
                    items: items, purpose: .nominationStatus(personID: personID)))
        case Command.merge:
            // Anyone else: another record of the same person is merged into theirs.
            guard item.enrolment.status == .walkIn else {
                context.push(PersonMergeFlow.picker(keep: p, words: context.words))
                return []
            }
            context.push(
                MenuState.personPicker(
                    title: words.roster("merge.title"), prompt: words.roster("merge.prompt", p.displayName),
                    purpose: .mergeInto(personID: personID), words: words))
        case Command.edit:
            context.push(
                FormBuilder.enrolment(item, nominatedBy: item.enrolment.nominatedBy.flatMap { roster.agencies[$0] }, words: context.words))
        case Command.editOther:
            return context.editPerson(p, agency: item.agency)
        case Command.delete:
            context.push(
                ConfirmState(
                    dialog: .confirm(
                        title: words.roster("remove.title"),
                        message: words.roster(
                            "remove.question", "\(p.code) \(p.displayName)", roster.course.label, words.term(item.enrolment.status),
                            words.term(item.enrolment.role)),
                        destructive: true),
                    onYes: .removeEnrolment(courseID: courseID, personID: personID)))
        default:
            break
        }
        return []
    }

    /// What a choice in one of the menus the roster opened does.
    mutating func chose(_ item: MenuItem, for purpose: MenuPurpose, _ context: inout ScreenContext) -> [Effect<AppAction>] {
        switch purpose {
        case .filterDimension:
            guard let query else { return [] }
            if item.id == "clear" {
                var next = query
                next.filter = RosterFilter()
                context.note(context.words.roster("showing.everyone"))
                return [reload(context, query: next, focusPerson: selected?.person.id, keepContext: true)]
            }
            guard let facet = RosterFacet(rawValue: item.id) else { return [] }
            return [.run { [loaders = context.loaders] in loaders.rosterFacet(query, facet) }]
        case .filterValue(let facet):
            return applyFilter(facet, value: item.id, &context)
        case .nominationStatus(let personID):
            guard let courseID = self.context?.course.id, let status = NominationStatus(rawValue: item.id) else { return [] }
            if status == .substituted {
                return context.open(substitutePicker(personID: personID, courseID: courseID, context.words))
            }
            return context.change { try $0.nominations.setNominationStatus(courseID: courseID, personID: personID, to: status) }
        case .substitute(let personID):
            guard let roster = self.context, let courseID = roster.course.id else { return [] }
            if item.id == SubstitutePreference.newPerson {
                guard let nominee = selected, nominee.person.id == personID else { return [.bell] }
                let agency = nominee.enrolment.nominatedBy.flatMap { roster.agencies[$0] } ?? nominee.agency
                context.push(FormBuilder.substitute(nominee.person, nominatedBy: agency, course: roster.course, words: context.words))
                return []
            }
            guard let other = Int64(item.id) else { return [] }
            return context.change { try $0.nominations.substitute(courseID: courseID, personID: personID, by: other) }
        case .mergePerson(let keepID):
            return PersonMergeFlow.chosen(keepID: keepID, item, &context)
        case .enrolFromLibrary:
            guard let courseID = self.context?.course.id, let personID = Int64(item.id) else { return [] }
            return [
                .run { [loaders = context.loaders, words = context.words] in
                    loaders.enrolFromLibrary(personID: personID, courseID: courseID, words: words)
                }
            ]
        case .mergeInto(let personID):
            guard let courseID = self.context?.course.id, let other = Int64(item.id) else { return [] }
            return context.change { try $0.nominations.mergeWalkIn(courseID: courseID, walkInID: personID, into: other) }
        case .syncKeep:
            return []  // the sync screen's menu, never opened from the roster
        }
    }

    /// The substitute picker for `personID`: people of their country and nominating agency
    /// first (the prompt says so), "New person…" last.
    func substitutePicker(personID: Int64, courseID: Int64, _ words: Words) -> MenuState {
        let nominee = selected?.person.id == personID ? selected : nil
        let name = nominee?.person.displayName ?? words.roster("substitute.them")
        let agencyID = nominee?.enrolment.nominatedBy ?? nominee?.person.agencyID
        let agency = agencyID.flatMap { self.context?.agencies[$0]?.shortName }
        let country = nominee?.person.country ?? ""
        let first = [country.isEmpty ? nil : Countries.name(of: country, in: words.language) ?? country, agency].compactMap { $0 }
        var picker = MenuState.personPicker(
            title: words.roster("substitute.title"),
            prompt: first.isEmpty
                ? words.roster("substitute.prompt", name) : words.roster("substitute.prompt.first", name, first.joined(separator: " · ")),
            purpose: .substitute(personID: personID), words: words)
        picker.substituting = SubstitutePreference(personID: personID, country: country, agencyID: agencyID, courseID: courseID)
        picker.setItems([SubstitutePreference.newPersonItem(words)])
        return picker
    }
}

extension Loaders {
    /// Puts someone already in the library on the roster as nominated; when they are on it
    /// already, says who and how instead of the bare refusal.
    func enrolFromLibrary(personID: Int64, courseID: Int64, words: Words) -> AppAction {
        do {
            return .changed(try store.nominations.enrol(personID: personID, courseID: courseID))
        } catch MusterError.refused(.alreadyOnRoster) {
            let details = try? store.people.personDetails(id: personID)
            let status = details?.history.first { $0.course.id == courseID }.map { words.term($0.enrolment.status) }
            let said = status ?? words.roster("enrolled")
            guard let person = details?.person else { return .failed(words.roster("alreadyOnRoster.someone", said)) }
            return .failed(words.roster("alreadyOnRoster", "\(person.code) \(person.displayName)", said))
        } catch {
            return .failed(describe(error))
        }
    }
}
