import Foundation
import GRDB

/// A record an erasure scrubbed (someone else's note, a facilitator list that named the erased
/// person) keeps its id and the hash of what it was, so the original and the scrubbed copy are
/// one record. Which of the two a library holds must not depend on the order bundles arrived
/// in, or two libraries holding the same records would hold different bytes (the head office's
/// proof compares them): the scrubbed copy replaces a held original, an original arriving where
/// the scrubbed copy is held changes nothing, and two different scrubs of one record (erasures
/// on two devices that had not heard of each other) settle on the smaller body, byte for byte.
/// The head office applies the same rule (`HQScrubbedCopies`).
enum SyncScrubbedCopy {
    /// True when `incoming`, the same record as `held` (equal `contentHash`), replaces it.
    static func replaces(_ incoming: SyncRecord, _ held: SyncRecord) -> Bool {
        guard incoming.kind == held.kind, incoming.kind == .put || incoming.kind == .event, incoming.hash != nil else {
            return false
        }
        return held.hash == nil || incoming.canonicalJSON.lexicographicallyPrecedes(held.canonicalJSON)
    }

    /// Takes `incoming` in place of `held`: the body, the fields' stored values, and the table
    /// where the record's value is the one in force (a head, or an event's note).
    static func take(_ db: Database, _ incoming: SyncRecord, replacing held: SyncRecord) throws {
        try SyncRecordWrites.scrub(db, incoming)
        let changed = (incoming.fields ?? [:]).filter { held.fields?[$0.key] != $0.value }
        if incoming.kind == .event {
            if case .text(let note)? = changed["note"] { try AttendanceEventWrites.redactNote(db, id: incoming.id, note: note) }
            return
        }
        guard !changed.isEmpty else { return }
        for (field, value) in changed {
            try SyncRecordWrites.redactField(db, gid: incoming.gid, field: field, recordID: incoming.id, value: value.databaseValue)
        }
        if let entity = SyncEntity.named(incoming.entity) { _ = try SyncApply.materialize(db, entity: entity, gid: incoming.gid) }
    }
}
