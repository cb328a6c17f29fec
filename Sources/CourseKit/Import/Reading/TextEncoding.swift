/// The encodings roster files arrive in. Registration tools and spreadsheets write UTF-8 (with or
/// without a byte-order mark), Excel's "Unicode text" and Teams write UTF-16, and older Windows
/// machines write Windows-1252.
public enum TextEncoding: String, Sendable, Equatable, CaseIterable {
    case utf8 = "UTF-8"
    case utf8WithBOM = "UTF-8 with BOM"
    case utf16LE = "UTF-16 LE"
    case utf16BE = "UTF-16 BE"
    case windows1252 = "Windows-1252"

    /// Bytes of the byte-order mark the file starts with, skipped before parsing.
    var bomLength: Int {
        switch self {
        case .utf8WithBOM: 3
        case .utf16LE, .utf16BE: 2
        case .utf8, .windows1252: 0
        }
    }
}

/// Decides a file's encoding from its bytes, in one streaming pass before parsing.
///
/// A BOM decides outright. Otherwise the bytes are validated as UTF-8 (RFC 3629: no overlong
/// forms, no surrogates, nothing above U+10FFFF). Invalid bytes in a file that has no valid
/// multi-byte sequence mean an older Windows export: Windows-1252, said so in the preview. Invalid
/// bytes next to valid UTF-8 mean a file of mixed encodings: decoding either way would corrupt
/// some names silently, so that is an error naming the line. Archives and other binary formats
/// people rename to `.csv` are recognised by their magic numbers and refused by name.
struct EncodingSniffer {
    private var started = false
    private var prefix: [UInt8] = []
    private var bom: TextEncoding?
    /// Continuation bytes still expected, and the range the next one must fall in.
    private var pending = 0
    private var nextLow: UInt8 = 0x80
    private var nextHigh: UInt8 = 0xBF
    private var sawMultibyte = false
    private var firstInvalidLine: Int?
    private var line = 1
    private var lastWasCR = false

    /// Feeds the next chunk of the file, in order.
    mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        guard started else {
            // Hold the first bytes until there are enough to recognise a BOM or a magic number.
            prefix.append(contentsOf: bytes)
            if prefix.count >= 8 { try begin() }
            return
        }
        if bom == nil { validate(bytes) }
    }

    /// The encoding to read the file with, once every chunk has been fed.
    mutating func finish() throws -> (TextEncoding, note: String?) {
        if !started { try begin() }
        if let bom { return (bom, nil) }
        if pending > 0 && firstInvalidLine == nil { firstInvalidLine = line }  // truncated sequence at the end
        guard let bad = firstInvalidLine else { return (.utf8, nil) }
        if sawMultibyte {
            throw CSVError(line: bad, message: "invalid UTF-8 next to valid UTF-8 (the file mixes encodings); save it again as UTF-8")
        }
        return (.windows1252, "not valid UTF-8 (line \(bad)), read as Windows-1252")
    }

    private mutating func begin() throws {
        started = true
        let p = prefix
        if p.starts(with: [0xEF, 0xBB, 0xBF]) { bom = .utf8WithBOM; return }
        if p.starts(with: [0xFF, 0xFE]) { bom = .utf16LE; return }
        if p.starts(with: [0xFE, 0xFF]) { bom = .utf16BE; return }
        if let format = Self.binaryFormat(p) {
            throw CSVError(line: 1, message: "this is \(format), not CSV or TSV text; save or export it as CSV (UTF-8) first")
        }
        let held = prefix
        prefix = []
        held.withUnsafeBufferPointer { validate($0) }
    }

    /// Names the binary formats people most often rename to `.csv`.
    static func binaryFormat(_ p: [UInt8]) -> String? {
        if p.starts(with: [0x50, 0x4B, 0x03, 0x04]) || p.starts(with: [0x50, 0x4B, 0x05, 0x06]) {
            return "a ZIP archive (an .xlsx or .ods workbook?)"
        }
        if p.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) { return "an old Excel (.xls) workbook" }
        if p.starts(with: Array("%PDF".utf8)) { return "a PDF document" }
        if p.starts(with: [0x1F, 0x8B]) { return "a gzip archive" }
        if p.starts(with: Array("SQLite format".utf8)) { return "an SQLite database" }
        return nil
    }

    private mutating func validate(_ bytes: UnsafeBufferPointer<UInt8>) {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            i += 1
            if pending > 0 {
                if b >= nextLow && b <= nextHigh {
                    pending -= 1
                    nextLow = 0x80; nextHigh = 0xBF
                    if pending == 0 { sawMultibyte = true }
                    continue
                }
                invalid()
                pending = 0
                // fall through: this byte starts afresh
            }
            if b < 0x80 {
                if b == 0x0A {
                    if !lastWasCR { line += 1 }; lastWasCR = false
                } else if b == 0x0D {
                    line += 1; lastWasCR = true
                } else {
                    lastWasCR = false
                }
                continue
            }
            lastWasCR = false
            switch b {
            case 0xC2...0xDF: pending = 1
            case 0xE0: pending = 2; nextLow = 0xA0
            case 0xE1...0xEC, 0xEE, 0xEF: pending = 2
            case 0xED: pending = 2; nextHigh = 0x9F  // no UTF-16 surrogates
            case 0xF0: pending = 3; nextLow = 0x90
            case 0xF1...0xF3: pending = 3
            case 0xF4: pending = 3; nextHigh = 0x8F  // nothing above U+10FFFF
            default: invalid()  // 80–C1 (stray or overlong), F5–FF
            }
        }
    }

    private mutating func invalid() {
        if firstInvalidLine == nil { firstInvalidLine = line }
    }
}

/// A problem with the file's text itself (encoding, quoting, limits), at a physical line.
public struct CSVError: Error, Equatable, Sendable, CustomStringConvertible {
    public var line: Int
    public var message: String
    /// Set when the file is over the import's size limit (in bytes): the one problem whose
    /// remedy is an option, which the command line and the screens name differently.
    public var sizeLimit: Int?
    public init(line: Int, message: String, sizeLimit: Int? = nil) {
        self.line = line; self.message = message; self.sizeLimit = sizeLimit
    }
    public var description: String { "line \(line): \(message)" }
}
