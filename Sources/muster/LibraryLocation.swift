import CourseKit
import Foundation

/// Where the library file and the shipped course files are, worked out from the environment and
/// the binary's own place, so Muster behaves the same from any working directory, with `HOME`
/// unset, installed under a prefix or run from a checkout.
enum LibraryLocation {
    /// `--db`, else `$MUSTER_DB`, else `$XDG_DATA_HOME/muster/muster.sqlite`, where the data
    /// folder defaults to `~/.local/share`. With `HOME` unset (a service, `env -i`), the home
    /// folder comes from the password database, as `NSHomeDirectory()` reads it.
    static func path(db: String?, environment: [String: String]) -> String {
        if let db, !db.isEmpty { return db }
        if let env = environment["MUSTER_DB"], !env.isEmpty { return env }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        let data = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? "\(home)/.local/share"
        return "\(data)/muster/muster.sqlite"
    }

    /// Why a library path that looks like a URL ("postgres://host/db", "file:///x", "https://…")
    /// is refused, or nil for an ordinary path. SQLite would take "postgres://host/db" as a
    /// relative file name and silently create `postgres:/host/db` in the working folder.
    static func urlRefusal(_ path: String) -> String? {
        guard let colon = path.range(of: "://") else { return nil }
        let scheme = path[..<colon.lowerBound]
        guard !scheme.isEmpty, scheme.allSatisfy({ $0.isLetter || $0.isNumber || "+-.".contains($0) }) else { return nil }
        let head = scheme.lowercased()
        let hint =
            head.hasPrefix("postgres")
            ? " (PostgreSQL is the head office's: use muster-hq with --url)" : ""
        return "--db takes a file path, not a URL like \"\(NameSanitizer.clean(String(path.prefix(200))))\"\(hint); "
            + "give the library's file, e.g. --db ~/courses.sqlite"
    }

    /// This process's executable, symbolic links resolved: `/proc/self/exe` on Linux, else
    /// `argv[0]` (which may be a bare name found through `PATH`).
    static func executablePath() -> String {
        if let linked = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return linked }
        return URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().path
    }

    /// The course files shipped with this binary, found from where it sits:
    /// - installed: `PREFIX/bin/muster` ships them in `PREFIX/share/muster/courses` (`scripts/install`);
    /// - a checkout: `<project>/.build/<triple>/<config>/muster`, with `<project>/courses`.
    /// Nil when neither exists (nothing to seed). The working folder is never searched: the
    /// library must not depend on where the command happens to be typed.
    static func shippedCourses(binary: String) -> String? {
        var candidates: [String] = []
        var dir = URL(fileURLWithPath: binary).deletingLastPathComponent()
        candidates.append(dir.deletingLastPathComponent().appendingPathComponent("share/muster/courses").path)
        for _ in 0..<5 {
            candidates.append(dir.appendingPathComponent("courses").path)
            dir.deleteLastPathComponent()
        }
        let fm = FileManager.default
        return candidates.first { path in
            var isDir: ObjCBool = false
            return fm.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
        }
    }
}
