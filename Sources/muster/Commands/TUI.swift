import ArgumentParser
import CourseKit
import Foundation

struct TUI: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Open the terminal interface (the default).")
    @OptionGroup var library: LibraryOptions

    func run() throws {
        try reportingErrors {
            _ = try library.open()
            throw MusterError.invalid("the terminal interface is not built yet; use the subcommands (muster --help)")
        }
    }
}
