import CourseKit
import Foundation

/// The wording of live sync, shared by `muster sync peers` and the sync screen's peer list.
public enum SyncLiveText {
    /// "kiosk-door (3f2a9c1e) paired 2024-05-07 08:12 · last 09:14: received 3 (3 new), …".
    /// With `today` ("2024-05-07", the screen's), times on that day lose their date: the screen
    /// is read at the venue, on the day.
    public static func peerLine(_ peer: SyncPeer, zone: TimeZone = .current, today: String? = nil, _ language: Language = .en) -> String {
        let words = Words(language)
        let time = { (date: Date) -> String in
            let text = SyncText.time(date, in: zone)
            guard let today, !today.isEmpty, text.hasPrefix(today + " ") else { return text }
            return String(text.dropFirst(today.count + 1))
        }
        var parts = ["\(peer.label) (\(peer.origin.prefix(8)))"]
        if let revoked = peer.revoked {
            parts.append(words.format("peer.revoked", table: "Sync", time(revoked)))
        } else {
            parts.append(words.format("peer.paired", table: "Sync", time(peer.paired)))
        }
        if let url = peer.url { parts.append(url) }
        if let last = peer.lastExchange, let result = peer.lastResult(in: language) {
            parts.append(words.format("peer.last", table: "Sync", time(last), result))
        }
        return parts.joined(separator: " · ")
    }

    /// "kiosk-door 3f2a91c0 09:14:05: received 12, sent 40 · sent 40 records": one device's
    /// exchanges with this server in this run, the counts first (they are what is looked for).
    public static func activityLine(_ a: SyncPeerService.Activity, zone: TimeZone, _ language: Language = .en) -> String {
        let counts = Words(language).format("peer.activity", table: "Sync", String(a.received), String(a.sent))
        var line = "\(SyncText.clean(a.label)) \(a.origin.prefix(8)) \(clock(a.at, in: zone)): \(counts)"
        if let last = a.last { line += " · \(SyncText.clean(last.text(in: language)))" }
        return line
    }

    /// "09:14:05": when something happened today, to the second.
    public static func clock(_ date: Date, in zone: TimeZone) -> String { SyncText.format(date, "HH:mm:ss", in: zone) }
}
