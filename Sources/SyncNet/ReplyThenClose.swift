import FlyingFox
import FlyingSocks
import Foundation

/// A response body that closes the connection once it is sent.
///
/// Every answer of the server says `Connection: close`, and must mean it: after a refusal the
/// request's body is still unread on the socket, and a server that kept the connection would
/// go on parsing those bytes as the next request (reading the very body it refused). FlyingFox
/// has no "close after this response"; it does close a connection whose response fails, so this
/// body yields its bytes and then fails with `ClosingAfterReply`, which the log leaves out.
struct ReplyThenClose: AsyncBufferedSequence {
    typealias Element = UInt8
    let data: Data

    func makeAsyncIterator() -> Iterator { Iterator(data: data) }

    struct Iterator: AsyncBufferedIteratorProtocol {
        let data: Data
        var offset = 0

        mutating func next() async throws -> UInt8? {
            try await nextBuffer(suggested: 1)?.first
        }

        mutating func nextBuffer(suggested count: Int) async throws -> Data? {
            guard offset < data.count else { throw ClosingAfterReply() }
            let end = Swift.min(data.count, offset + Swift.max(count, 1))
            defer { offset = end }
            return data.subdata(in: (data.startIndex + offset)..<(data.startIndex + end))
        }
    }

    /// The body as FlyingFox sends it: `count` becomes the Content-Length.
    static func body(_ data: Data) -> HTTPBodySequence {
        HTTPBodySequence(from: ReplyThenClose(data: data), count: data.count, suggestedBufferSize: 64 << 10)
    }
}

/// Not a failure: the signal that ends a connection after its one answer (see `ReplyThenClose`).
struct ClosingAfterReply: LocalizedError {
    static let text = "closing after the reply"
    var errorDescription: String? { Self.text }
}
