import CourseKit
import Foundation
import TerminalUI

/// Logged changes from the coordinator screens: each writes one change through an effect, and
/// the screen changes when the committed record comes back (`changed`), which every screen on
/// the stack takes to reload what it shows.
extension ScreenContext {
    /// `u` on a coordinator screen: reverses the last change made in this run.
    mutating func undoLastChange() -> [Effect<AppAction>] {
        guard let last = changes.last else {
            message = StatusMessage(words.app("change.nothingToUndo"))
            return [.bell]
        }
        return [.run { [loaders] in loaders.undoChange(last) }]
    }

    /// Runs one logged change; its record comes back as `changed`.
    func change(_ body: @escaping @Sendable (CourseStore) throws -> ChangeRecord) -> [Effect<AppAction>] {
        [.run { [loaders] in loaders.change(body) }]
    }
}

extension Loaders {
    /// Runs one logged change; its record comes back as `changed`.
    func change(_ body: (CourseStore) throws -> ChangeRecord) -> AppAction {
        attempt { .changed(try body(store)) }
    }

    func undoChange(_ id: Int64) -> AppAction {
        attempt { .changeUndone(try store.changeLog.undoChange(id: id)) }
    }
}
