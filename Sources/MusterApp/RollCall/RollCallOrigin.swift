import CourseKit
import Foundation
import TerminalUI

/// Where a mark came from, when it was not made at this library's own screens: a kiosk, or
/// another device whose bundle was imported (`muster sync import`). The facilitator sees that
/// a "present" was a self check-in at the door of another laptop, not their own tap.
enum RollCallOrigin {
    /// "kiosk 3f2a", "roll 9c01": the source in a word and the device's first four digits.
    static func column(_ words: Words) -> TableColumn { TableColumn(words.rollCall("column.from"), width: .fixed(11)) }

    /// Made on another device: its bundle brought it here.
    static func isElsewhere(_ mark: AttendanceEvent, localDevice: String) -> Bool {
        !localDevice.isEmpty && mark.device != localDevice
    }

    /// The FROM cell: the source, and the device when it is another one; nil for this
    /// library's own roll call, `muster mark` and paper entries.
    static func cell(_ mark: AttendanceEvent, localDevice: String, words: Words) -> String? {
        let elsewhere = isElsewhere(mark, localDevice: localDevice)
        guard elsewhere || mark.source == .kiosk else { return nil }
        let source = mark.source == .rollcall ? words.rollCall("origin.roll") : words.rollCall("source.\(mark.source.rawValue)")
        return elsewhere ? "\(source) \(shortDevice(mark.device))" : source
    }

    /// The selected row's detail line: "kiosk · device 3f2a91c0… · ana · 09:14".
    static func detail(_ mark: AttendanceEvent, localDevice: String, zone: TimeZone, words: Words) -> String? {
        let elsewhere = isElsewhere(mark, localDevice: localDevice)
        guard elsewhere || mark.source == .kiosk else { return nil }
        let device =
            elsewhere
            ? words.rollCall("origin.device", String(NameSanitizer.clean(mark.device).prefix(8))) : words.rollCall("origin.thisDevice")
        return [
            words.rollCall("source.\(mark.source.rawValue)"), device, NameSanitizer.clean(mark.actor),
            LocalTime.clock(mark.recordedAt, in: zone),
        ]
        .filter { !$0.isEmpty }.joined(separator: " · ")
    }

    static func shortDevice(_ device: String) -> String { String(NameSanitizer.clean(device).prefix(4)) }
}
