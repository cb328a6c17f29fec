import CourseKit
import Foundation

/// A verified bundle's records as COPY's text format, in 1 MiB chunks: `BundleReader` reads
/// synchronously on the connection's queue and each chunk goes to the server as it fills, so
/// memory stays flat whatever the bundle's size.
enum BundleCopyText {
    static let chunkSize = 1 << 20

    /// Reads every record, checks it, and hands the text to `put` chunk by chunk.
    static func write(_ reader: BundleReader, progress: ProgressReporter, to put: ([UInt8]) throws -> Void) throws {
        var chunk = [UInt8]()
        chunk.reserveCapacity(chunkSize + 4096)
        var count = 0
        try reader.forEachRecord { record in
            try record.checkWellFormed()
            append(record, to: &chunk)
            count += 1
            progress("copying", count, of: reader.recordCount, "records")
            if chunk.count >= chunkSize {
                try put(chunk)
                chunk.removeAll(keepingCapacity: true)
            }
        }
        if !chunk.isEmpty { try put(chunk) }
    }

    /// One staging row: id, origin, seq, hlc, kind, entity, gid, body (the canonical JSON).
    static func append(_ r: SyncRecord, to buffer: inout [UInt8]) {
        for text in [r.id, r.origin] { field(text.utf8, &buffer); buffer.append(UInt8(ascii: "\t")) }
        buffer.append(contentsOf: "\(r.seq)\t\(r.hlc)\t".utf8)
        for text in [r.kind.rawValue, r.entity, r.gid] { field(text.utf8, &buffer); buffer.append(UInt8(ascii: "\t")) }
        field(r.canonicalJSON, &buffer)
        buffer.append(UInt8(ascii: "\n"))
    }

    /// COPY's text format: backslash, tab, newline and carriage return escaped.
    static func field(_ bytes: some Sequence<UInt8>, _ buffer: inout [UInt8]) {
        for b in bytes {
            switch b {
            case UInt8(ascii: "\\"): buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x09: buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0x0A: buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            default: buffer.append(b)
            }
        }
    }
}
