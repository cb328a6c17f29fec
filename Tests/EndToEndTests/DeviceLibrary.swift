/// One device's library in a sync journey: its own home and file, so each device is a separate
/// `muster` user with its own settings, origin and device id.
struct DeviceLibrary {
    let name: String
    let home: String
    var db: String { "\(home)/lib.sqlite" }
}

/// The kiosk morning the sync journeys run in: the Palau course's first session.
enum KioskMorning {
    static let pin = "door-4711"
    static let course = "palau-mmc-2024"
    /// The first morning of the course (Palau is UTC+9): the kiosk takes check-ins for d1-am.
    static let morning = "2024-05-07T09:05:00+09:00"
}
