import Crypto
import Foundation
import GRDB

/// The secret that keys erasure fingerprints, kept in a file beside the library
/// (`LIBRARY.erasure-key`, 0600 from its first byte), never inside it.
///
/// An unkeyed hash of an e-mail can be tested by anyone holding the library file: hash a guess,
/// look it up, and learn that this person was erased, and when (issue 21, item 3). Keyed with a
/// secret the file does not hold, a copied, mailed or backed-up library tells nothing. The price:
/// a library moved without its key file no longer recognises erased people in an old roster
/// (`muster doctor` says so). Made at the first erasure; 32 random bytes.
struct ErasureKey {
    let path: String

    init(library: String) { path = "\(library).erasure-key" }

    /// The key file of the library `db` is a connection to (its main file, from SQLite).
    init(_ db: Database) throws {
        let file = try Row.fetchAll(db, sql: "PRAGMA database_list").first { ($0["name"] as String?) == "main" }?["file"] as String?
        self.init(library: file ?? "")
    }

    /// The key, when the file exists and holds one.
    func read() -> SymmetricKey? {
        guard let data = try? InputFile.readAll(path, limit: 4096, tooLarge: MusterError.invalid("too large")), data.count == 32
        else { return nil }
        return SymmetricKey(data: data)
    }

    /// The key, made (and written private, synced, renamed into place) when there is none yet.
    func readOrCreate() throws -> SymmetricKey {
        if let key = read() { return key }
        let key = SymmetricKey(size: .bits256)
        let writer = try PrivateFileWriter(path: path)
        try writer.file.write(key.withUnsafeBytes { Data($0) })
        try writer.commit()
        return key
    }
}
