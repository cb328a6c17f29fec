import Foundation
#if canImport(Glibc)
    import Glibc
#endif

/// The real `muster` binary running in the background (`sync serve`, `sync with --every`) until
/// the test stops or kills it; its output, standard error included, goes to a file the test
/// reads while it runs. A file and not a pipe: a long-running child never blocks on a full pipe,
/// and nothing has to drain it. The file is opened close-on-exec in this process, so a tmux or
/// another child spawned meanwhile by a test running alongside never inherits it.
///
/// Dropped without `stop`, the process is killed (SIGKILL): a failing test leaves nothing running.
public final class BackgroundMuster: @unchecked Sendable {
    public let arguments: [String]
    public let outputPath: String
    private let process = Process()

    public init(_ arguments: [String], home: String, environment extra: [String: String] = [:], output: String) throws {
        self.arguments = arguments
        outputPath = output
        let fd = open(output, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw BackgroundMusterError("cannot write \(output): \(String(cString: strerror(errno)))") }
        let file = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        process.executableURL = URL(fileURLWithPath: MusterBinary.path)
        process.arguments = arguments
        process.environment = MusterBinary.environment(home: home, extra: extra)
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = file
        process.standardError = file
        try process.run()
        ChildSweep.add(process)
        try file.close()
    }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        ChildSweep.remove(process)
    }

    public var pid: Int32 { process.processIdentifier }
    public var isRunning: Bool { process.isRunning }

    /// Everything it has written so far.
    public var output: String { (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "" }

    /// Polls the output every 20 ms until `predicate` finds something in it; throws with the
    /// output so far after `timeout`, or at once when the process has ended without it.
    @discardableResult
    public func waitFor<T>(_ what: String, timeout: Double = 20, _ predicate: (String) -> T?) throws -> T {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let text = output
            if let found = predicate(text) { return found }
            if !process.isRunning, let found = predicate(output) { return found }
            if !process.isRunning {
                throw BackgroundMusterError(
                    "muster \(arguments.first ?? "") ended (status \(process.terminationStatus)) before \(what):\n\(text)")
            }
            if Date() >= deadline { throw BackgroundMusterError("waiting \(timeout) s for \(what); the output was:\n\(text)") }
            usleep(20_000)
        }
    }

    /// Sends `signal` and waits (bounded) for the process to end; returns its status.
    @discardableResult
    public func stop(_ signal: Int32 = SIGTERM, timeout: Double = 20) throws -> Int32 {
        guard process.isRunning else { return process.terminationStatus }
        kill(process.processIdentifier, signal)
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning {
            if Date() >= deadline {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                throw BackgroundMusterError("muster \(arguments.first ?? "") did not end within \(timeout) s of signal \(signal)")
            }
            usleep(20_000)
        }
        return process.terminationStatus
    }
}

public struct BackgroundMusterError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
