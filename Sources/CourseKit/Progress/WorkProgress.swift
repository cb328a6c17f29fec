/// How far a long piece of work has got: `done` of `total` units in its current stage.
///
/// The library's long loops (an import's rows, a sync bundle's records, a purge's people) report
/// it; a command line draws it as one line on a terminal. A job may have several stages
/// ("matching", "writing"), each counted from zero, so the rate and time left are per stage.
public struct WorkProgress: Sendable, Equatable {
    public var stage: String
    public var done: Int
    /// nil when the end is not known in advance.
    public var total: Int?
    /// What is counted, plural ("rows", "records", "people").
    public var unit: String

    public init(stage: String, done: Int, total: Int?, unit: String) {
        self.stage = stage; self.done = done; self.total = total; self.unit = unit
    }
}

/// Where long work reports how far it has got. Loops call it as often as they like (every row):
/// the receiver decides how often to draw, so the library never needs a clock or a terminal for it.
public struct ProgressReporter: Sendable {
    private let sink: (@Sendable (WorkProgress) -> Void)?

    public init(_ sink: @escaping @Sendable (WorkProgress) -> Void) { self.sink = sink }

    private init() { sink = nil }

    /// Reports nothing: the default for callers without a terminal (the TUI, tests, pipes).
    public static let silent = ProgressReporter()

    /// `done` of `total` `unit` in `stage`.
    public func callAsFunction(_ stage: String, _ done: Int, of total: Int?, _ unit: String) {
        sink?(WorkProgress(stage: stage, done: done, total: total, unit: unit))
    }
}
