import Foundation
import Testing

/// Compares `actual` with `__Snapshots__/<name>.txt` next to the calling test file.
///
/// When the file is missing, or `SNAPSHOT_RECORD=1` is set, the file is (re)written and the
/// test fails saying so, as swift-argument-parser's helper does: a recorded snapshot must be
/// read by a person and committed, never silently accepted. The text itself comes from
/// `TerminalUI.SnapshotText`; this is only the I/O, shared by every test target.
public func assertSnapshot(
    _ actual: String, named name: String, filePath: String = #filePath,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let folder = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("__Snapshots__")
    let file = folder.appendingPathComponent(name + ".txt")
    let recording = ProcessInfo.processInfo.environment["SNAPSHOT_RECORD"] == "1"
    guard !recording, let expected = try? String(contentsOf: file, encoding: .utf8) else {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try actual.write(to: file, atomically: true, encoding: .utf8)
            Issue.record(
                "Recorded snapshot \(file.path). Check it, then run again without SNAPSHOT_RECORD.",
                sourceLocation: sourceLocation)
        } catch {
            Issue.record("Could not record snapshot \(file.path): \(error)", sourceLocation: sourceLocation)
        }
        return
    }
    guard expected != actual else { return }
    let message =
        "Snapshot \(name) differs (- expected, + actual):\n\(lineDiff(expected, actual))\n"
        + "Re-record with SNAPSHOT_RECORD=1 if the change is intended."
    Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
}

/// The differing lines, numbered; enough to see what moved without a diff library.
private func lineDiff(_ expected: String, _ actual: String) -> String {
    let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
    var out: [String] = []
    for index in 0..<max(old.count, new.count) {
        let a = index < old.count ? String(old[index]) : nil
        let b = index < new.count ? String(new[index]) : nil
        guard a != b else { continue }
        if let a { out.append("\(index + 1)- \(a)") }
        if let b { out.append("\(index + 1)+ \(b)") }
    }
    return out.joined(separator: "\n")
}
