import Foundation

/// A delimited text file read into records, with what was learnt about it on the way.
public struct DelimitedFile: Sendable, Equatable {
    public var encoding: TextEncoding
    public var delimiter: Character
    public var records: [CSVRecord]
    /// Things the preview should say: an encoding fallback, replaced characters, a `sep=` line.
    public var notes: [String]

    /// "UTF-16 LE, tab-separated".
    public var dialect: Dialect { Dialect(encoding: encoding, delimiter: delimiter) }
}

/// How a file is written: its encoding and the character between its cells.
public struct Dialect: Sendable, Equatable, CustomStringConvertible {
    public var encoding: TextEncoding
    public var delimiter: Character

    /// "UTF-16 LE, tab-separated".
    public var description: String { text(in: .en) }

    /// The same in `language` ("UTF-16 LE, separado por tabulaciones").
    public func text(in language: Language) -> String {
        let name = delimiter == "\t" ? "tab" : delimiter == ";" ? "semicolon" : "comma"
        return Words(language).format("dialect.\(name)", table: "Import", encoding.rawValue)
    }
}

/// Reads roster files: encoding, delimiter and records, streaming in chunks with every limit
/// enforced as the bytes arrive, so a 100 MB line or a binary file fails fast with a line number.
///
/// Two passes over the bytes: the first settles the encoding (UTF-8 or Windows-1252 cannot be told
/// apart until the end), the second transcodes to UTF-8 and parses. The delimiter is the one an
/// Excel `sep=` first line names, else the candidate (comma, semicolon, tab) that splits a header
/// line into the most column titles, else the one that splits the first records into the most rows
/// of one consistent width.
public enum DelimitedFileReader {
    public static func read(path: String, delimiter: Character? = nil, limits: CSVLimits = CSVLimits()) throws -> DelimitedFile {
        try read(source: FileSource(path: path, limit: limits.maxFileBytes), delimiter: delimiter, limits: limits)
    }

    public static func read(data: Data, delimiter: Character? = nil, limits: CSVLimits = CSVLimits()) throws -> DelimitedFile {
        guard data.count <= limits.maxFileBytes else { throw FileSource.tooBig(limits.maxFileBytes) }
        return try read(source: DataSource(data: data), delimiter: delimiter, limits: limits)
    }

    static func read(source: some ByteSource, delimiter forced: Character?, limits: CSVLimits) throws -> DelimitedFile {
        var sniffer = EncodingSniffer()
        try source.forEachChunk { try sniffer.feed($0) }
        let (encoding, encodingNote) = try sniffer.finish()

        var transcoder = UTF8Transcoder(encoding: encoding)
        var parser: CSVParser?
        var pending: [UInt8] = []  // transcoded bytes held until the delimiter is known
        var records: [CSVRecord] = []
        var delimiter = forced
        func emit(_ r: CSVRecord) { records.append(r) }
        func start(final: Bool) throws {
            let d = delimiter ?? DelimiterSniffer.detect(sample: pending, final: final)
            delimiter = d
            parser = CSVParser(delimiter: d.asciiValue ?? 0x2C, limits: limits)
            try pending.withUnsafeBufferPointer { try parser!.feed($0, emit: emit) }
            pending = []
        }
        var chunkOut: [UInt8] = []
        try source.forEachChunk { chunk in
            chunkOut.removeAll(keepingCapacity: true)
            transcoder.transcode(chunk, into: &chunkOut)
            if parser == nil {
                pending.append(contentsOf: chunkOut)
                if pending.count >= DelimiterSniffer.sampleBytes { try start(final: false) }
            } else {
                try chunkOut.withUnsafeBufferPointer { try parser!.feed($0, emit: emit) }
            }
        }
        chunkOut.removeAll()
        transcoder.finish(into: &chunkOut)
        if parser == nil {
            pending.append(contentsOf: chunkOut); try start(final: true)
        } else {
            try chunkOut.withUnsafeBufferPointer { try parser!.feed($0, emit: emit) }
        }
        try parser!.finish(emit: emit)

        var notes: [String] = []
        if let encodingNote { notes.append(encodingNote) }
        if transcoder.replacements > 0 {
            notes.append("\(transcoder.replacements) undecodable character(s) replaced with U+FFFD")
        }
        if let first = records.first, first.line == 1,
            DelimiterSniffer.sepLine(first.fields.joined(separator: String(delimiter ?? ","))) != nil
        {
            records.removeFirst()
            notes.append("delimiter named by the file's sep= line")
        }
        if records.last?.isBlank == true { while records.last?.isBlank == true { records.removeLast() } }
        return DelimitedFile(encoding: encoding, delimiter: delimiter ?? ",", records: records, notes: notes)
    }
}

/// Chooses the delimiter from the first records of a file.
enum DelimiterSniffer {
    static let sampleBytes = 64 << 10
    static let candidates: [Character] = [",", ";", "\t"]

    /// `sep=;` (Excel's way of naming the delimiter), else nil.
    static func sepLine(_ text: String) -> Character? {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard t.count == 5, t.lowercased().hasPrefix("sep="), let c = t.last else { return nil }
        return c == "t" || c == "T" ? "\t" : c
    }

    static func detect(sample: [UInt8], final: Bool) -> Character {
        // Cut at the last line end so a record split by the sample boundary does not skew counts.
        var end = sample.count
        if !final, let cut = sample.lastIndex(where: { $0 == 0x0A || $0 == 0x0D }) { end = cut + 1 }
        let bytes = Array(sample[..<end])
        if let firstLine = bytes.split(whereSeparator: { $0 == 0x0A || $0 == 0x0D }).first,
            let sep = sepLine(String(decoding: firstLine, as: UTF8.self))
        {
            return sep
        }
        var best: (score: Int, width: Int, delimiter: Character) = (0, 0, ",")
        var bestHeader: (width: Int, delimiter: Character)?
        for candidate in candidates {
            var parser = CSVParser(delimiter: candidate.asciiValue!, limits: CSVLimits(maxRowBytes: .max, maxFields: .max))
            var widths: [Int: Int] = [:]
            var header = 0
            var seen = 0
            _ = try? bytes.withUnsafeBufferPointer { buffer in
                try parser.feed(buffer) { record in
                    guard !record.isBlank, seen < 100 else { return }
                    seen += 1
                    widths[record.fields.count, default: 0] += 1
                    if isHeaderLike(record.fields) { header = max(header, record.fields.count) }
                }
            }
            if header > 1, header > bestHeader?.width ?? 0 { bestHeader = (header, candidate) }
            guard let (width, rows) = widths.filter({ $0.key > 1 }).max(by: { ($0.value, $0.key) < ($1.value, $1.key) }) else { continue }
            if (rows, width) > (best.score, best.width) { best = (rows, width, candidate) }
        }
        return bestHeader?.delimiter ?? best.delimiter
    }

    /// A record that reads as column titles under a candidate delimiter: at least two fields, none
    /// empty, at least two in three starting with a letter. The header decides the delimiter, not
    /// the count of same-width rows, because data can hold the other candidates: "7/30/20, 9:57:12 AM"
    /// in every row of a tab-separated Teams report splits into same-width comma rows, but
    /// those pieces start with digits, while "Name⇥Join Time⇥Leave Time" split at tabs is all words.
    static func isHeaderLike(_ fields: [String]) -> Bool {
        guard fields.count > 1 else { return false }
        var words = 0
        for field in fields {
            guard let first = field.unicodeScalars.first(where: { !$0.properties.isWhitespace }) else { return false }
            if first.properties.isAlphabetic { words += 1 }
        }
        return words * 3 >= fields.count * 2
    }
}

/// Bytes in chunks, re-readable from the start (the reader makes two passes).
protocol ByteSource {
    func forEachChunk(_ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws
}

struct DataSource: ByteSource {
    let data: Data
    func forEachChunk(_ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        let size = 256 << 10
        var offset = 0
        while offset < data.count {
            let slice = data[data.startIndex + offset..<data.startIndex + min(offset + size, data.count)]
            try slice.withUnsafeBytes { try body($0.bindMemory(to: UInt8.self)) }
            offset += size
        }
    }
}

/// A file read with `read(2)` in 256 KB chunks; refuses folders and files over the size limit
/// before reading, and stops counting at the limit if the file grows while being read.
struct FileSource: ByteSource {
    let path: String
    let limit: Int

    static func tooBig(_ limit: Int) -> CSVError {
        CSVError(line: 1, message: ImportRefusal.tooLargeText(limit), sizeLimit: limit)
    }

    func forEachChunk(_ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        let fd = try InputFile.openRegular(path)
        defer { close(fd) }
        var info = stat()
        if fstat(fd, &info) == 0, Int(info.st_size) > limit { throw Self.tooBig(limit) }
        var buffer = [UInt8](repeating: 0, count: 256 << 10)
        var total = 0
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw MusterError.unreadable(path: path, reason: String(cString: strerror(errno)))
            }
            if n == 0 { return }
            total += n
            if total > limit { throw Self.tooBig(limit) }
            try buffer.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[0..<n])) }
        }
    }
}
