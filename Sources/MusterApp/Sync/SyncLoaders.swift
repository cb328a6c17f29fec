import CourseKit
import Foundation

/// The sync screen's database work: the same `CourseStore` calls `muster sync` makes.
extension Loaders {
    func syncStatus() -> AppAction {
        do {
            let status = try store.syncStatus()
            let conflicts = try store.syncConflicts(course: nil)
            let zone = TimeZone.current
            let today = LocalTime.day(store.clock(), in: zone).description
            return .sync(.loaded(SyncLoad(status: status, conflicts: conflicts, zone: zone, today: today)))
        } catch {
            return .sync(.loadFailed(describe(error)))
        }
    }

    func syncExport(path: String, course: String?, all: Bool, passphrase: String?) -> AppAction {
        syncAttempt {
            .exported(
                try store.syncExport(
                    to: path, courses: all ? [] : course.map { [$0] } ?? [], all: all || course == nil, sinceLast: nil,
                    passphrase: passphrase))
        }
    }

    func syncImport(path: String, passphrase: String?, dryRun: Bool) -> AppAction {
        syncAttempt {
            let summaries = try store.syncImport(paths: [path], dryRun: dryRun, passphrase: passphrase)
            return dryRun ? .previewed(path: path, passphrase: passphrase, summaries) : .imported(summaries)
        }
    }

    func syncResolve(conflict: String, keep: String) -> AppAction {
        syncAttempt { .resolved(try store.syncResolve(conflict: conflict, keep: keep)) }
    }

    private func syncAttempt(_ body: () throws -> SyncResult) -> AppAction {
        do { return .sync(try body()) } catch { return .sync(.failed(describe(error))) }
    }
}
