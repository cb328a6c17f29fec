import ArgumentParser
import CourseKit
import Foundation

/// `muster person merge KEEP OTHER`: two records of one person become one. Like `import roster`,
/// it prints what it does and `--dry-run` stops at the preview; no question is asked, since
/// `muster person unmerge` takes it back.
struct PersonMergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: CommandWords.text("personMergeCommand.abstract"),
        discussion: CommandWords.text("personMergeCommand.discussion"))
    @OptionGroup var library: LibraryOptions
    @Argument(help: CommandWords.help("personMergeCommand.keep")) var keep: String
    @Argument(help: CommandWords.help("personMergeCommand.other")) var other: String
    @Flag(help: CommandWords.help("personMergeCommand.dryRun")) var dryRun = false

    func run() throws {
        try reportingErrors {
            let store = try library.open()
            if dryRun {
                let preview = try store.people.mergePreview(keep: keep, other: other)
                print(preview.lines(in: CommandWords.language).joined(separator: "\n"))
                print(CommandWords.text("merge.dryRun"))
                return
            }
            let (change, preview) = try store.people.mergePeople(keep: keep, other: other)
            print(preview.lines(in: CommandWords.language).joined(separator: "\n"))
            print(CommandWords.format("merge.done", preview.other.code, preview.keep.code, String(change.id)))
        }
    }
}

/// `muster person unmerge CODE`: the merge that merged CODE away (or the one merge into CODE) undone.
struct PersonUnmergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unmerge",
        abstract: CommandWords.text("personUnmergeCommand.abstract"),
        discussion: CommandWords.text("personUnmergeCommand.discussion"))
    @OptionGroup var library: LibraryOptions
    @Argument(help: CommandWords.help("personUnmergeCommand.code")) var code: String

    func run() throws {
        try reportingErrors {
            let change = try library.open().people.unmergePerson(code: code)
            print("unmerged: \(change.summary.replacingOccurrences(of: "undo: ", with: ""))")
        }
    }
}
