import Foundation

/// When the kiosk searches at all: the one rule shared by the database look-up, the kiosk's
/// key handling and its "keep typing" hint, so they can never disagree.
///
/// The search matches each fragment as a word prefix, so its narrowest fragment is what limits
/// how many people one query can show. Counting letters over the whole query let "a a a" pass as
/// three letters while it searched for one-letter prefixes (issue 21, item 1); the longest
/// fragment must have three characters on its own.
public enum KioskQueryRule {
    /// The fewest characters the longest fragment of a folded query needs.
    public static let minimumFragment = 3

    /// The query as the rule and the kiosk's search accounting compare it: folded with
    /// `NameFolding.fold` (case, accents and punctuation gone, single spaces).
    public static func folded(_ query: String) -> String { NameFolding.fold(query) }

    /// True when the longest fragment of `query`, folded and split on spaces, has at least
    /// `minimumFragment` characters: "ana t" and "Núñ" are searchable, "a a a" and "ab c" are not.
    public static func isSearchable(_ query: String) -> Bool { isSearchable(folded: folded(query)) }

    /// `isSearchable` for a query already folded.
    public static func isSearchable(folded: String) -> Bool {
        folded.split(separator: " ").contains { $0.count >= minimumFragment }
    }

    /// True when nothing has been typed that counts: the kiosk shows no hint at all then.
    public static func isBlank(_ query: String) -> Bool { folded(query).isEmpty }
}
