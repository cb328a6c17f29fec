import Foundation

/// Runs the built `muster` executable the way a user or script would, with a fixed environment
/// (time zone, locale, HOME) so output does not depend on the machine running the tests.
public enum MusterBinary {
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// The binary beside the test bundle (`.build/<config>/muster`), or `$MUSTER_BINARY`.
    public static var path: String {
        if let p = ProcessInfo.processInfo.environment["MUSTER_BINARY"], !p.isEmpty { return p }
        let exe =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0]
        var dir = URL(fileURLWithPath: exe).deletingLastPathComponent()
        // On Linux the test bundle is an executable in the build folder; on macOS it is a bundle inside it.
        while dir.path != "/" {
            let candidate = dir.appendingPathComponent("muster").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir.deleteLastPathComponent()
        }
        return "muster"
    }

    /// The environment every test run starts from: nothing inherited that could change output.
    public static func environment(home: String, extra: [String: String] = [:]) -> [String: String] {
        var env = [
            "HOME": home, "TZ": "UTC", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "PATH": "/usr/bin:/bin",
            "USER": "tester", "TERM": "xterm-256color", "SWIFT_BACKTRACE": "enable=no",
        ]
        env.merge(extra) { _, new in new }
        return env
    }

    @discardableResult
    /// `executable`: another program to run instead (`runuser`, to run Muster as another user).
    public static func run(
        _ arguments: [String], home: String, environment extra: [String: String] = [:],
        stdin: String? = nil, executable: String? = nil
    ) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable ?? path)
        process.arguments = arguments
        process.environment = environment(home: home, extra: extra)
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try? input.fileHandleForWriting.close()
        // Read both pipes to the end before waiting, so a large output cannot block the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data(), errData = Data()
        group.enter()
        DispatchQueue.global().async {
            outData = out.fileHandleForReading.readDataToEndOfFile(); group.leave()
        }
        errData = err.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}
