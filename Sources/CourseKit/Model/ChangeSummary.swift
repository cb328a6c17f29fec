import Foundation

/// What a logged change did, as words to say in any language: a key of the `Changes` catalogue
/// and the parts that fill its blanks in order.
///
/// Why not the sentence: the change log outlives the run that wrote it, and the person who reads
/// an entry (on the person view's trail, after an undo, in `muster audit`) may read another
/// language than the one who made the change. The entry keeps its English sentence too
/// (`change_log.summary`), for libraries and tools that predate this, and for the log's own
/// messages that quote it.
public struct ChangeSummary: Codable, Sendable, Hashable {
    /// One blank's filling: text from the library as it is (a code and a name, a session's
    /// title), a term said in the reader's language (a nomination status, a mark), a country by
    /// its code (named in that language), a number, or another change's words (what an undo
    /// reverses, "5 places").
    public indirect enum Part: Codable, Sendable, Hashable {
        case text(String)
        case term(String)
        case country(String)
        case number(Int)
        /// A measure with one decimal, in the language's digits ("0.4", "0,4").
        case decimal(Double)
        case change(ChangeSummary)

        /// What fills the blank in `words`' language.
        public func filled(_ words: Words) -> any CVarArg {
            switch self {
            case .text(let text): text
            case .term(let key): words.text(key, table: "Terms")
            case .country(let code): Countries.name(of: code, in: words.language) ?? code
            case .number(let n): String(n)
            case .decimal(let x): String(format: "%.1f", locale: words.language.numberLocale, x)
            case .change(let inner): inner.text(in: words.language)
            }
        }
    }

    /// The key in `Changes.strings` ("status", "course.added"), or in `table`.
    public var key: String
    public var parts: [Part]
    /// The catalogue the key is in when not `Changes` (a sync result's `Sync`, an error's
    /// `Errors`); nil, and absent from the JSON, for `Changes`.
    public var table: String?

    public init(_ key: String, _ parts: Part...) {
        self.key = key
        self.parts = parts
    }

    public init(_ key: String, parts: [Part], table: String? = nil) {
        self.key = key
        self.parts = parts
        self.table = table
    }

    /// Words from another catalogue than `Changes`: `ChangeSummary(in: "Sync", "exchange.nothing")`.
    public init(in table: String, _ key: String, _ parts: Part...) {
        self.init(key, parts: parts, table: table)
    }

    /// Words of the `Sync` catalogue: what live sync keeps and logs (a peer's last result, the
    /// serving log, a refusal's reason).
    public static func sync(_ key: String, _ parts: Part...) -> ChangeSummary { ChangeSummary(key, parts: parts, table: "Sync") }

    /// The sentence in `language`, its terms in that language too.
    public func text(in language: Language) -> String {
        let words = Words(language)
        return words.format(key, table: table ?? "Changes", arguments: parts.map { $0.filled(words) })
    }

    /// The same with every text part passed through `transform` (an erasure's redaction), so a
    /// name is scrubbed where it stands and the rest stays structured.
    public func mapText(_ transform: (String) -> String) -> ChangeSummary {
        let mapped = parts.map { part -> Part in
            switch part {
            case .text(let text): .text(transform(text))
            case .change(let inner): .change(inner.mapText(transform))
            case .term, .country, .number, .decimal: part
            }
        }
        return ChangeSummary(key, parts: mapped, table: table)
    }

    /// As `change_log.summary_words` stores it.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// From `change_log.summary_words`; nil for an entry logged before the words were kept.
    public init?(json: String?) {
        guard let json, let value = try? JSONDecoder().decode(ChangeSummary.self, from: Data(json.utf8)) else { return nil }
        self = value
    }
}

extension ChangeSummary.Part {
    /// "GT-004 Byron Coyoy Ajú": a person as summaries name them.
    public static func person(_ p: Person) -> Self { .text("\(p.code) \(p.displayName)") }

    /// A nomination status as a term ("confirmed", "confirmada").
    public static func status(_ s: NominationStatus) -> Self { .term("nomination.\(s.rawValue)") }

    /// A mark as a term ("present", "presente").
    public static func mark(_ s: AttendanceStatus) -> Self { .term("mark.\(s.rawValue)") }

    /// An error: its words where it has them (`MusterError.said`), else its sentence as it is.
    public static func error(_ error: any Error) -> Self {
        (error as? MusterError)?.said.map { .change($0) } ?? .text(String(describing: error))
    }

    /// "5 places", "1 place".
    public static func places(_ n: Int) -> Self { .change(ChangeSummary(n == 1 ? "places.one" : "places", .number(n))) }
}
