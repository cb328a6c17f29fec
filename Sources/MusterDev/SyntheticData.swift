import CourseKit

/// Clearly fictional courses, people and attendance for measuring the screens and commands at
/// scale (`muster dev generate`, the bench commands, tests). Kept out of CourseKit: nothing a
/// user runs needs it. It writes through the same per-table writers (`PersonWrites`,
/// `EnrolmentWrites`, …) as every other writer, so generated data is stored exactly as real data is.
public struct SyntheticData: Sendable {
    public let store: CourseStore
    public init(store: CourseStore) { self.store = store }
}
