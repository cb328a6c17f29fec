import Crypto
import Foundation

/// Global ids of what travels between libraries.
///
/// An entity with a natural key (a course's code, a session's key within its course, an
/// agency's code, an enrolment's course and person) gets a name-based UUID (RFC 9562 version 5)
/// of that key, so two libraries that loaded the same course file agree on every id without
/// talking. What a device makes without such a key (a walk-in, a person typed into a form) gets
/// a random, time-ordered UUID, which no other device can make.
public enum GlobalID {
    /// Muster's namespace for version-5 ids (fixed forever: changing it changes every id).
    static let namespace = UUID(uuidString: "6D757374-6572-5379-6E63-000000000001")!

    /// A version-5 UUID of `name` in Muster's namespace, lower-case.
    public static func derived(_ name: String) -> String {
        var data = withUnsafeBytes(of: namespace.uuid) { Data($0) }
        data.append(Data(name.utf8))
        var bytes = Array(Insecure.SHA1.hash(data: data).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x50
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let uuid = UUID(
            uuid: (
                bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
            ))
        return uuid.lowercaseText
    }

    /// An id no other device can make: a time-ordered UUID (version 7, `UUID.timeOrdered`: 74
    /// random bits from the pooled system generator after the millisecond). Time-ordered so
    /// that the `gid` indexes of the tables and of `sync_record` grow at their ends: an import
    /// gives one to each new person, and with version-4 ids each went to a random leaf of both
    /// (about 0.6 s of a 100,000-person import here, BENCHMARKS.md). It tells no more than the
    /// clock of the entity's first record already does.
    public static func random() -> String { UUID.timeOrdered().lowercaseText }

    /// The last `digits` hex digits of an id, for a message or a code that must tell ids apart.
    /// Not the first ones: a time-ordered id (a new person's, a record's, an event's) starts
    /// with its millisecond, the same for every id made within a minute or so, where its last
    /// digits are random, as every digit of a version-4 or derived (version-5) id is.
    public static func short(_ id: String, digits: Int = 8) -> String { String(id.suffix(digits)) }

    /// A record's own id: time-ordered (`UUID.timeOrdered`), so `sync_record`, keyed by it,
    /// grows at its end instead of splitting leaves all over a large B-tree.
    public static func record() -> String { UUID.timeOrdered().lowercaseText }

    public static func course(code: String) -> String { derived("course:\(code)") }
    public static func session(course: String, key: String) -> String { derived("session:\(course):\(key)") }
    public static func agency(code: String) -> String { derived("agency:\(code)") }
    /// A person whose code came from a course file: every library that loaded it agrees.
    public static func person(code: String) -> String { derived("person:\(code)") }
    public static func enrolment(course: String, person: String) -> String { derived("enrolment:\(course):\(person)") }
    public static func courseAgency(course: String, agency: String) -> String { derived("course_agency:\(course):\(agency)") }
    public static func quota(course: String, scope: String, key: String) -> String { derived("quota:\(course):\(scope):\(key)") }
}
