import ArgumentParser
import CourseKit
import Foundation
import MusterApp
import Synchronization
import SyncNet

/// `muster sync serve`: this library answers live exchanges from paired devices at the venue
/// until stopped (Ctrl-C, or SIGTERM), printing a pairing code and one line per thing that happens.
struct SyncServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: CommandWords.text("syncServeCommand.abstract"),
        discussion: CommandWords.text("syncServeCommand.discussion"))
    @OptionGroup var library: LibraryOptions
    @Option(help: CommandWords.help("syncServeCommand.port")) var port: Int = Int(SyncNet.defaultPort)
    @Option(help: ArgumentHelp(CommandWords.text("syncServeCommand.bind"), valueName: "ADDR")) var bind = "0.0.0.0"
    @Option(name: .customLong("course"), help: ArgumentHelp(CommandWords.text("syncServeCommand.courses"), valueName: "CODE"))
    var courses: [String] = []

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port is 0 to 65535") }
    }

    func run() throws {
        try reportingErrors {
            let store = try library.open()
            let out = LineOut()
            let server = try LiveServer(
                store: store, bind: bind, port: UInt16(port), courses: courses.isEmpty ? nil : courses,
                log: { out.say(NameSanitizer.clean($0.text(in: CommandWords.language))) },
                announce: { out.say(CommandWords.format("serve.pairingCode", "\($0)")) })
            try server.start()
            let label = try store.syncStatus().label
            let offered = courses.isEmpty ? CommandWords.text("serve.everyCourse") : courses.joined(separator: ", ")
            out.say(CommandWords.format("serve.serving", offered, label, server.urls.joined(separator: " ")))
            StopSignals.wait()
            server.stop()
            try? store.checkpoint()
            out.say(CommandWords.text("serve.stopped"))
        }
    }
}

/// `muster sync with URL`: one exchange with a serving device, or one every `--every` seconds.
struct SyncWithCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "with",
        abstract: CommandWords.text("syncWithCommand.abstract"),
        discussion: CommandWords.text("syncWithCommand.discussion"))
    @OptionGroup var library: LibraryOptions
    @Argument(help: CommandWords.help("syncWithCommand.url")) var url: String
    @Option(help: ArgumentHelp(CommandWords.text("syncWithCommand.pair"), valueName: "CODE")) var pair: String?
    @Option(help: ArgumentHelp(CommandWords.text("syncWithCommand.every"), valueName: "SECONDS")) var every: Double?
    @Option(help: ArgumentHelp(CommandWords.text("syncWithCommand.timeout"), valueName: "SECONDS")) var timeout: Double = 30

    func validate() throws {
        if let every, !(every >= 0.2 && every <= 86_400) { throw ValidationError("--every is 0.2 to 86400 seconds") }
        guard timeout >= 1 && timeout <= 3600 else { throw ValidationError("--timeout is 1 to 3600 seconds") }
        if let pair, PairingCode(typed: pair) == nil {
            throw ValidationError("--pair \(NameSanitizer.clean(pair)) is not a pairing code (12 letters and digits, like K7QF-M2XD-9PTA)")
        }
    }

    func run() throws {
        try reportingErrors {
            let store = try library.open()
            try store.requireWriter()
            let exchanger = try LiveExchanger(store: store, url: url, pair: pair.flatMap(PairingCode.init(typed:)), timeout: timeout)
            let out = LineOut()
            let progress: @Sendable (String) -> Void = { line in
                if isatty(2) != 0 { TerminalText.writeProgress(line) }
            }
            guard let every else {
                let outcome = exchanger.exchange(progress: progress)
                if isatty(2) != 0 { TerminalText.endProgress() }
                if case .failed(let reason, _) = outcome { throw MusterError.invalid(reason.text(in: CommandWords.language)) }
                out.say(outcome.line(language: CommandWords.language))
                return
            }
            let previous = Mutex("")
            exchanger.start(every: every) { outcome in
                // A line when records move, and when the state changes (a peer gone, back, or
                // idle): not "nothing to exchange" every second.
                let key =
                    switch outcome {
                    case .failed(let reason, _): reason.text(in: .en)
                    case .done(let result, _): result.received + result.sent > 0 || result.paired ? UUID().uuidString : "idle"
                    }
                let changed = previous.withLock { last in
                    defer { last = key }
                    return key != last
                }
                if changed { out.say(outcome.line(language: CommandWords.language)) }
            }
            StopSignals.wait()
            exchanger.stop()
            try? store.checkpoint()
        }
    }
}

/// `muster sync peers`: the devices this library is paired with.
struct SyncPeersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "peers", abstract: CommandWords.text("syncPeersCommand.abstract"))
    @OptionGroup var library: LibraryOptions

    func run() throws {
        try reportingErrors {
            let store = try library.open()
            let peers = try store.syncPeers()
            print(CommandWords.format("peers.thisDevice", try store.syncStatus().label, try store.syncPublicKey()))
            if peers.isEmpty { print(CommandWords.text("peers.none")) }
            for peer in peers { print(SyncLiveText.peerLine(peer, CommandWords.language)) }
        }
    }
}

struct SyncTrustCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trust",
        abstract: CommandWords.text("syncTrustCommand.abstract"),
        discussion: CommandWords.text("syncTrustCommand.discussion"))
    @OptionGroup var library: LibraryOptions
    @Argument var peer: String
    @Option(help: CommandWords.help("syncTrustCommand.label")) var label: String?

    func run() throws {
        try reportingErrors {
            let trusted = try library.open().syncTrust(peer: peer, label: label)
            print(CommandWords.format("peers.trusted", trusted.label, String(trusted.origin.prefix(8))))
        }
    }
}

struct SyncRevokeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoke",
        abstract: CommandWords.text("syncRevokeCommand.abstract"),
        discussion: CommandWords.text("syncRevokeCommand.discussion"))
    @OptionGroup var library: LibraryOptions
    @Argument var peer: String

    func run() throws {
        try reportingErrors {
            let revoked = try library.open().syncRevoke(peer: peer)
            print(CommandWords.format("peers.revoked", revoked.label, String(revoked.origin.prefix(8))))
        }
    }
}

struct SyncLabelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "label", abstract: CommandWords.text("syncLabelCommand.abstract"))
    @OptionGroup var library: LibraryOptions
    @Argument var name: String

    func run() throws {
        try reportingErrors {
            let store = try library.open()
            try store.syncSetLabel(name)
            print(CommandWords.format("peers.label", try store.syncStatus().label))
        }
    }
}

/// Lines to standard output from any thread, whole and flushed at once (a test or a log reads them live).
final class LineOut: Sendable {
    private let lock = NSLock()
    func say(_ line: String) {
        lock.withLock { FileHandle.standardOutput.write(Data(TerminalText.forStandardOutput(line + "\n").utf8)) }
    }
}

/// Blocks until SIGINT or SIGTERM, which then stop the command cleanly instead of killing it.
enum StopSignals {
    static func wait() {
        let done = DispatchSemaphore(value: 0)
        var sources: [DispatchSourceSignal] = []
        for sig in [SIGINT, SIGTERM] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler { done.signal() }
            source.resume()
            sources.append(source)
        }
        done.wait()
        sources.forEach { $0.cancel() }
    }
}
