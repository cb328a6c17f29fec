import Foundation

/// Why a bundle file is refused, each as one line naming the file and saying what to do.
///
/// A bundle is refused whole: nothing in it is used when any of these is found. Nothing taken
/// from the file goes into a message uncleaned.
enum BundleRefusal {
    case missing
    case empty
    case notABundle
    case newerVersion(String)
    case truncated
    case countDiffers(found: Int, trailer: Int)
    case checksum
    case badHeader(String)
    case originMismatch(named: String, keyOf: String)
    case badSignature(origin: String)
    case badRecord(line: Int, reason: String)
    case headerDisagrees(String)
    case lineTooLong(line: Int)
    case needsPassphrase
    case wrongPassphrase
    case changedWhileReading

    private static let copyAgain = "copy it again from the device that wrote it"

    func message(_ name: String) -> String {
        switch self {
        case .missing: "\(name): no such file"
        case .empty: "\(name): the file is empty, not a sync bundle (was the copy interrupted?)"
        case .notABundle: "\(name): not a Muster sync bundle"
        case .newerVersion(let version):
            "\(name): written by a newer Muster (bundle format \(Self.clean(version)); this one reads "
                + "\(SyncBundleHeader.currentVersion)): update Muster to import it"
        case .truncated: "\(name): truncated: the bundle ends before its trailer (\(Self.copyAgain))"
        case .countDiffers(let found, let trailer):
            "\(name): holds \(found) records but its trailer says \(trailer): the file was damaged or changed "
                + "after it was written (\(Self.copyAgain))"
        case .checksum:
            "\(name): checksum mismatch: the file was damaged or changed after it was written (\(Self.copyAgain))"
        case .badHeader(let reason): "\(name): its header is not valid (\(Self.clean(reason)))"
        case .originMismatch(let named, let keyOf):
            "\(name): its header names origin \(Self.clean(named)) but carries the key of origin "
                + "\(Self.clean(keyOf)): refused"
        case .badSignature(let origin):
            "\(name): not signed by the origin it names (\(Self.clean(origin))): refused; ask that device for a new bundle"
        case .badRecord(let line, let reason):
            "\(name): line \(line) is not a valid sync record (\(Self.clean(reason)))"
        case .headerDisagrees(let reason): "\(name): \(Self.clean(reason)): refused"
        case .lineTooLong(let line):
            "\(name): line \(line) is longer than \(BundleLineReader<PlainByteSource>.maximumLineBytes >> 20) MB: "
                + "not a sync bundle, or damaged"
        case .needsPassphrase: "\(name): encrypted: give --passphrase-env VAR"
        case .wrongPassphrase: "\(name): wrong passphrase, or the file is damaged"
        case .changedWhileReading: "\(name): the file changed while it was being read: nothing was taken from it; try again"
        }
    }

    func error(_ name: String) -> MusterError { .invalid(message(name)) }

    /// The path as the user gave it, safe to print.
    static func displayName(_ path: String) -> String { NameSanitizer.clean(path) }

    /// Text from the file, cleaned and cut short, for a message.
    static func clean(_ text: String) -> String {
        let cleaned = NameSanitizer.clean(text)
        return cleaned.count > 80 ? String(cleaned.prefix(79)) + "…" : cleaned
    }

    /// A decoding failure in a few words: which field, and what was wrong with it.
    static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "not JSON" }
        func field(_ path: [any CodingKey]) -> String {
            path.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "no \(field(context.codingPath + [key]))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "\(field(context.codingPath)) has the wrong type"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "not JSON" : "bad value of \(field(context.codingPath))"
        @unknown default:
            return "not JSON"
        }
    }
}
