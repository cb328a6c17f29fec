import CourseKit
import Foundation

/// Writes command output to stdout or, atomically and privately, to a file: a temporary file
/// beside the target is written with mode 0600 and renamed over it, so a crash never leaves half a file.
public enum OutputFile {
    public static func write(_ text: String, to path: String?) throws {
        guard let path else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        let temp = path + ".tmp-\(getpid())"
        guard FileManager.default.createFile(atPath: temp, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw MusterError.unreadable(path: path, reason: "cannot write there")
        }
        if rename(temp, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temp)
            throw MusterError.unreadable(path: path, reason: reason)
        }
    }
}
