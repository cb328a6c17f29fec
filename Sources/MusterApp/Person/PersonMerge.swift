import CourseKit
import Foundation
import TerminalUI

/// Merging any two people from the screens, in three steps whatever screen starts it (the person
/// view's `M`, or the roster's `M` on someone who is not a walk-in): a people picker chooses whose
/// record is merged into the person on screen, a confirm screen shows the preview (what moves,
/// which status and which mark stay, what details are filled), and "yes" merges, one logged
/// change. The person view's trail undoes it later (`U`), in any later run. The flow's own
/// words come from `Person.strings`; the preview's lines are the library's, as the command line
/// prints them.
enum PersonMergeFlow {
    /// The picker: whose record goes into `keep`'s.
    static func picker(keep: Person, words: Words) -> MenuState {
        MenuState.personPicker(
            title: words.person("merge.picker.title", keep.code), prompt: words.person("merge.picker.prompt", keep.displayName),
            purpose: .mergePerson(keepID: keep.id!), words: words)
    }

    /// Someone was picked: load what the merge would do.
    static func chosen(keepID: Int64, _ item: MenuItem, _ context: inout ScreenContext) -> [Effect<AppAction>] {
        guard let otherID = Int64(item.id) else { return [] }
        guard otherID != keepID else {
            context.note(context.words.person("merge.samePerson"))
            return [.bell]
        }
        return [.run { [loaders = context.loaders] in loaders.mergePreview(keepID: keepID, otherID: otherID) }]
    }

    /// The confirm screen: the preview's lines, as the command line prints them.
    static func confirm(_ preview: MergePreview, words: Words) -> ConfirmState {
        ConfirmState(
            dialog: .confirm(
                title: words.person("merge.confirm.title", preview.other.code, preview.keep.code),
                message: (preview.lines(in: words.language) + ["", words.person("merge.confirm.question", preview.keep.code)])
                    .joined(separator: "\n"),
                destructive: true),
            onYes: .mergePeople(keepID: preview.keep.id!, otherID: preview.other.id!))
    }

    /// What the person view and the roster do with the flow's results; nil for anything else.
    static func receive(_ action: AppAction, _ context: inout ScreenContext) -> [Effect<AppAction>]? {
        switch action {
        case .menuChosen(.mergePerson(let keepID), let item):
            return chosen(keepID: keepID, item, &context)
        case .mergePreviewLoaded(let preview):
            context.push(confirm(preview, words: context.words))
            return []
        case .perform(.mergePeople(let keepID, let otherID), _):
            return context.change { try $0.people.mergePeople(keepID: keepID, otherID: otherID).change }
        default:
            return nil
        }
    }
}

extension Loaders {
    func mergePreview(keepID: Int64, otherID: Int64) -> AppAction {
        attempt { .mergePreviewLoaded(try store.people.mergePreview(keepID: keepID, otherID: otherID)) }
    }

    /// Undoes a merge; comes back as `changeUndone` ("Undid: P-900 … merged into T-001 …").
    func unmerge(changeID: Int64) -> AppAction {
        attempt { .changeUndone(try store.people.unmerge(changeID: changeID)) }
    }
}
