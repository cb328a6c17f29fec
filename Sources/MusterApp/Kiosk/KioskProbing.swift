import CourseKit
import Foundation

/// The kiosk's account of searches, to tell someone looking for themselves from someone reading
/// the list (issue 21, item 1). Pure data and pure methods; `KioskUpdate` feeds it.
///
/// A search starts when the query becomes searchable (`KioskQueryRule`) and goes on while each
/// new query extends the longest one typed in it (typing on) or is a prefix of it (backspacing).
/// Any other change (Home and Delete, a paste, backspacing and typing a different letter) is a
/// branch: the search is abandoned and a new one starts. Without this, an attacker went from name
/// to name by editing, never below three letters, and no search was ever given up.
///
/// An abandoned search costs the people it showed: that is what a prober gains. A typo that
/// showed nobody costs nothing, and the search that ends in a check-in costs nothing either.
/// Within the window the people are counted once however often shown: seeing the same five
/// people after "ana" again tells a prober nothing new, while two people at the door who both
/// mistype after "ana" would otherwise count them twice.
public struct KioskProbing: Sendable, Equatable {
    /// A search given up without a check-in, and the people it showed; or a search that led to
    /// a new check-in (`checkedIn`), and the people it showed besides the one checked in.
    public struct Abandoned: Sendable, Equatable {
        public var at: Date
        public var people: Set<Int64>
        public var checkedIn = false
    }

    /// The longest folded query of the search in progress; nil when none is.
    public private(set) var longest: String?
    /// The people shown during the search in progress.
    public private(set) var shown: Set<Int64> = []
    /// Searches given up that showed someone, newest last; kept through check-ins, so checking
    /// oneself in (or "already checked in") cannot wipe the count.
    public private(set) var abandoned: [Abandoned] = []
    /// When the kiosk paused, newest last, so a repeated pause can last longer.
    public private(set) var pauses: [Date] = []

    public init() {}

    /// True while a search is in progress.
    public var searching: Bool { longest != nil }

    /// The query changed to `query`. Returns true when that gave up the search in progress: the
    /// query is no longer searchable, or it branched off (then a new search starts with it).
    public mutating func queryChanged(to query: String, at time: Date) -> Bool {
        let folded = KioskQueryRule.folded(query)
        guard KioskQueryRule.isSearchable(folded: folded) else {
            guard searching else { return false }
            abandon(at: time)
            return true
        }
        guard let longest else {
            self.longest = folded
            return false
        }
        if longest.hasPrefix(folded) { return false }  // backspacing
        if folded.hasPrefix(longest) {  // typing on
            self.longest = folded
            return false
        }
        abandon(at: time)
        self.longest = folded
        return true
    }

    /// The screen listed these people for the search in progress.
    public mutating func show(_ people: [Int64]) {
        guard searching else { return }
        shown.formUnion(people)
    }

    /// The search in progress was given up (Esc, idle, "not listed", too few letters, a branch).
    public mutating func abandon(at time: Date) {
        if searching && !shown.isEmpty { abandoned.append(Abandoned(at: time, people: shown)) }
        endUncounted()
    }

    /// The search in progress led to a new check-in of `person`. It does not count toward the
    /// limit for searches given up, but the others it showed count toward the larger limit for
    /// check-ins (`KioskPolicy.checkInDisclosureLimit`): else a prober who checked a different
    /// person in after every search listed all 300 people of a course in ten minutes.
    public mutating func checkedIn(_ person: Int64, at time: Date) {
        let others = shown.subtracting([person])
        if searching && !others.isEmpty { abandoned.append(Abandoned(at: time, people: others, checkedIn: true)) }
        endUncounted()
    }

    /// The search in progress ends uncounted: it was counted already, or the screen was closed
    /// under it.
    public mutating func endUncounted() {
        longest = nil
        shown = []
    }

    /// How many people searches given up within the policy's window before `time` showed
    /// (`includingCheckIns`: and the others that searches ending in a check-in showed).
    public func disclosed(at time: Date, policy: KioskPolicy, includingCheckIns: Bool = false) -> Int {
        abandoned.filter { time.timeIntervalSince($0.at) <= policy.searchWindow && (includingCheckIns || !$0.checkedIn) }
            .reduce(into: Set<Int64>()) { $0.formUnion($1.people) }.count
    }

    /// True when the searches within the window showed more people than the policy allows.
    func overLimit(at time: Date, policy: KioskPolicy) -> Bool {
        disclosed(at: time, policy: policy) > policy.abandonedDisclosureLimit
            || disclosed(at: time, policy: policy, includingCheckIns: true) > policy.checkInDisclosureLimit
    }

    /// How long to pause at `time`, if the searches given up have shown more people than the
    /// policy allows; the pause is recorded. Each pause within `pauseMemory` doubles the next, so
    /// a prober who waits each one out gets ever less. The log stays: a pause shorter than the
    /// window does not wipe it, so right after the first pause one more search that shows anyone
    /// pauses again, for twice as long (clearing it let a greedy prober list 48 of 300 people in
    /// ten minutes instead of 40).
    public mutating func pause(at time: Date, policy: KioskPolicy) -> TimeInterval? {
        abandoned.removeAll { time.timeIntervalSince($0.at) > policy.searchWindow }
        pauses.removeAll { time.timeIntervalSince($0) > policy.pauseMemory }
        guard overLimit(at: time, policy: policy) else { return nil }
        let length = policy.searchPause(afterPauses: pauses.count)
        pauses.append(time)
        endUncounted()
        return length
    }
}
