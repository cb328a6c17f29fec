import Foundation

/// The kiosk's limits, as data so tests and deployments can see and tune them in one place.
public struct KioskPolicy: Sendable, Equatable {
    /// Back to the welcome screen after this long without a key.
    public var idleTimeout: TimeInterval = 60
    /// How long the success screen stays before the next person's turn.
    public var successSeconds: TimeInterval = 4
    /// The people that searches given up without a check-in (`KioskProbing`: cleared, Esc, idle,
    /// not found, or edited into another name) may have shown within `searchWindow` before the
    /// kiosk pauses. People are counted rather than searches because people are what a prober
    /// reads off the screen: a typo that showed nobody costs nothing, and the search that ends in
    /// a check-in is free. Someone looking for themselves shows a handful of others at most (a
    /// correction after "ana" shows five); ten people at the door each with a typo stay under it.
    public var abandonedDisclosureLimit = 10
    /// The people searches may have shown within `searchWindow`, counting also the others shown
    /// by searches that ended in a new check-in. A queue at the door shows others on the way to
    /// each name (three letters of "Ana" show five Anas): ten people checking in within two
    /// minutes showed 53 on a 300-person course (`aQueueOfTenPeopleNeverPauses`). A prober who
    /// reads three letters' worth and checks the first in paused after 14 false check-ins.
    public var checkInDisclosureLimit = 60
    public var searchWindow: TimeInterval = 120
    /// The first pause; each pause within `pauseMemory` doubles the next, up to `maxSearchPause`.
    public var searchPause: TimeInterval = 60
    public var maxSearchPause: TimeInterval = 900
    public var pauseMemory: TimeInterval = 3600
    /// Wrong PINs allowed before each further try has to wait, doubling up to `maxPINDelay`.
    public var freePINAttempts = 3
    public var firstPINDelay: TimeInterval = 5
    public var maxPINDelay: TimeInterval = 300
    /// The most a name field takes; longer pastes are cut.
    public var maxInput = 64
    public var maxMatches = 5

    public init() {}

    /// How long the kiosk pauses after `pauses` earlier pauses within `pauseMemory`: 60 s, 120 s,
    /// 240 s… up to `maxSearchPause`, so waiting out each pause buys a prober ever less.
    public func searchPause(afterPauses pauses: Int) -> TimeInterval {
        min(maxSearchPause, searchPause * pow(2, Double(min(pauses, 16))))
    }

    /// How long to wait after `failures` wrong PINs before the next try (0 while tries are free).
    public func pinDelay(afterFailures failures: Int) -> TimeInterval {
        guard failures >= freePINAttempts else { return 0 }
        let doublings = min(failures - freePINAttempts, 16)
        return min(maxPINDelay, firstPINDelay * pow(2, Double(doublings)))
    }
}
