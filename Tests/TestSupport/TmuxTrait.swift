import Testing

/// `@Suite(.skipUnlessTmuxOrCI, .tmux)`: the suite drives the real binary in tmux.
///
/// Without tmux a suite skips locally (saying why) but fails under CI (`CI` set and not empty),
/// one clear issue per test: a CI machine without tmux must not pass by running none of the
/// end-to-end tests. Try it with `MUSTER_TEST_HIDE_TMUX=1`, with and without `CI=1`.
public struct TmuxTrait: SuiteTrait, TestTrait, TestScoping {
    public var isRecursive: Bool { true }

    public func scopeProvider(for test: Test, testCase: Test.Case?) -> Self? {
        test.isSuite || testCase == nil ? nil : self
    }

    public func provideScope(
        for test: Test, testCase: Test.Case?,
        performing function: @Sendable () async throws -> Void
    ) async throws {
        guard Tmux.isAvailable else {
            let message =
                "tmux is not installed and CI is set, so this end-to-end test cannot run and fails instead "
                + "of skipping. Install tmux (scripts/setup does)."
            Issue.record(Comment(rawValue: message), sourceLocation: test.sourceLocation)
            return
        }
        try await function()
    }
}

extension Trait where Self == TmuxTrait {
    /// See `TmuxTrait`. Pair it with `.skipUnlessTmuxOrCI`, which does the local skip.
    public static var tmux: Self { TmuxTrait() }
}

extension Trait where Self == ConditionTrait {
    /// Skips the suite when tmux is missing, unless CI is set (then `.tmux` fails each test).
    public static var skipUnlessTmuxOrCI: Self {
        .enabled(if: Tmux.isAvailable || Tmux.isRequired, "tmux is not installed (with CI set this would fail)")
    }
}
