import CourseKit
import Foundation
import TerminalUI

/// Everything that happens to the kiosk.
public enum KioskAction: Sendable {
    case key(Key)
    case tick
    case resized(Size)
    case matches(query: String, [KioskMatch], more: Bool)
    case checkedIn(KioskMatch, CheckInResult)
    case pinChecked(Bool)
    /// A timer set when the screen changed on its own; ignored if the screen moved on since.
    case timeout(generation: Int)
    case failed(String)
}

/// The unattended self check-in: type a few letters of your name, confirm, you are in.
///
/// Every key is data for `update`; nothing a key does can leave the kiosk except the staff
/// exit (F10, then the PIN). Ctrl-C, Ctrl-Z and Ctrl-\ arrive as plain keys because the
/// terminal runs in raw mode, and like every other unexpected key they are ignored.
public struct KioskProgram: Program {
    public typealias State = KioskState
    public typealias Action = KioskAction

    let store: CourseStore
    let verifier: KioskPINVerifier
    /// Where wrong PINs are counted across restarts; nil keeps the count in memory only.
    let pinFailures: PINFailureLog?
    let now: @Sendable () -> Date

    public init(
        store: CourseStore, verifier: KioskPINVerifier, pinFailures: PINFailureLog? = nil,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.store = store
        self.verifier = verifier
        self.pinFailures = pinFailures
        self.now = now
    }

    /// The kiosk must fit a small laptop at a door; below this it says the window is too small.
    public var minimumSize: Size { Size(width: 50, height: 14) }

    public var tickInterval: Int? { 500 }

    public func tick(_ state: KioskState) -> KioskAction? { .tick }

    public func resized(to size: Size, in state: KioskState) -> KioskAction? { .resized(size) }

    /// Nothing reaches the kiosk while it is too small: not even Q.
    public func acceptsWhileTooSmall(_ key: Key) -> Bool { false }

    public func action(for key: Key, in state: KioskState) -> KioskAction? {
        switch key {
        case .mouse, .resize, .unknown: nil
        default: .key(key)
        }
    }

    public func render(_ state: KioskState, size: Size, theme: Theme) -> ScreenBuffer {
        KioskView.render(state, size: size, theme: theme)
    }
}
