import Testing
@testable import TerminalUICurses

@Suite struct TerminalCapabilitiesTests {
    @Test func aRealTerminalIsAccepted() {
        #expect(
            TerminalCapabilities.refusalReason(
                environment: ["TERM": "xterm-256color"], stdinIsTTY: true, stdoutIsTTY: true) == nil)
        #expect(
            TerminalCapabilities.refusalReason(
                environment: ["TERM": "linux"], stdinIsTTY: true, stdoutIsTTY: true) == nil)
    }

    @Test(
        arguments: [
            (["TERM": "dumb"], true, true, "dumb"),
            ([:], true, true, "TERM is not set"),
            (["TERM": ""], true, true, "TERM is not set"),
            (["TERM": "xterm"], false, true, "input is not a terminal"),
            (["TERM": "xterm"], true, false, "output is not a terminal"),
            (["TERM": "xterm"], false, false, "neither input nor output"),
        ] as [([String: String], Bool, Bool, String)])
    func refusals(environment: [String: String], stdinIsTTY: Bool, stdoutIsTTY: Bool, problem: String) throws {
        let reason = try #require(
            TerminalCapabilities.refusalReason(
                environment: environment, stdinIsTTY: stdinIsTTY, stdoutIsTTY: stdoutIsTTY))
        #expect(reason.contains(problem))
        // Every refusal points to the way that does work.
        #expect(reason.contains("muster courses"))
        #expect(reason.contains("muster roster"))
        #expect(reason.contains("muster mark"))
        #expect(reason.contains("muster --help"))
        #expect(!reason.contains("\n"), "one line, so a caller that prints only the first keeps it all")
    }
}
