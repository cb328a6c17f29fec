import CourseKit
import Foundation

/// The app's database work, each call turned into the action that carries its result.
/// Only effects call these, so `update` itself never touches the disk.
struct Loaders: Sendable {
    let store: CourseStore

    func versionIfChanged(since version: Int) -> Int? {
        guard let now = try? store.dataVersion(), now != version else { return nil }
        return now
    }

    func attempt(_ body: () throws -> AppAction) -> AppAction {
        do { return try body() } catch { return .failed(describe(error)) }
    }

    /// The screen's wording of a failure (`ErrorVoice`), never the command line's.
    func describe(_ error: Error) -> String { ErrorVoice.phrase(error) }
}
