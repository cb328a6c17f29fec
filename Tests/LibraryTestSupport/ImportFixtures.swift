import Foundation

/// Roster and course files for the import, export and report tests, in `Tests/Fixtures/`.
/// Every person in them is fictional (`@example.org`).
public enum ImportFixtures {
    public static var directory: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures").path
    }

    /// A roster file in `Tests/Fixtures/rosters/`.
    public static func roster(_ name: String) -> String { "\(directory)/rosters/\(name)" }

    /// A course file: `Tests/Fixtures/courses/<name>.yaml`, or one of the project's `courses/`.
    public static func course(_ code: String) -> String {
        let own = "\(directory)/courses/\(code).yaml"
        return FileManager.default.fileExists(atPath: own) ? own : "\(Fixtures.coursesDirectory)/\(code).yaml"
    }
}
