import Foundation

/// Reads every numeric date of a file the same way round: month/day or day/month.
///
/// A tool writes all its dates in one locale, so one date that can only be day/month (`13/05/2024`)
/// settles the others (`05/06/2024` is then 5 June, not 6 May). Reading each date on its own would let
/// one file's rows fall on two different days. When no date decides (no number over 12), the
/// reading that puts more of the file's times inside the course's sessions wins, month/day on a tie,
/// and the preview says which was taken and why.
enum DateOrder {
    /// The outcomes with every ambiguous time narrowed to the file's reading, and the note for the
    /// preview (nil when the file has no ambiguous date).
    static func settle(_ outcomes: [RowOutcome], sessions: [Session]) -> ([RowOutcome], note: String?) {
        var times: [TimeCandidates] = []
        for case .row(let row) in outcomes {
            for claim in row.attendance {
                switch claim {
                case .meeting(let join, let leave, _): times += [join] + (leave.map { [$0] } ?? [])
                case .checkIn(let at, let out): times += [at] + (out.map { [$0] } ?? [])
                case .mark: break
                }
            }
        }
        guard times.contains(where: { $0.order == .either }) else { return (outcomes, nil) }
        let dayFirst = times.contains { $0.order == .dayFirst }, monthFirst = times.contains { $0.order == .monthFirst }
        let pick: Int  // index into an ambiguous time's dates: 0 month/day, 1 day/month
        let note: String
        switch (monthFirst, dayFirst) {
        case (true, true):
            return (outcomes, "dates are written both month/day and day/month; each ambiguous one is read the way that falls in a session")
        case (false, true):
            (pick, note) = (1, "dates read as day/month: some have a first number over 12")
        case (true, false):
            (pick, note) = (0, "dates read as month/day: some have a second number over 12")
        case (false, false):
            func hits(_ i: Int) -> Int {
                times.filter { t in
                    t.order == .either && sessions.contains { $0.start.addingTimeInterval(-3600) <= t.dates[i] && t.dates[i] <= $0.end }
                }
                .count
            }
            let dm = hits(1) > hits(0)
            pick = dm ? 1 : 0
            note =
                dm
                ? "dates read as day/month: none of them has a number over 12, and only that reading puts them in the course's sessions"
                : "dates read as month/day: none of them has a day over 12"
        }
        func narrow(_ t: TimeCandidates) -> TimeCandidates {
            t.order == .either && t.dates.count == 2 ? TimeCandidates([t.dates[pick]], order: .fixed) : t
        }
        let settled = outcomes.map { outcome -> RowOutcome in
            guard case .row(var row) = outcome else { return outcome }
            row.attendance = row.attendance.map { claim in
                switch claim {
                case .meeting(let join, let leave, let minutes): .meeting(join: narrow(join), leave: leave.map(narrow), minutes: minutes)
                case .checkIn(let at, let out): .checkIn(at: narrow(at), out: out.map(narrow))
                case .mark: claim
                }
            }
            return .row(row)
        }
        return (settled, note)
    }
}
