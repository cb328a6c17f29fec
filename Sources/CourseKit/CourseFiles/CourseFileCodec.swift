import Foundation
import Yams

/// Reads and writes course files as YAML.
///
/// YAML rather than TOML: TOMLKit's encoder escapes every non-ASCII character ("Jos\u00E9"),
/// which a coordinator cannot read or edit, while Yams with `allowUnicode` writes "José" as is
/// and round-trips through Codable. Output is canonical (key order fixed by `CodingKeys`, no
/// empty fields), so an exported file imports and exports again to the same bytes.
public enum CourseFileCodec {
    /// Course files larger than this are refused before parsing (a roster of 100,000 is ~20 MB).
    public static let maximumBytes = 64 * 1024 * 1024

    /// The first line of a course file that holds contact details (YAML ignores it on import).
    public static let personalDataNotice = "# Personal data: contains e-mail addresses or phone numbers. Keep it private (mode 0600).\n"

    public static func read(path: String) throws -> CourseFile {
        let data: Data
        do {
            data = try InputFile.readAll(
                path, limit: maximumBytes,
                tooLarge: MusterError.unreadable(path: path, reason: "file is larger than \(maximumBytes / 1_048_576) MB"))
        } catch let error as MusterError {
            throw error
        } catch {
            throw MusterError.unreadable(path: path, reason: Self.reason(error))
        }
        return try decode(data, path: path)
    }

    public static func decode(_ data: Data, path: String) throws -> CourseFile {
        guard var text = String(data: data, encoding: .utf8) else {
            throw MusterError.invalidCourseFile(path: path, reason: "not UTF-8 text")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let file: CourseFile
        do {
            file = try YAMLDecoder().decode(CourseFile.self, from: text)
        } catch let error as DecodingError {
            throw MusterError.invalidCourseFile(path: path, reason: describe(error))
        } catch {
            throw MusterError.invalidCourseFile(path: path, reason: "not a course file: \(reason(error))")
        }
        try CourseFileValidator.validate(file, path: path)
        return file
    }

    /// Participants encoded together, at most. Yams's encoder copies a sequence on every
    /// element it appends, so one call on a list of n people costs n² copies: 228 s and 1.9 GB
    /// for the 100k course file. Block sequences sit at the column of their key, and
    /// `participants` is the file's last key, so the list written in slices after the rest of
    /// the file is, byte for byte, what one call writes (`CourseFileCodecTests`).
    static let participantsPerSlice = 500

    public static func encode(_ file: CourseFile) throws -> String {
        let encoder = YAMLEncoder()
        encoder.options.allowUnicode = true
        encoder.options.sortKeys = false
        encoder.options.width = -1  // never fold long titles across lines
        guard let participants = file.participants, participants.count > participantsPerSlice else {
            return try encoder.encode(file)
        }
        var rest = file
        rest.participants = nil
        var text = try encoder.encode(rest) + "participants:\n"
        for start in stride(from: 0, to: participants.count, by: participantsPerSlice) {
            text += try encoder.encode(Array(participants[start..<min(start + participantsPerSlice, participants.count)]))
        }
        return text
    }

    static func describe(_ error: DecodingError) -> String {
        func at(_ path: [CodingKey]) -> String {
            path.isEmpty
                ? "top level"
                : path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
                    .joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "missing '\(key.stringValue)' at \(at(context.codingPath))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "wrong type at \(at(context.codingPath)): \(context.debugDescription)"
        case .dataCorrupted(let context):
            if let yaml = context.underlyingError as? YamlError, let problem = yamlProblem(yaml) { return problem }
            return "bad value at \(at(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }

    /// A YAML syntax problem with its line, in words: Yams wraps them all in "The given data was
    /// not valid YAML", which names neither the key nor the line.
    static func yamlProblem(_ error: YamlError) -> String? {
        switch error {
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.sorted().map { "'\(NameSanitizer.clean($0))'" }.joined(separator: ", ")
            return "\(keys) appears twice in the block at line \(context.mark.line); keep one"
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return "line \(mark.line), column \(mark.column): not valid YAML (\(problem))"
        default:
            return nil
        }
    }

    static func reason(_ error: Error) -> String {
        if let cocoa = error as? CocoaError, let underlying = cocoa.userInfo[NSUnderlyingErrorKey] as? NSError,
            underlying.domain == NSPOSIXErrorDomain
        {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if let cocoa = error as? CocoaError {
            switch cocoa.code {
            case .fileReadNoSuchFile: return "no such file"
            case .fileReadNoPermission: return "permission denied"
            default: break
            }
        }
        return (error as NSError).localizedDescription
    }
}
