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
            let version = (try? store.dataVersion()) ?? 0
            return .sync(
                .loaded(
                    SyncLoad(
                        status: status, conflicts: conflicts, zone: zone, today: today, peers: try store.syncPeers(),
                        live: live.status(), version: version)))
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

    // MARK: live

    /// On each tick: the whole status again when records arrived (the library's version moved),
    /// else live sync's state and the paired devices when it changed, else nothing.
    func syncLiveIfChanged(since current: SyncLiveStatus, version: Int) -> AppAction? {
        if versionIfChanged(since: version) != nil { return syncStatus() }
        let now = live.status()
        return now == current ? nil : liveAction(now)
    }

    func syncServe(_ start: Bool) -> AppAction {
        start ? live.serve(store: store) : live.stopServing()
        return liveAction(live.status())
    }

    func syncExchange(url: String?, pair: PairingCode?) -> AppAction {
        if let url { live.exchange(store: store, url: url, pair: pair) } else { live.stopExchanging() }
        return liveAction(live.status())
    }

    func syncRename(_ label: String) -> AppAction {
        syncAttempt {
            try store.syncSetLabel(label)
            return .renamed(try store.syncStatus().label)
        }
    }

    private func liveAction(_ status: SyncLiveStatus) -> AppAction {
        .sync(.live(status, peers: (try? store.syncPeers()) ?? []))
    }
}
