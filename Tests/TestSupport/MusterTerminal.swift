import Foundation
import Testing

/// The real `muster` binary running in tmux under a wrapper shell that, when muster ends, prints
/// its exit status and the terminal modes: what a user's shell would be left with.
public final class MusterTerminal {
    public let tmux = Tmux()
    public let home: String

    public init(home: String) { self.home = home }

    /// Starts `muster ARGUMENTS` at the given size. `environment` is added to the fixed test one.
    public func start(
        _ arguments: [String], environment extra: [String: String] = [:], removing: [String] = [],
        width: Int = 80, height: Int = 24
    ) throws {
        let muster = ([MusterBinary.path] + arguments).map(Self.quote).joined(separator: " ")
        let script = "trap : INT; \(muster); echo MUSTER-EXIT=$?; stty -a | tr '\\n' ' '; echo; echo WRAPPER-DONE; sleep 600"
        var env = MusterBinary.environment(home: home)
        env["TERM"] = "screen"
        env.merge(extra) { _, new in new }
        for key in removing { env.removeValue(forKey: key) }
        try tmux.start("sh -c \(Self.quote(script))", width: width, height: height, environment: env)
    }

    /// After muster ends: its status is one of `expected`, the alternate screen is off, and the
    /// shell has echo, canonical mode and signals back.
    public func expectSaneExit(status expected: Set<Int>, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let screen = try tmux.waitFor(text: "WRAPPER-DONE")
        let status = screen.components(separatedBy: "MUSTER-EXIT=").dropFirst().first.flatMap { Int($0.prefix { $0.isNumber }) }
        #expect(status.map(expected.contains) == true, "status \(status ?? -1): \(screen)", sourceLocation: sourceLocation)
        #expect(try tmux.format("#{alternate_on}") == "0", sourceLocation: sourceLocation)
        let words = Set(screen.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" }).map(String.init))
        #expect(
            words.contains("echo") && words.contains("icanon") && words.contains("isig"), "\(screen)",
            sourceLocation: sourceLocation)
        #expect(!words.contains("-echo") && !words.contains("-icanon"), sourceLocation: sourceLocation)
    }

    /// The pid of muster itself (the wrapper shell's child).
    public func musterPID() throws -> Int32? {
        let shell = try tmux.format("#{pane_pid}")
        let children = (try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)) ?? ""
        return children.split(separator: " ").first.flatMap { Int32($0) }
    }

    /// Single quotes for sh, so paths and scripts pass through unchanged.
    static func quote(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}
