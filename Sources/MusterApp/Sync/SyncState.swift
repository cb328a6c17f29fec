import CourseKit
import Foundation
import TerminalUI

/// The sync screen, opened from the course list (`y`): live sync on top (serving, exchanging,
/// the paired devices), then what this library holds and from whom, and the open conflicts as a
/// list to resolve. Export and import run through prompts over it; their words are `SyncText`'s,
/// the same as `muster sync`'s.
public struct SyncState: Sendable, Equatable {
    /// The course selected on the course list: what `e` exports.
    public var courseCode: String?
    public var status: SyncStatus?
    public var conflicts: [SyncConflict] = []
    /// The time zone times are shown in, and today's date for a bundle's default name: both
    /// arrive with the data, so drawing reads no clock.
    public var zone = TimeZone(identifier: "UTC")!
    public var today = ""
    public var table = TableState()
    /// Why the status could not be read (shown in the body; nothing else works without it).
    public var error: String?
    public var loaded = false
    /// Live sync as it was at the last tick (`SyncLive.status()`), and the paired devices.
    public var live = SyncLiveStatus.off
    public var peers: [SyncPeer] = []
    /// The library's data version at the last load: a change (records arrived) reloads the status.
    public var version = 0

    public init(courseCode: String?) { self.courseCode = courseCode }

    public var selectedConflict: SyncConflict? {
        table.selection.flatMap { conflicts.indices.contains($0) ? conflicts[$0] : nil }
    }

    /// The status in `SyncText`'s words, as `muster sync status` prints it in that language.
    public func statusLines(_ language: Language = .en) -> [SyncText.StatusEntry] {
        status.map { SyncText.statusEntries($0, zone: zone, transfers: 3, language) } ?? []
    }

    /// `~/muster-<course>-<date>.bundle`, or `~/muster-all-<date>.bundle`.
    public func defaultPath(all: Bool) -> String {
        let name = all ? "all" : courseCode ?? "all"
        return "~/muster-\(name)\(today.isEmpty ? "" : "-\(today)").bundle"
    }

    mutating func load(_ data: SyncLoad) {
        let previous = selectedConflict?.id
        status = data.status
        conflicts = data.conflicts
        zone = data.zone
        today = data.today
        peers = data.peers
        live = data.live
        version = data.version
        error = nil
        loaded = true
        table.setRowCount(conflicts.count)
        if let previous, let index = conflicts.firstIndex(where: { $0.id == previous }) { table.select(index) }
    }

    /// A path as typed: `~` expanded, blanks and the quotes a dragged file arrives in removed.
    static func expand(_ typed: String) -> String {
        var text = typed.trimmingCharacters(in: .whitespaces)
        if text.count >= 2, let first = text.first, first == text.last, first == "'" || first == "\"" {
            text = String(text.dropFirst().dropLast())
        }
        return NSString(string: text).expandingTildeInPath
    }
}

/// What the sync screen loads: the status and the open conflicts, with the zone and date to show them in.
public struct SyncLoad: Sendable, Equatable {
    public var status: SyncStatus
    public var conflicts: [SyncConflict]
    public var zone: TimeZone
    /// "2024-05-07": for the default bundle name.
    public var today: String
    public var peers: [SyncPeer]
    public var live: SyncLiveStatus
    public var version: Int
    public init(
        status: SyncStatus, conflicts: [SyncConflict], zone: TimeZone, today: String, peers: [SyncPeer] = [],
        live: SyncLiveStatus = .off, version: Int = 0
    ) {
        self.status = status; self.conflicts = conflicts; self.zone = zone; self.today = today
        self.peers = peers; self.live = live; self.version = version
    }
}

/// What the sync screen's effects bring back.
public enum SyncResult: Sendable {
    case loaded(SyncLoad)
    case loadFailed(String)
    case exported(SyncExportSummary)
    /// A dry run of `path`: the confirmation shows it before anything is written.
    case previewed(path: String, passphrase: String?, [SyncImportSummary])
    case imported([SyncImportSummary])
    case resolved(SyncConflict)
    /// An export, import or resolution refused: one line, nothing written.
    case failed(String)
    /// Live sync on this tick, and the paired devices (their last exchanges change as it runs).
    case live(SyncLiveStatus, peers: [SyncPeer])
    /// This device was renamed.
    case renamed(String)
}

/// The steps of an export or import, each the answer to a prompt or a dialog over the sync screen.
public enum SyncStep: Sendable, Equatable {
    /// The prompt's text is the bundle's path; a passphrase is asked next.
    case exportPath(all: Bool)
    /// The prompt's text is the passphrase (empty: not encrypted, and the export runs).
    case exportPassphrase(path: String, all: Bool)
    /// The passphrase typed again: a typo would make the bundle unreadable, so the export
    /// runs only when both agree.
    case exportPassphraseAgain(path: String, all: Bool, first: String)
    case importPath
    /// The prompt's text is the passphrase (empty: none); the dry run runs.
    case importPassphrase(path: String)
    /// The preview was accepted: the import runs.
    case importConfirmed(path: String, passphrase: String?)
    /// The prompt's text is a serving device's address and, the first time, its pairing code.
    case exchangeWith
    /// The prompt's text is this device's new name.
    case rename
}
