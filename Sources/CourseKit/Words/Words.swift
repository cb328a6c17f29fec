import Foundation

/// The words of one language, looked up by key in the catalogues Foundation reads from the
/// package's resources (`<language>.lproj/<Table>.strings`). Every text a person reads comes
/// from here; the catalogues, not the code, hold the wording of both languages.
///
/// A key missing from a catalogue shows as the key itself (`kiosk.welcome`), never as another
/// language's text: the catalogue test (`WordsCatalogueTests`) fails first.
public struct Words: Sendable, Equatable {
    public let language: Language
    let bundle: Bundle?

    public init(_ language: Language) {
        self.language = language
        bundle = Self.bundles[language] ?? nil
    }

    /// `key` in `table`.
    ///
    /// From the table as Foundation parsed it, kept in memory: on Linux `Bundle.localizedString`
    /// finds and reads the table again on every call, which made a screen's frame (a lookup per
    /// column title, status and label) slow enough to see.
    public func text(_ key: String, table: String) -> String {
        Self.tables.table(table, of: self)[key] ?? key
    }

    /// `key` in `table` with its `%@` and `%d` filled in order (arguments are not translated: a
    /// name stays a name).
    public func format(_ key: String, table: String, _ arguments: any CVarArg...) -> String {
        format(key, table: table, arguments: arguments)
    }

    /// The same, for a caller that forwards its own arguments.
    ///
    /// A `%d` takes the language's grouping ("12,345", "12.345"): right for a count, wrong for a
    /// line number or a process id, which callers pass as text to a `%@`.
    public func format(_ key: String, table: String, arguments: [any CVarArg]) -> String {
        let template = text(key, table: table)
        return Template.fill(template, locale: language.numberLocale, arguments: arguments)
            ?? String(format: template, locale: language.numberLocale, arguments: arguments)
    }

    /// Every key and its text in `table`, for the tests that hold the catalogues to each other.
    public func entries(table: String) -> [String: String] { Self.tables.table(table, of: self) }

    /// The table read from its `.strings` file (empty when there is none).
    func read(table: String) -> [String: String] {
        guard let url = bundle?.url(forResource: table, withExtension: "strings"), let data = try? Data(contentsOf: url),
            let plist = try? PropertyListSerialization.propertyList(from: data, format: nil) as? [String: String]
        else { return [:] }
        return plist
    }

    public static func == (a: Words, b: Words) -> Bool { a.language == b.language }

    /// Each language's tables, read once each.
    private static let tables = Tables()

    private final class Tables: @unchecked Sendable {
        // Guarded by `lock`; a table is read at most once per language.
        private var read: [String: [String: String]] = [:]
        private let lock = NSLock()

        func table(_ name: String, of words: Words) -> [String: String] {
            let key = "\(words.language.rawValue)/\(name)"
            lock.lock()
            defer { lock.unlock() }
            if let table = read[key] { return table }
            let table = words.read(table: name)
            read[key] = table
            return table
        }
    }

    /// One bundle per language, found once: the `.lproj` folder inside the package's resources.
    private static let bundles: [Language: Bundle?] = Dictionary(
        uniqueKeysWithValues: Language.allCases.map { language in
            (language, resources.path(forResource: language.rawValue, ofType: "lproj").flatMap(Bundle.init(path:)))
        })

    /// The catalogues: installed in `PREFIX/share/muster` beside the binary's `PREFIX/bin`
    /// (`scripts/install`), else where SwiftPM put them (beside the binary, or in the build
    /// folder of a checkout). Found from the binary's real place, so a symlink to it works.
    static let resources: Bundle = {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        let installed = URL(fileURLWithPath: exe).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("share/muster/\(bundleName)")
        return Bundle(path: installed.path) ?? Bundle.module
    }()

    /// Where the catalogues were found, for `muster doctor`.
    public static var resourcesPath: String { resources.bundlePath }

    /// The folder SwiftPM makes for CourseKit's resources.
    public static let bundleName = "Muster_CourseKit.resources"
}
