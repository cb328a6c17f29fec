import Foundation

/// The first line of a bundle file: who wrote it, for which courses, and exactly which records it
/// carries, so a reader can tell what it is before trusting it and a ledger can say what arrived.
///
/// Everything in it is covered by the trailer's checksum and signature. Strings in a header that
/// was read from a file came from another device: clean them (`NameSanitizer.clean`) before
/// showing them.
public struct SyncBundleHeader: Codable, Sendable, Hashable {
    /// `format` of every bundle; a first line without it is not a bundle.
    public static let formatName = "muster-sync-bundle"
    /// The version this Muster writes and the newest it reads.
    public static let currentVersion = 1

    public var format: String
    public var version: Int
    /// Lower-case UUID, new for each bundle: the ledger's key, so a re-import says "already imported".
    public var bundleID: String
    /// The writing library's origin id (`OriginKey.origin`).
    public var origin: String
    /// The writing origin's raw Ed25519 public key, base64: the key the trailer's signature is checked with.
    public var publicKey: String
    /// The exporting device's label, e.g. "kiosk-door (ana)".
    public var label: String
    /// The id of the writing library's last migration.
    public var schema: String
    /// When the bundle was written, Unix milliseconds.
    public var createdMs: Int64
    /// Codes of the courses the bundle is about (empty for a whole-library bundle).
    public var courses: [String]
    /// Per origin, the seqs the bundle carries: sorted, disjoint, non-adjacent `[lo, hi]` pairs
    /// (`BundleTally.ranges`). Exact: the writer and the reader both check them against the records.
    public var ranges: [String: [[Int64]]]
    /// Records per kind (`SyncRecord.Kind.rawValue`); kinds with none are left out.
    public var counts: [String: Int]

    /// A header for a bundle signed by `key` (origin and public key are taken from it).
    /// `ranges` and `counts` must describe the records exactly: `BundleTally` makes them.
    public init(
        bundleID: String = UUID().lowercaseText, key: OriginKey, label: String, schema: String,
        createdMs: Int64, courses: [String], ranges: [String: [[Int64]]], counts: [String: Int]
    ) {
        format = Self.formatName
        version = Self.currentVersion
        self.bundleID = bundleID
        origin = key.origin
        publicKey = key.publicKey.base64EncodedString()
        self.label = label
        self.schema = schema
        self.createdMs = createdMs
        self.courses = courses
        self.ranges = ranges
        self.counts = counts
    }

    /// The same header with `ranges` and `counts` from a tally of the records it will carry.
    public init(
        bundleID: String = UUID().lowercaseText, key: OriginKey, label: String, schema: String,
        createdMs: Int64, courses: [String], tally: BundleTally
    ) {
        self.init(
            bundleID: bundleID, key: key, label: label, schema: schema, createdMs: createdMs, courses: courses,
            ranges: tally.ranges, counts: tally.counts)
    }

    /// The header as its line in the file, without the newline: sorted keys, so the same header
    /// is the same bytes everywhere.
    var canonicalJSON: Data {
        // A struct of strings, numbers, arrays and dictionaries always encodes.
        try! SyncRecord.encoder.encode(self)
    }
}
