/// Turns a file's bytes into UTF-8, chunk by chunk, so one CSV parser (which works on UTF-8 bytes,
/// where every delimiter and quote is a single ASCII byte) serves every encoding.
///
/// Chunk boundaries may split a UTF-16 code unit or a surrogate pair; the transcoder carries the
/// pieces over. An unpaired surrogate becomes U+FFFD and is counted, so the preview can say so
/// instead of dropping a character silently.
struct UTF8Transcoder {
    let encoding: TextEncoding
    private var bomToSkip: Int
    private var carry: [UInt8] = []
    private var highSurrogate: UInt32?
    /// Characters that could not be decoded and were replaced with U+FFFD.
    private(set) var replacements = 0

    init(encoding: TextEncoding) {
        self.encoding = encoding
        bomToSkip = encoding.bomLength
    }

    /// Appends the UTF-8 form of `bytes` to `out`.
    mutating func transcode(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        var start = 0
        if bomToSkip > 0 {
            start = min(bomToSkip, bytes.count)
            bomToSkip -= start
        }
        switch encoding {
        case .utf8, .utf8WithBOM:
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        case .windows1252:
            out.reserveCapacity(out.count + bytes.count - start)
            for i in start..<bytes.count {
                let b = bytes[i]
                if b < 0x80 { out.append(b) } else { append(Self.windows1252[Int(b) - 0x80], to: &out) }
            }
        case .utf16LE, .utf16BE:
            var i = start
            if !carry.isEmpty, i < bytes.count {
                carry.append(bytes[i])
                i += 1
                unit(carry[0], carry[1], into: &out)
                carry.removeAll()
            }
            while i + 1 < bytes.count {
                unit(bytes[i], bytes[i + 1], into: &out)
                i += 2
            }
            if i < bytes.count { carry = [bytes[i]] }
        }
    }

    /// Flushes what is left at the end of the file.
    mutating func finish(into out: inout [UInt8]) {
        if !carry.isEmpty || highSurrogate != nil {
            carry.removeAll()
            highSurrogate = nil
            replace(into: &out)
        }
    }

    private mutating func unit(_ b0: UInt8, _ b1: UInt8, into out: inout [UInt8]) {
        let u = encoding == .utf16LE ? UInt32(b0) | UInt32(b1) << 8 : UInt32(b0) << 8 | UInt32(b1)
        if let high = highSurrogate {
            highSurrogate = nil
            if (0xDC00...0xDFFF).contains(u) {
                append(0x10000 + ((high - 0xD800) << 10) + (u - 0xDC00), to: &out)
                return
            }
            replace(into: &out)
        }
        switch u {
        case 0xD800...0xDBFF: highSurrogate = u
        case 0xDC00...0xDFFF: replace(into: &out)
        default: append(u, to: &out)
        }
    }

    private mutating func replace(into out: inout [UInt8]) {
        replacements += 1
        append(0xFFFD, to: &out)
    }

    private func append(_ scalar: UInt32, to out: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            out.append(UInt8(scalar))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | scalar >> 6))
            out.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | scalar >> 12))
            out.append(UInt8(0x80 | (scalar >> 6) & 0x3F))
            out.append(UInt8(0x80 | scalar & 0x3F))
        default:
            out.append(UInt8(0xF0 | scalar >> 18))
            out.append(UInt8(0x80 | (scalar >> 12) & 0x3F))
            out.append(UInt8(0x80 | (scalar >> 6) & 0x3F))
            out.append(UInt8(0x80 | scalar & 0x3F))
        }
    }

    /// Windows-1252's 0x80–0xFF. The five bytes it leaves undefined map to U+FFFD.
    static let windows1252: [UInt32] =
        [
            0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
            0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
        ] + (0xA0...0xFF).map { UInt32($0) }
}
