import CourseKit
import Foundation

/// The wording of live sync, shared by `muster sync peers` and the sync screen's peer list.
public enum SyncLiveText {
    /// "kiosk-door (3f2a9c1e) paired 2024-05-07 08:12 · last 09:14: received 3 (3 new), …".
    public static func peerLine(_ peer: SyncPeer, zone: TimeZone = .current) -> String {
        var parts = ["\(peer.label) (\(peer.origin.prefix(8)))"]
        if let revoked = peer.revoked {
            parts.append("revoked \(SyncText.time(revoked, in: zone))")
        } else {
            parts.append("paired \(SyncText.time(peer.paired, in: zone))")
        }
        if let url = peer.url { parts.append(url) }
        if let last = peer.lastExchange, let result = peer.lastResult {
            parts.append("last \(SyncText.time(last, in: zone)): \(result)")
        }
        return parts.joined(separator: " · ")
    }
}
