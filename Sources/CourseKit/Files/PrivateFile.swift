import Foundation

/// Writing a file that may hold personal data: created 0600 from its first byte (a temp file
/// beside the destination, opened with that mode), synced, then renamed into place, so no other
/// user can open it at any moment and a crash leaves the old file or the new, never half of one.
///
/// Why not `FileManager.createFile(atPath:contents:attributes:)`: on Linux it writes a temp file
/// created 0666 (0644 after the umask), renames it, and only then applies the mode asked for;
/// another user watching the folder read 30 of 40 exports that way (issue 21, item 2).
public enum PrivateFile {
    public static func write(_ data: Data, to path: String) throws {
        let writer = try PrivateFileWriter(path: path)
        try writer.file.write(data)
        try writer.commit()
    }
}
