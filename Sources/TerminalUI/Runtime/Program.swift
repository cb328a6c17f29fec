/// An application in the Elm architecture (as in Bubble Tea): state is a value, every change
/// is an action passed to a pure `update`, and the screen is a pure function of the state.
///
/// That split is what makes every screen testable without a terminal: tests send actions and
/// compare states and effects, or render a state and compare a snapshot. The ``Runner`` is the
/// only impure part: it reads keys, runs effects and hands frames to a ``TerminalBackend``.
public protocol Program {
    associatedtype State
    associatedtype Action: Sendable

    /// Applies an action; returns what should happen next (quit, timers, work to run).
    func update(_ state: inout State, _ action: Action) -> [Effect<Action>]

    /// The frame for a state; `size` is at least ``minimumSize``.
    func render(_ state: State, size: Size, theme: Theme) -> ScreenBuffer

    /// The action a key means in this state (usually via the ``KeyMap``), or nil to ignore it.
    func action(for key: Key, in state: State) -> Action?

    /// Below this size the runner shows ``TooSmallView`` instead of ``render(_:size:theme:)``.
    /// Default 60×16.
    var minimumSize: Size { get }

    /// Milliseconds between ``tick(_:)`` calls, or nil for none. Default 250: frequent enough to
    /// notice another process's writes (polling `PRAGMA data_version`) within a blink, cheap
    /// enough to idle.
    var tickInterval: Int? { get }

    /// A periodic action (refresh from the database, expire a message, kiosk idle reset).
    func tick(_ state: State) -> Action?

    /// The action for a new terminal size (at start and after every resize), so the state can
    /// keep its page height for PgDn.
    func resized(to size: Size, in state: State) -> Action?

    /// Whether a key still reaches the program while the "too small" screen shows. By default
    /// only `Q` (quit) and Ctrl-Z (suspend) do: anything else would act on rows the user cannot
    /// see.
    func acceptsWhileTooSmall(_ key: Key) -> Bool
}

extension Program {
    public var minimumSize: Size { Size(width: 60, height: 16) }
    public var tickInterval: Int? { 250 }
    public func tick(_ state: State) -> Action? { nil }
    public func resized(to size: Size, in state: State) -> Action? { nil }
    public func acceptsWhileTooSmall(_ key: Key) -> Bool { key == .char("Q") || key == .ctrl("z") }
}

/// What `update` asks the runner to do after an action.
public enum Effect<Action: Sendable>: Sendable {
    /// Stop the loop; the runner returns the final state.
    case quit
    /// Hand the terminal back to the shell (Ctrl-Z) and repaint on return.
    case suspend
    /// Repaint everything from scratch (Ctrl-L), not just what changed.
    case redraw
    /// Ring the terminal bell (a key that did nothing).
    case bell
    /// Work whose result comes back as an action: the runner draws the current frame first (so
    /// a "Loading…" state shows), then runs it and feeds its result to `update`.
    case run(@Sendable () -> Action?)
    /// The action, delivered after a delay (transient messages, the kiosk's success screen).
    case after(milliseconds: Int, Action)
}
