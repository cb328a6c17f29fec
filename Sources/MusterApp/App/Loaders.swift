import CourseKit
import Foundation

/// The app's database work, each call turned into the action that carries its result.
/// Only effects call these, so `update` itself never touches the disk.
struct Loaders: Sendable {
    let store: CourseStore
    /// Live sync's server and exchanger: held for the app's whole run, not by the sync screen,
    /// so serving goes on while the facilitator takes the roll call.
    var live = SyncLive()
    /// The language failures are said in: the app's, set on the copy each screen's context holds.
    var language = Language.en

    func versionIfChanged(since version: Int) -> Int? {
        guard let now = try? store.dataVersion(), now != version else { return nil }
        return now
    }

    /// The store's poll (`CourseStore.poll`), on every tick of every screen. A failure here is
    /// not the user's action failing: the next tick tries again, and a screen's own reload
    /// reports a library that stays unreadable.
    func poll() -> AppAction? {
        _ = try? store.poll()
        return nil
    }

    func attempt(_ body: () throws -> AppAction) -> AppAction {
        do { return try body() } catch { return .failed(describe(error)) }
    }

    /// The screen's wording of a failure (`ErrorVoice`), never the command line's.
    func describe(_ error: Error) -> String { ErrorVoice.phrase(error, language) }
}
