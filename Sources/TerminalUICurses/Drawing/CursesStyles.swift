import CNcursesw
import TerminalUI

/// A theme translated into curses terms: per role, the attribute bits and the colour pair.
///
/// Every role that has a colour gets its own pair, numbered by the role's position in
/// `StyleRole.allCases` plus one (pair 0 is the terminal default and cannot be redefined), so the
/// numbering is stable and readable in a debugger. Colours a role leaves unset are the terminal's
/// default (-1 after `use_default_colors`), which keeps light and dark terminals readable.
struct CursesStyles {
    struct Rendition: Hashable {
        var attributes: attr_t
        /// 0 when the role draws in the default colours.
        var pair: Int32
    }

    /// A pair to define with `init_pair`.
    struct PairDefinition: Hashable {
        var pair: Int32
        var foreground: Int32
        var background: Int32
    }

    private let renditions: [Rendition]
    let pairs: [PairDefinition]

    /// - Parameters:
    ///   - useColor: false for a monochrome theme or a terminal without colours; then only the
    ///     attributes are used and no pair is defined.
    ///   - defaultForeground, defaultBackground: what an unset colour becomes: -1 when
    ///     `use_default_colors` succeeded, otherwise white on black.
    ///   - maxPairs: `COLOR_PAIRS`; roles beyond it fall back to attributes only.
    init(
        theme: Theme, useColor: Bool, defaultForeground: Int32 = -1, defaultBackground: Int32 = -1,
        maxPairs: Int = Int.max
    ) {
        var renditions: [Rendition] = []
        var pairs: [PairDefinition] = []
        for (index, role) in StyleRole.allCases.enumerated() {
            let style = theme.style(for: role)
            var rendition = Rendition(attributes: Self.attributes(of: style), pair: 0)
            let pairNumber = index + 1
            if useColor, style.foreground != nil || style.background != nil, pairNumber < maxPairs {
                rendition.pair = Int32(pairNumber)
                pairs.append(
                    PairDefinition(
                        pair: Int32(pairNumber),
                        foreground: style.foreground.map { Int32($0.rawValue) } ?? defaultForeground,
                        background: style.background.map { Int32($0.rawValue) } ?? defaultBackground))
            }
            renditions.append(rendition)
        }
        self.renditions = renditions
        self.pairs = pairs
    }

    func rendition(for role: StyleRole) -> Rendition {
        renditions[Self.index(of: role)]
    }

    /// The curses attribute bits for a style (colours travel separately, as the pair).
    static func attributes(of style: Style) -> attr_t {
        var attributes = muster_A_NORMAL()
        if style.bold { attributes |= muster_A_BOLD() }
        if style.reverse { attributes |= muster_A_REVERSE() }
        if style.underline { attributes |= muster_A_UNDERLINE() }
        if style.dim { attributes |= muster_A_DIM() }
        return attributes
    }

    /// The role's position in `allCases`, precomputed: `draw` asks for every cell of every frame.
    private static let indices: [StyleRole: Int] = Dictionary(
        uniqueKeysWithValues: StyleRole.allCases.enumerated().map { ($1, $0) })

    private static func index(of role: StyleRole) -> Int { indices[role] ?? 0 }
}
