import Foundation

/// The kiosk's limits, as data so tests and deployments can see and tune them in one place.
public struct KioskPolicy: Sendable, Equatable {
    /// Back to the welcome screen after this long without a key.
    public var idleTimeout: TimeInterval = 60
    /// How long the success screen stays before the next person's turn.
    public var successSeconds: TimeInterval = 4
    /// Searches given up without a check-in (typed 3+ letters, then cleared, Esc, idle, not found)
    /// allowed within `searchWindow` before the kiosk pauses. Someone probing names one after
    /// another reaches this quickly; a person looking for themselves never does.
    public var abandonedSearchLimit = 8
    public var searchWindow: TimeInterval = 120
    public var searchPause: TimeInterval = 60
    /// Wrong PINs allowed before each further try has to wait, doubling up to `maxPINDelay`.
    public var freePINAttempts = 3
    public var firstPINDelay: TimeInterval = 5
    public var maxPINDelay: TimeInterval = 300
    /// The most a name field takes; longer pastes are cut.
    public var maxInput = 64
    public var maxMatches = 5

    public init() {}

    /// How long to wait after `failures` wrong PINs before the next try (0 while tries are free).
    public func pinDelay(afterFailures failures: Int) -> TimeInterval {
        guard failures >= freePINAttempts else { return 0 }
        let doublings = min(failures - freePINAttempts, 16)
        return min(maxPINDelay, firstPINDelay * pow(2, Double(doublings)))
    }
}
