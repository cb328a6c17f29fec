import CourseKit
import Foundation

/// Writes command output to stdout or to a file, created private (mode 0600 from its first
/// byte) and atomically (see ``PrivateFile``).
public enum OutputFile {
    public static func write(_ text: String, to path: String?) throws {
        guard let path else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        try PrivateFile.write(Data(text.utf8), to: path)
    }
}
