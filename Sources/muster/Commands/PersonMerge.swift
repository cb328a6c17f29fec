import ArgumentParser
import CourseKit
import Foundation

/// `muster person merge KEEP OTHER`: two records of one person become one. Like `import roster`,
/// it prints what it does and `--dry-run` stops at the preview; no question is asked, since
/// `muster person unmerge` takes it back.
struct PersonMergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge OTHER into KEEP: enrolments, marks and missing contact details move to KEEP.",
        discussion: """
            Where both are on a course the stronger nomination stays; where both have a mark in a session \
            the attendance rule decides. OTHER's record stays, marked as merged, and leaves rosters, search \
            and reports; nothing is deleted. Try --dry-run first; 'muster person unmerge OTHER' undoes it, \
            also later.
            """)
    @OptionGroup var library: LibraryOptions
    @Argument(help: "The code of the person to keep.") var keep: String
    @Argument(help: "The code of the person merged into them.") var other: String
    @Flag(help: "Show what the merge would do; write nothing.") var dryRun = false

    func run() throws {
        try reportingErrors {
            let store = try library.open()
            if dryRun {
                let preview = try store.people.mergePreview(keep: keep, other: other)
                print(preview.lines.joined(separator: "\n"))
                print("dry run: nothing was changed")
                return
            }
            let (change, preview) = try store.people.mergePeople(keep: keep, other: other)
            print(preview.lines.joined(separator: "\n"))
            print(
                "merged \(preview.other.code) into \(preview.keep.code) (change \(change.id)); 'muster person unmerge \(preview.other.code)' undoes it"
            )
        }
    }
}

/// `muster person unmerge CODE`: the merge that merged CODE away (or the one merge into CODE) undone.
struct PersonUnmergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unmerge",
        abstract: "Undo a merge: both people, their enrolments and marks as they were before it.",
        discussion: """
            CODE is the person merged away, or the person kept when exactly one person was merged into \
            them. Refused when their rows or marks changed since the merge (undo those first).
            """)
    @OptionGroup var library: LibraryOptions
    @Argument(help: "The merged-away person's code (or the kept person's).") var code: String

    func run() throws {
        try reportingErrors {
            let change = try library.open().people.unmergePerson(code: code)
            print("unmerged: \(change.summary.replacingOccurrences(of: "undo: ", with: ""))")
        }
    }
}
