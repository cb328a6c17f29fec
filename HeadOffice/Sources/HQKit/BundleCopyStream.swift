import CourseKit
import Foundation
import PostgresNIO

/// A verified bundle's records as COPY text, made on a thread of its own: `BundleReader` reads
/// synchronously, the COPY writes asynchronously, and a few 1 MiB chunks in flight keep memory
/// flat whatever the bundle's size.
final class BundleCopyStream: @unchecked Sendable {
    private let room = DispatchSemaphore(value: 4)
    private let lock = NSLock()
    private var stopped = false

    /// Starts reading; `chunks` ends when the bundle does, or throws what the reader threw.
    func chunks(of reader: BundleReader, progress: ProgressReporter = .silent) -> AsyncThrowingStream<ByteBuffer, any Error> {
        let box = ReaderBox(reader)
        return AsyncThrowingStream { continuation in
            let thread = Thread { [self] in
                let reader = box.reader
                var line = ByteBuffer()
                line.reserveCapacity(1 << 20)
                var count = 0
                do {
                    try reader.forEachRecord { record in
                        try record.checkWellFormed()
                        Self.append(record, to: &line)
                        count += 1
                        progress("copying", count, of: reader.recordCount, "records")
                        if line.readableBytes >= 1 << 20 {
                            try self.send(line, continuation)
                            line = ByteBuffer()
                            line.reserveCapacity(1 << 20)
                        }
                    }
                    if line.readableBytes > 0 { try self.send(line, continuation) }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            thread.start()
        }
    }

    /// The consumer took a chunk.
    func took() { room.signal() }

    /// The consumer gave up: the reader stops at its next chunk.
    func stop() {
        lock.withLock { stopped = true }
        for _ in 0..<8 { room.signal() }
    }

    private func send(_ chunk: ByteBuffer, _ continuation: AsyncThrowingStream<ByteBuffer, any Error>.Continuation) throws {
        room.wait()
        if lock.withLock({ stopped }) { throw CancellationError() }
        continuation.yield(chunk)
    }

    /// One staging row: id, origin, seq, hlc, kind, entity, gid, body (the canonical JSON).
    static func append(_ r: SyncRecord, to buffer: inout ByteBuffer) {
        for text in [r.id, r.origin] { field(text, &buffer); buffer.writeInteger(UInt8(ascii: "\t")) }
        buffer.writeString("\(r.seq)\t\(r.hlc)\t")
        for text in [r.kind.rawValue, r.entity, r.gid] { field(text, &buffer); buffer.writeInteger(UInt8(ascii: "\t")) }
        field(r.canonicalJSON, &buffer)
        buffer.writeInteger(UInt8(ascii: "\n"))
    }

    /// COPY's text format: backslash, tab, newline and carriage return escaped.
    static func field(_ text: String, _ buffer: inout ByteBuffer) { field(Data(text.utf8), &buffer) }

    static func field(_ bytes: Data, _ buffer: inout ByteBuffer) {
        for b in bytes {
            switch b {
            case UInt8(ascii: "\\"): buffer.writeBytes([UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x09: buffer.writeBytes([UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0x0A: buffer.writeBytes([UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: buffer.writeBytes([UInt8(ascii: "\\"), UInt8(ascii: "r")])
            default: buffer.writeInteger(b)
            }
        }
    }
}

/// The reader moves to the copying thread and is used there alone.
private final class ReaderBox: @unchecked Sendable {
    let reader: BundleReader
    init(_ reader: BundleReader) { self.reader = reader }
}
