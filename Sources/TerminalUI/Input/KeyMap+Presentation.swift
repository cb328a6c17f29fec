/// One footer hint: "j/↓ down".
public struct FooterHint: Hashable, Sendable {
    public var keys: String
    public var label: String
    public init(keys: String, label: String) { self.keys = keys; self.label = label }

    /// The hints as one footer line of at most `width` columns: whole hints separated by two
    /// spaces, key names in `footerKey`. When not all fit, the ones that do are followed by
    /// " …" (the help overlay has the rest); the line never wraps.
    public static func line(_ hints: [FooterHint], width: Int, ellipsis: String = "…") -> StyledText {
        guard width > 0, !hints.isEmpty else { return StyledText() }
        let pieces = hints.map { hint -> StyledText in
            var piece = StyledText(hint.keys, role: .footerKey)
            piece.append(" " + hint.label)
            return piece
        }
        let separator = StyledText("  ")
        var line = StyledText()
        var used = 0
        let moreWidth = 1 + ellipsis.displayWidth
        for (index, piece) in pieces.enumerated() {
            let extra = (index == 0 ? 0 : 2) + piece.displayWidth
            let isLast = index == pieces.count - 1
            // Room for this hint, and for " …" after it unless it is the last one.
            let fitsWithMore = used + extra + moreWidth <= width
            if (isLast && used + extra <= width) || fitsWithMore {
                if index > 0 { line.append(separator) }
                line.append(piece)
                used += extra
                continue
            }
            guard index > 0 else { return piece.truncated(toWidth: width, ellipsis: ellipsis) }
            line.append(" " + ellipsis)
            break
        }
        return line
    }
}

/// A group of the help overlay: one context's bindings.
public struct HelpSection: Hashable, Sendable {
    public struct Entry: Hashable, Sendable {
        public var command: CommandID
        public var keys: String
        public var description: String
    }
    public var context: String
    public var title: String
    public var entries: [Entry]
}

extension KeyMap {
    /// The footer hints for `contexts`: bindings marked ``Binding/showInFooter``, most specific
    /// context first, each with only the keys that reach it.
    public func footerHints(for contexts: [String], ascii: Bool = false) -> [FooterHint] {
        effectiveBindings(for: contexts)
            .filter { $0.binding.showInFooter }
            .map { FooterHint(keys: KeyMap.keyText($0.keys, ascii: ascii), label: $0.binding.label) }
    }

    /// The footer hints for `contexts` fitted to `width` columns (see ``FooterHint/line(_:width:ellipsis:)``).
    public func footerHints(for contexts: [String], width: Int, glyphs: Glyphs = .unicode) -> StyledText {
        FooterHint.line(footerHints(for: contexts, ascii: glyphs == .ascii), width: width, ellipsis: glyphs.ellipsis)
    }

    /// The help overlay's content: one section per context in `contexts` order, every binding
    /// that can still be reached, described.
    public func helpSections(for contexts: [String], ascii: Bool = false) -> [HelpSection] {
        let effective = effectiveBindings(for: contexts)
        return contexts.compactMap { context in
            let entries = effective.filter { $0.binding.context == context }.map {
                HelpSection.Entry(
                    command: $0.binding.id, keys: KeyMap.keyText($0.keys, ascii: ascii),
                    description: $0.binding.description)
            }
            return entries.isEmpty ? nil : HelpSection(context: context, title: title(ofContext: context), entries: entries)
        }
    }
}
