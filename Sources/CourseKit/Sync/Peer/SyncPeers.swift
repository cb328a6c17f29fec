import Foundation
import GRDB

/// A device this library exchanges with live, as `muster sync peers` and the sync screen show it.
public struct SyncPeer: Sendable, Hashable {
    public var origin: String
    public var label: String
    public var url: String?
    public var paired: Date
    public var revoked: Date?
    public var lastExchange: Date?
    /// The last exchange's result as its English sentence (all a library before v19 kept).
    public var lastResult: String?
    /// The same as words, for any language; nil for an exchange noted before v19.
    public var lastSaid: ChangeSummary? = nil

    /// The last exchange's result in `language` ("recibidos 3 (3 nuevos), …"), or as it was
    /// noted when no words were kept.
    public func lastResult(in language: Language) -> String? {
        lastSaid.map { NameSanitizer.clean($0.text(in: language)) } ?? lastResult
    }
}

/// How a peer stands with this library when it says hello.
enum PeerStanding: Equatable {
    case trusted
    case revoked
    case unknown
}

extension CourseStore {
    /// Every paired device, most recently exchanged with first.
    public func syncPeers() throws -> [SyncPeer] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM sync_peer ORDER BY coalesce(last_ms, paired_ms) DESC, label").map {
                SyncPeer(
                    origin: $0["origin"], label: NameSanitizer.clean($0["label"]),
                    url: ($0["url"] as String?).map(NameSanitizer.clean), paired: Date(ms: $0["paired_ms"]),
                    revoked: ($0["revoked_ms"] as Int64?).map { Date(ms: $0) },
                    lastExchange: ($0["last_ms"] as Int64?).map { Date(ms: $0) },
                    lastResult: ($0["last_result"] as String?).map(NameSanitizer.clean),
                    lastSaid: ChangeSummary(json: $0["last_said"]))
            }
        }
    }

    /// Revokes a paired device (named by label or by the start of its origin id): it is refused
    /// from now on, whoever it calls itself, until trusted again.
    @discardableResult
    public func syncRevoke(peer: String) throws -> SyncPeer {
        try requireWriter()
        let found = try findPeer(peer)
        try write { db in try SyncPeerWrites.revoke(db, origin: found.origin, atMs: clock().ms) }
        return try findPeer(found.origin)
    }

    /// Trusts a device again after a revoke (by label or origin prefix), or a new device by its
    /// public key (base64, as its `muster sync status` shows it) without a pairing code.
    @discardableResult
    public func syncTrust(peer: String, label: String? = nil) throws -> SyncPeer {
        try requireWriter()
        if let key = Data(base64Encoded: peer), key.count == 32 {
            let origin = OriginKey.origin(ofPublicKey: key)
            guard origin != (try syncOrigin()) else { throw MusterError.invalid("that key is this library's own") }
            try write { db in
                try SyncPeerWrites.trust(db, publicKey: key, label: label ?? "device \(origin.prefix(8))", url: nil, atMs: clock().ms)
            }
            return try findPeer(origin)
        }
        let found = try findPeer(peer)
        try write { db in
            let key = try Data.fetchOne(db, sql: "SELECT public_key FROM sync_peer WHERE origin = ?", arguments: [found.origin]) ?? Data()
            try SyncPeerWrites.trust(db, publicKey: key, label: label ?? found.label, url: nil, atMs: clock().ms)
        }
        return try findPeer(found.origin)
    }

    /// Names this device for the others (`muster sync label`).
    public func syncSetLabel(_ label: String) throws {
        try requireWriter()
        try write { db in try SyncLocal.setLabel(db, label) }
    }

    /// This library's public key, base64: what another device's `sync trust --key` takes.
    public func syncPublicKey() throws -> String {
        try read { db in
            guard let local = try SyncLocal.read(db) else { throw MusterError.database("this library has no sync origin") }
            return try OriginKey(rawPrivateKey: local.privateKey).publicKey.base64EncodedString()
        }
    }

    private func findPeer(_ name: String) throws -> SyncPeer {
        let peers = try syncPeers()
        let clean = NameSanitizer.clean(name)
        let lowered = clean.lowercased()
        let matches = peers.filter { $0.label.lowercased() == lowered || (lowered.count >= 4 && $0.origin.hasPrefix(lowered)) }
        guard let peer = matches.first else {
            throw MusterError.invalid(
                peers.isEmpty
                    ? "no device is paired with this library yet"
                    : "no paired device is called '\(clean)': see `muster sync peers`")
        }
        guard matches.count == 1 else {
            throw MusterError.invalid("'\(clean)' names \(matches.count) paired devices: give the start of the origin id instead")
        }
        return peer
    }

    static func peerStanding(_ db: Database, origin: String) throws -> PeerStanding {
        guard let row = try Row.fetchOne(db, sql: "SELECT revoked_ms FROM sync_peer WHERE origin = ?", arguments: [origin]) else {
            return .unknown
        }
        return (row["revoked_ms"] as Int64?) == nil ? .trusted : .revoked
    }
}
