import Foundation

/// How a mark's stay reads: "09:25–11:30" on the roll call and the command line, and the letter
/// a mark gets in the matrix and the wide export, where someone who left early is `P½` or `L½`
/// (came, but not for the whole session) so partial attendance is visible at a glance.
public enum StayText {
    /// Arrival–departure in `zone`: "09:25–11:30", "09:25" (arrived, still here), "–11:30"
    /// (left, arrival not recorded), or "" with neither.
    public static func text(_ event: AttendanceEvent, zone: TimeZone) -> String {
        let arrival = event.arrival.map { LocalTime.clock($0, in: zone) } ?? ""
        guard let departure = event.departure else { return arrival }
        return "\(arrival)–\(LocalTime.clock(departure, in: zone))"
    }

    /// The suffix a mark with a departure gets after its letter.
    public static let leftEarly = "½"

    /// `P`, `L`, `E`, `A`, with `½` after `P` or `L` when the person left before the end.
    public static func letter(_ event: AttendanceEvent) -> String {
        let letter = event.status.rawValue.prefix(1).uppercased()
        return event.departure != nil && event.status.isAttending ? letter + leftEarly : letter
    }
}
