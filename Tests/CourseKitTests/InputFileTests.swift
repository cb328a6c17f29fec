import CourseKit
import Foundation
import Testing
import TestSupport

/// Files Muster reads must be regular files: a FIFO made `import roster` wait forever for a writer
/// (issue 21, item 9). Each reader refuses one at once, saying what it is.
@Suite(.timeLimit(.minutes(1)))
struct InputFileTests {
    static func fifo(_ dir: TemporaryDirectory) throws -> String {
        let path = dir.file("pipe.csv")
        #expect(mkfifo(path, 0o600) == 0)
        return path
    }

    static func says(_ error: any Error, _ path: String) -> Bool {
        "\(error)".contains(path) && "\(error)".contains("pipe (FIFO)")
    }

    enum Reader: String, CaseIterable, Sendable {
        case roster, courseFile

        func read(_ path: String) throws {
            switch self {
            case .roster: _ = try DelimitedFileReader.read(path: path)
            case .courseFile: _ = try CourseFileCodec.read(path: path)
            }
        }
    }

    @Test("a roster or a course file that is a pipe is refused without waiting for a writer", arguments: Reader.allCases)
    func pipe(reader: Reader) throws {
        let dir = TemporaryDirectory("fifo")
        let path = try Self.fifo(dir)
        let error = #expect(throws: MusterError.self) { try reader.read(path) }
        #expect(error.map { Self.says($0, path) } == true, "\(String(describing: error))")
    }

    @Test("a sync bundle that is a pipe, or a device, is refused; a folder says it is one")
    func bundleAndOthers() throws {
        let dir = TemporaryDirectory("fifo")
        let path = try Self.fifo(dir)
        let error = #expect(throws: MusterError.self) { try BundleReader(path: path, passphrase: nil) }
        #expect(error.map { "\($0)".contains("pipe (FIFO)") } == true, "\(String(describing: error))")
        let device = #expect(throws: MusterError.self) { try DelimitedFileReader.read(path: "/dev/zero") }
        #expect(device.map { "\($0)".contains("a device, not a file") } == true)
        let folder = #expect(throws: MusterError.self) { try CourseFileCodec.read(path: dir.path) }
        #expect(folder.map { "\($0)".contains("it is a folder") } == true)
    }
}
