import CourseKit
import Foundation
import SyncNet

/// What live sync is doing right now, as the sync screen reads it on each tick: a value, so the
/// screen draws from its state alone and a test can hand one in.
public struct SyncLiveStatus: Sendable, Equatable {
    public var serving: Serving
    public var exchange: Exchange
    /// The server's last log line ("refused 192.168.1.30: wrong pairing code"), with its time:
    /// what a facilitator needs when a device says it cannot pair.
    public var lastLog: LogLine?

    public init(serving: Serving = .off, exchange: Exchange = .off, lastLog: LogLine? = nil) {
        self.serving = serving; self.exchange = exchange; self.lastLog = lastLog
    }

    public static let off = SyncLiveStatus()

    public enum Serving: Sendable, Equatable {
        case off
        case starting(port: UInt16)
        case on(Server)
        /// Serving could not start (the port is in use, another Muster holds the library): why, in
        /// one line, in every language (the screen may switch language while it stays).
        case failed(FailureText)

        /// Starting or on: the serve key stops it.
        public var isActive: Bool {
            switch self {
            case .starting, .on: true
            case .off, .failed: false
            }
        }
    }

    public struct Server: Sendable, Equatable {
        /// Where peers reach this device, loopback last.
        public var urls: [String]
        /// The code that pairs the next device: it changes once used.
        public var code: String
        /// Devices seen in this run, most recent first.
        public var activity: [SyncPeerService.Activity]
        public init(urls: [String], code: String, activity: [SyncPeerService.Activity] = []) {
            self.urls = urls; self.code = code; self.activity = activity
        }
    }

    public enum Exchange: Sendable, Equatable {
        case off
        /// Exchanging with `url` every `every` seconds; `last` is nil until the first exchange ends.
        case running(url: String, every: TimeInterval, last: LiveExchangeOutcome?)
        /// The exchange could not start (a URL that is not one, a host that cannot be found).
        case failed(url: String, reason: FailureText)

        public var isActive: Bool {
            if case .running = self { return true }
            return false
        }
    }

    /// A line of the server's log as words, said in the screen's language when drawn.
    public struct LogLine: Sendable, Equatable {
        public var words: ChangeSummary
        public var at: Date
        public init(_ words: ChangeSummary, at: Date) { self.words = words; self.at = at }

        /// The line in `language`, safe to draw (a peer's label and address came from the network).
        public func text(in language: Language) -> String { NameSanitizer.clean(words.text(in: language)) }
    }
}
