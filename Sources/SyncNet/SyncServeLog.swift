import CourseKit
import FlyingSocks
import Foundation

/// FlyingFox's log, cut down to what a person running `muster sync serve` needs: one line per
/// connection that went wrong, naming the remote address ("10.0.0.7: No HTTP Method"). Its
/// per-request chatter is dropped, and so are the lines `SyncHTTPServer.start` turns into its
/// own error and the deliberate close after each reply.
final class SyncServeLog: Logging, @unchecked Sendable {
    private let write: @Sendable (ChangeSummary) -> Void
    private let lock = NSLock()
    private var quiet = true

    /// `write` gets FlyingFox's lines as it said them (`serveLog.said`): its words are its own.
    init(_ write: @escaping @Sendable (ChangeSummary) -> Void) { self.write = write }

    /// Quiet until `start` succeeds (its failures are thrown, not logged twice) and again once
    /// `stop` is called (the end of `run` is then expected).
    func setQuiet(_ value: Bool) { lock.withLock { quiet = value } }

    func logDebug(_ debug: @autoclosure () -> String) {}
    func logInfo(_ info: @autoclosure () -> String) {}
    func logWarning(_ warning: @autoclosure () -> String) { forward(warning()) }
    func logError(_ error: @autoclosure () -> String) { forward(error()) }
    func logCritical(_ critical: @autoclosure () -> String) { forward(critical()) }

    /// A line of the server's own, in words, quiet or not as FlyingFox's are.
    func say(_ words: ChangeSummary) {
        guard !lock.withLock({ quiet }) else { return }
        write(words)
    }

    private func forward(_ message: String) {
        guard !lock.withLock({ quiet }), !message.hasSuffix(ClosingAfterReply.text) else { return }
        write(ChangeSummary.sync("serveLog.said", .text(Self.reworded(message))))
    }

    /// FlyingFox writes "<ADDR> error: REASON"; the serve log's form is "ADDR: REASON".
    static func reworded(_ message: String) -> String {
        guard message.hasPrefix("<"), let close = message.firstIndex(of: ">") else { return message }
        let address = message[message.index(after: message.startIndex)..<close]
        var rest = message[message.index(after: close)...].drop { $0 == " " }
        if rest.hasPrefix("error: ") { rest = rest.dropFirst("error: ".count) }
        return "\(address): \(rest)"
    }
}
