import Foundation

/// Wrong PINs typed at a course's kiosk, kept on disk beside the library, so that restarting the
/// kiosk (or pulling its plug) does not make the first tries free again (issue 21, item 7).
///
/// A file of its own, not a table: a kiosk is often a guest of the library (another process
/// writes it), and a guest writes no table. The file is `LIBRARY.kiosk-pin-<course id>`,
/// written whole (0600 from its first byte, synced, renamed into place), so a crash leaves
/// either the old count or the new one. Every kiosk of the library for that course shares it.
public struct PINFailureLog: Sendable {
    public struct Record: Codable, Equatable, Sendable {
        public var failures: Int
        /// When the latest wrong PIN was typed; the wait it started runs from here.
        public var last: Date?

        public init(failures: Int = 0, last: Date? = nil) {
            self.failures = failures
            self.last = last
        }
    }

    public let path: String

    public init(library: String, courseID: Int64) {
        path = "\(library).kiosk-pin-\(courseID)"
    }

    /// The count so far; none when there is no file. A file that cannot be read as a record
    /// counts as none too: only someone who can already write next to the library could make
    /// one, and such a person has the library itself.
    public func read() -> Record {
        guard let data = try? InputFile.readAll(path, limit: 4096, tooLarge: MusterError.invalid("too large")),
            let record = try? JSONDecoder().decode(Record.self, from: data)
        else { return Record() }
        return record
    }

    /// Adds a wrong PIN at `time` and returns the new count.
    @discardableResult
    public func recordFailure(at time: Date) throws -> Record {
        var record = read()
        record.failures += 1
        record.last = time
        let writer = try PrivateFileWriter(path: path)
        try writer.file.write(try JSONEncoder().encode(record))
        try writer.commit()
        return record
    }

    /// The right PIN was typed: the count starts again.
    public func clear() {
        unlink(path)
    }
}
