import Foundation
import Synchronization

/// A clock tests move by hand, so event times and their order are exact.
public final class TestClock: Sendable {
    private let now: Mutex<Date>

    public init(_ start: Date = Date(timeIntervalSince1970: 1_715_036_400)) {  // 2024-05-07 08:00 Palau
        now = Mutex(start)
    }

    public func callAsFunction() -> Date { now.withLock { $0 } }

    public func advance(seconds: Double) { now.withLock { $0 = $0.addingTimeInterval(seconds) } }

    public func set(_ date: Date) { now.withLock { $0 = date } }

    /// The closure form `CourseStore` takes.
    public var function: @Sendable () -> Date { { [self] in self() } }
}
