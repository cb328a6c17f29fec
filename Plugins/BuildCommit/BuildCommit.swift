import Foundation
import PackagePlugin

/// Writes `BuildCommit.swift` into the `muster` target before every build: the commit the
/// binary is built from, for `muster --version` and `muster doctor`.
///
/// Why a prebuild command: the commit changes without any source file changing, so it has to be
/// read on every build; the shell writes the file only when its text changes, so an unchanged
/// commit recompiles nothing. "+changes" marks a build from a tree with uncommitted changes, and
/// a tree without git (a tarball) says "unknown".
@main
struct BuildCommitPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let output = context.pluginWorkDirectoryURL.appending(path: "generated")
        let script = #"""
            set -u
            mkdir -p "$2"
            commit=$(git -C "$1" rev-parse --short=12 HEAD 2>/dev/null) || commit=unknown
            if [ "$commit" != unknown ] && [ -n "$(git -C "$1" status --porcelain --untracked-files=no 2>/dev/null)" ]; then
                commit="$commit+changes"
            fi
            text="// Written by the BuildCommit plugin on every build; not in git.
            enum BuildCommit { static let id = \"$commit\" }"
            file="$2/BuildCommit.swift"
            [ "$(cat "$file" 2>/dev/null)" = "$text" ] || printf '%s\n' "$text" >"$file"
            """#
        return [
            .prebuildCommand(
                displayName: "Recording the commit muster is built from",
                executable: URL(fileURLWithPath: "/bin/sh"),
                arguments: ["-c", script, "build-commit", context.package.directoryURL.path, output.path],
                outputFilesDirectory: output)
        ]
    }
}
