import CourseKit
import Foundation
import MusterApp
import TerminalUI
import Testing
import TestSupport

/// How much of a room a prober can list at the kiosk in ten minutes, keys 0.3 s apart and every
/// pause waited out, counting everyone ever shown as a match or on "Is this you?".
///
/// Measured (issue 21, item 1; the old kiosk's figures in brackets): on 300 people the greedy
/// prober, who knows every name and always picks the query showing the most people not yet seen,
/// lists 40 in ten minutes [183], random keys 23 to 29 over six seeds [27]; on the issue's
/// 29-person course the issue's script lists 1 in its 77 s [29] and the greedy prober 12 [20],
/// though all 29 over ten minutes of doubling pauses. The bound asserted: at most 50 people per
/// ten minutes (the limit of 10 and a crossing search of 5 before the first pause, one search
/// after each later one, the window emptied once while the pauses double). A prober who checks a different
/// person in after every search lists everyone, but past the limits only by recording a false
/// check-in for each person (test c: 300 people, 243 false check-ins).
@Suite struct KioskEnumerationTests {
    static let minutes: TimeInterval = 10

    /// (a) The greedy prober, going from query to query by the fastest edits in turn.
    @Test func aGreedyProberListsAtMostFiftyInTenMinutes() throws {
        let p = KioskProber(try KioskCrowd.driver(300))
        let book = try KioskNameBook(p.k, KioskCrowd.people(300))
        book.greedy(p, for: Self.minutes * 60)
        print("kiosk enumeration: greedy prober listed \(p.seen.count) of 300 in 10 min; pauses \(p.pauses)")
        #expect(p.seen.count <= 50)
        #expect(p.pauses.first == 60 && p.pauses.count >= 3)
    }

    /// (c) The greedy prober who checks someone in after each query. The others a check-in's
    /// search showed count toward `checkInDisclosureLimit`, so past the limits each further
    /// person costs a false check-in on the record (the prober types their name and checks them
    /// in); "already checked in" buys nothing. Before the others counted, each false check-in
    /// could buy four more people.
    @Test func aProberCheckingPeopleInBuysOneFreeSearchEach() throws {
        let p = KioskProber(try KioskCrowd.driver(300))
        let book = try KioskNameBook(p.k, KioskCrowd.people(300))
        book.greedy(p, for: Self.minutes * 60, launders: true)
        let falseCheckIns = try p.k.kioskEvents().count
        print(
            "kiosk enumeration: laundering prober listed \(p.seen.count) of 300 in 10 min with \(falseCheckIns) false check-ins; pauses \(p.pauses)"
        )
        let policy = p.k.state.policy
        #expect(p.seen.count <= policy.checkInDisclosureLimit + policy.abandonedDisclosureLimit + 5 + falseCheckIns)
    }

    /// (b) Random keys: letters, spaces, edits, Esc and Enter, and pastes of real name prefixes.
    @Test(.seeded) func randomKeysListFewInTenMinutes() throws {
        let p = KioskProber(try KioskCrowd.driver(300))
        let book = try KioskNameBook(p.k, KioskCrowd.people(300))
        var rng = SeededRandom()
        print("kiosk enumeration: random keys, \(rng.replayText)")
        let letters = "abcdefghijklmnopqrstuvwxyzaeiouaeiounrst".map { Key.char($0) }
        let edits: [Key] = [
            .char(" "), .char(" "), .backspace, .backspace, .backspace, .ctrl("u"), .ctrl("w"), .home, .end, .delete, .left, .right,
            .escape, .enter,
        ]
        let end = p.k.clock().addingTimeInterval(Self.minutes * 60)
        while p.k.clock() < end {
            switch rng.next() % 10 {
            case 0..<6: p.press(letters[Int(rng.next() % UInt64(letters.count))])
            case 6..<9: p.press(edits[Int(rng.next() % UInt64(edits.count))])
            default: p.press(.paste(book.candidates[Int(rng.next() % UInt64(book.candidates.count))].query))
            }
        }
        print("kiosk enumeration: random keys listed \(p.seen.count) of 300 in 10 min; pauses \(p.pauses); \(rng.replayText)")
        #expect(p.seen.count <= 50, rng.replay)
    }

    /// The issue's script on its 29-person course: "a a a" and friends, edits that never drop
    /// below three letters, and a check-in of oneself now and then to wipe the count. It listed
    /// 26 of 29 in 77 s.
    @Test func theIssuesScriptNoLongerListsTheRoom() throws {
        let p = KioskProber(try KioskCrowd.driver(29))
        let end = p.k.clock().addingTimeInterval(77)
        p.type("ana tal")
        p.press(.enter, .enter)  // the prober is Ana Talei
        let triples = "aeioumnrstlcdbpgkhfjvwyzxq".map { "\($0) \($0) \($0)" }
        let prefixes = ["mar", "ana", "jos", "car", "dan", "ele", "lui", "pau", "ped", "ros", "sar", "sam", "tom", "vic", "gab"]
        let pairs = "aeioumnrstlcdbpgkhfjvwyz".flatMap { a in "tmkrslbngpfdhwz".map { b in "\(a) \(b) \(b)" } }
        let edits: [KioskEdit] = [.homeDelete, .pasteOver, .backspaceBranch]
        for (n, query) in (triples + prefixes + pairs).enumerated() where p.k.clock() < end {
            if n % 6 == 5 {
                p.edit(to: "ana tal", by: .homeDelete)
                p.press(.enter, .enter)  // "already checked in"
            }
            p.edit(to: query, by: edits[n % edits.count])
        }
        print("kiosk enumeration: the issue's script listed \(p.seen.count) of 29 in 77 s; pauses \(p.pauses)")
        #expect(p.seen.count <= 5)
    }

    /// The greedy prober on the issue's 29-person course, for ten minutes.
    @Test func aGreedyProberOnTheIssuesCourse() throws {
        let p = KioskProber(try KioskCrowd.driver(29))
        let book = try KioskNameBook(p.k, KioskCrowd.people(29))
        book.greedy(p, for: 77)
        let in77 = p.seen.count
        book.greedy(p, for: Self.minutes * 60 - 77)
        print("kiosk enumeration: greedy prober listed \(in77) of 29 in 77 s, \(p.seen.count) in 10 min; pauses \(p.pauses)")
        #expect(in77 <= 15)  // the limit of 10 and the search of 5 that crossed it
    }
}

/// What a prober who knows every name can work out for themselves: which people a query
/// matches (each fragment a prefix of one of their words, as the kiosk searches).
struct KioskNameBook {
    struct Candidate {
        var query: String
        var people: [Int64]
    }

    let candidates: [Candidate]
    let everyone: Set<Int64>

    init(_ k: KioskDriver, _ people: [KioskCrowd.Person]) throws {
        let roster = try k.store.rosters.roster(courseID: k.state.context.courseID).map(\.person)
        let ids = people.map { person in roster.first { $0.givenName == person.given && $0.familyName == person.family }!.id! }
        let tokens = people.map { NameFolding.tokens($0.given + " " + $0.family) }
        var queries = Set<String>()
        for (i, words) in tokens.enumerated() {
            for word in words where word.count >= 3 {
                for length in 3...word.count { queries.insert(String(word.prefix(length))) }
            }
            queries.insert("\(NameFolding.fold(people[i].given)) \(NameFolding.fold(people[i].family).prefix(3))")
        }
        candidates = queries.sorted().map { query in
            let fragments = NameFolding.tokens(query)
            return Candidate(
                query: query,
                people: tokens.indices.filter { i in fragments.allSatisfy { f in tokens[i].contains { $0.hasPrefix(f) } } }.map { ids[$0] })
        }
        everyone = Set(ids)
    }

    /// Query after query, each the one that shows the most people not yet seen (among those
    /// that match five or fewer, so all are shown), for `seconds` or until everyone was seen.
    /// `launders`: checks the first person shown in after each query, to make the search free.
    func greedy(_ p: KioskProber, for seconds: TimeInterval, launders: Bool = false) {
        let end = p.k.clock().addingTimeInterval(seconds)
        var n = 0
        while p.k.clock() < end, p.seen != everyone {
            let best = candidates.filter { $0.people.count <= 5 }.max { a, b in
                let (ga, gb) = (a.people.count { !p.seen.contains($0) }, b.people.count { !p.seen.contains($0) })
                return ga != gb ? ga < gb : a.query.count > b.query.count
            }!
            let edits: [KioskEdit] = [.clearAndPaste, .clearAndType, .homeDelete, .pasteOver]
            p.edit(to: best.query, by: edits[n % edits.count])
            if launders && !p.k.state.matches.isEmpty { p.press(.enter, .enter, .ctrl("u")) }
            n += 1
        }
    }
}
