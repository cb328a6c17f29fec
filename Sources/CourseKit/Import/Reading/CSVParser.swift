/// How much one file may hold before it is refused. Every limit is an error naming the line,
/// never a crash, a hang or a silent cut: a roster is small, so anything far larger is either a
/// quote left open swallowing the file, or not a roster at all.
public struct CSVLimits: Sendable, Equatable {
    /// The whole file (default 64 MB: a 100,000-person roster is about 12 MB).
    public var maxFileBytes: Int
    /// One record, quoted newlines included.
    public var maxRowBytes: Int
    /// Fields in one record. Moodle writes about two per session, so 1,000 allows hundreds of sessions.
    public var maxFields: Int
    /// Names, e-mails and codes; longer ones reject the row they are in.
    public var maxNameBytes: Int

    public init(
        maxFileBytes: Int = 64 << 20, maxRowBytes: Int = 64 << 10, maxFields: Int = 1_000,
        maxNameBytes: Int = 1 << 10
    ) {
        self.maxFileBytes = maxFileBytes
        self.maxRowBytes = maxRowBytes
        self.maxFields = maxFields
        self.maxNameBytes = maxNameBytes
    }
}

/// One record of a delimited file, with the physical lines it spans (1-based), for messages.
public struct CSVRecord: Sendable, Equatable {
    public var line: Int
    public var endLine: Int
    public var fields: [String]

    public init(line: Int, endLine: Int? = nil, fields: [String]) {
        self.line = line
        self.endLine = endLine ?? line
        self.fields = fields
    }

    /// An empty line, or one of delimiters only (`,,,,`).
    public var isBlank: Bool { fields.allSatisfy(\.isEmpty) }

    /// The field at `index`, or "" when the row is too short for it.
    public subscript(index: Int?) -> String {
        guard let index, index >= 0, index < fields.count else { return "" }
        return fields[index]
    }
}

/// A streaming RFC 4180 parser over UTF-8 bytes: feed chunks, receive records.
///
/// Beyond the RFC, it accepts what real exports contain: CR, LF and CRLF line ends mixed in one
/// file; whitespace around a quoted field (dropped); a bare quote inside an unquoted field (kept);
/// text after a closing quote (kept). Quoted newlines become LF. It refuses, with the line where
/// the trouble starts: NUL bytes (a binary file, or UTF-16 without a BOM: cutting the text there
/// would lose the rest silently), a quote never closed, a record over `maxRowBytes`, and more
/// than `maxFields` fields. Memory stays bounded by one record whatever the input.
struct CSVParser {
    let delimiter: UInt8
    let limits: CSVLimits

    private enum State { case fieldStart, unquoted, quoted, closingQuote, afterQuoted }
    private var state = State.fieldStart
    private var field: [UInt8] = []
    private var fields: [String] = []
    private var rowBytes = 0
    private var line = 1
    private var recordLine = 1
    private var quoteLine = 1
    private var lastWasCR = false

    init(delimiter: UInt8, limits: CSVLimits = CSVLimits()) {
        self.delimiter = delimiter
        self.limits = limits
        field.reserveCapacity(256)
    }

    /// Parses the next chunk; `emit` receives each record completed in it.
    mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>, emit: (CSVRecord) throws -> Void) throws {
        let quote: UInt8 = 0x22, lf: UInt8 = 0x0A, cr: UInt8 = 0x0D, space: UInt8 = 0x20, tab: UInt8 = 0x09
        for b in bytes {
            if b == 0 {
                throw CSVError(
                    line: line,
                    message:
                        "NUL byte in field \(fields.count + 1): a binary file, or UTF-16 without a byte-order mark? Save it as CSV (UTF-8)")
            }
            if b == lf || b == cr {
                if b == lf && lastWasCR { lastWasCR = false; continue }  // the LF of a CRLF
                lastWasCR = b == cr
                line += 1
                if state == .quoted {
                    try append(lf)
                } else {
                    try endField()
                    try endRecord(emit)
                }
                continue
            }
            lastWasCR = false
            switch state {
            case .fieldStart:
                if b == quote {
                    field.removeAll(keepingCapacity: true)  // whitespace before a quoted field
                    state = .quoted
                    quoteLine = line
                    try count(1)
                } else if b == delimiter {
                    try endField()
                } else {
                    try append(b)
                    if b != space && b != tab { state = .unquoted }
                }
            case .unquoted:
                if b == delimiter { try endField() } else { try append(b) }
            case .quoted:
                if b == quote { state = .closingQuote; try count(1) } else { try append(b) }
            case .closingQuote:
                if b == quote {
                    try append(quote); state = .quoted
                }  // doubled quote
                else if b == delimiter {
                    try endField()
                } else if b == space || b == tab {
                    state = .afterQuoted
                } else {
                    try append(b); state = .unquoted
                }  // "abc"def → abcdef
            case .afterQuoted:
                if b == delimiter { try endField() } else if b != space && b != tab { try append(b); state = .unquoted }
            }
        }
    }

    /// Ends the file: the last record may lack its line end; a quote still open is an error.
    mutating func finish(emit: (CSVRecord) throws -> Void) throws {
        if state == .quoted {
            throw CSVError(line: quoteLine, message: "a quoted field opened on this line is never closed")
        }
        if !fields.isEmpty || !field.isEmpty || state != .fieldStart {
            try endField()
            line += 1
            try endRecord(emit)
        }
    }

    private mutating func append(_ b: UInt8) throws {
        field.append(b)
        try count(1)
    }

    private mutating func count(_ n: Int) throws {
        rowBytes += n
        if rowBytes > limits.maxRowBytes {
            if state == .quoted || state == .closingQuote {
                throw CSVError(
                    line: quoteLine,
                    message: "a quoted field opened on this line runs past \(limits.maxRowBytes / 1024) KB: is its closing quote missing?")
            }
            throw CSVError(line: recordLine, message: "row longer than \(limits.maxRowBytes / 1024) KB (the limit for one row)")
        }
    }

    private mutating func endField() throws {
        fields.append(String(decoding: field, as: UTF8.self))
        field.removeAll(keepingCapacity: true)
        state = .fieldStart
        rowBytes += 1
        if fields.count > limits.maxFields {
            throw CSVError(line: recordLine, message: "more than \(limits.maxFields) fields in one row; this does not look like a roster")
        }
    }

    private mutating func endRecord(_ emit: (CSVRecord) throws -> Void) throws {
        let record = CSVRecord(line: recordLine, endLine: line - 1, fields: fields)
        fields.removeAll(keepingCapacity: true)
        rowBytes = 0
        recordLine = line
        try emit(record)
    }
}
