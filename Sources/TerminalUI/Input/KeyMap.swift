/// A command's stable name ("roster.markPresent"). Screens dispatch on it, config files rebind
/// by it, and tests enumerate it; the keys are only its current spelling.
public struct CommandID: RawRepresentable, Hashable, Comparable, Sendable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }
    public static func < (lhs: CommandID, rhs: CommandID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// One row of the key table: which keys run which command in which context, and how the
/// footer and the help overlay describe it.
public struct Binding: Hashable, Sendable {
    public var id: CommandID
    public var keys: [Key]
    /// A sentence for the help overlay ("Mark present and move to the next person").
    public var description: String
    /// One or two words for the footer ("present").
    public var label: String
    /// Where the binding applies: ``KeyMap/global`` or a screen's name ("roster").
    public var context: String
    public var showInFooter: Bool
    /// Set when this binding deliberately takes a key the global context also uses (a screen's
    /// `q` meaning "back" instead of "quit"). Without it ``KeyMap/conflicts()`` reports the clash,
    /// because an accidental shadow silently disables a global command on one screen.
    public var overridesGlobal: Bool

    public init(
        _ id: CommandID, keys: [Key], description: String, label: String = "",
        context: String = KeyMap.global, showInFooter: Bool = false, overridesGlobal: Bool = false
    ) {
        self.id = id; self.keys = keys; self.description = description; self.label = label
        self.context = context; self.showInFooter = showInFooter; self.overridesGlobal = overridesGlobal
    }
}

/// A key two commands claim in one context (or a screen key hiding a global one unmarked).
public struct KeyConflict: Hashable, Sendable, CustomStringConvertible {
    public var context: String
    public var key: Key
    public var commands: [CommandID]
    public init(context: String, key: Key, commands: [CommandID]) {
        self.context = context; self.key = key; self.commands = commands
    }
    public var description: String {
        "\(context): \(key.displayName) → \(commands.map(\.rawValue).joined(separator: ", "))"
    }
}

/// The key table as data (as in Textual and newsboat): footer hints, the help overlay, config
/// rebinding and the tests all read this one table, so they cannot disagree.
///
/// Lookups take a list of contexts, most specific first (`["roster", "global"]`): the first
/// context that binds a key wins, which is how a screen shadows a global key.
public struct KeyMap: Hashable, Sendable {
    /// The context beneath every screen.
    public static let global = "global"

    public private(set) var bindings: [Binding]
    /// Section titles for the help overlay by context; a missing one shows the context name
    /// capitalised.
    public var contextTitles: [String: String]

    public init(_ bindings: [Binding], contextTitles: [String: String] = [:]) {
        self.bindings = bindings
        self.contextTitles = contextTitles
    }

    /// The command `key` runs: the first context in `contexts` that binds it wins.
    public func command(for key: Key, in contexts: [String]) -> CommandID? {
        for context in contexts {
            if let binding = bindings.first(where: { $0.context == context && $0.keys.contains(key) }) {
                return binding.id
            }
        }
        return nil
    }

    public func bindings(in context: String) -> [Binding] { bindings.filter { $0.context == context } }

    /// The binding for a command, in `context` if given, else the first anywhere.
    public func binding(_ id: CommandID, in context: String? = nil) -> Binding? {
        bindings.first { $0.id == id && (context == nil || $0.context == context) }
    }

    /// Replaces the keys of a command (config rebinding); returns false when no binding matched.
    @discardableResult
    public mutating func rebind(_ id: CommandID, in context: String? = nil, to keys: [Key]) -> Bool {
        var found = false
        for index in bindings.indices
        where bindings[index].id == id
            && (context == nil || bindings[index].context == context)
        {
            bindings[index].keys = keys
            found = true
        }
        return found
    }

    /// The bindings in force for `contexts`, each with the keys that still reach it: a key an
    /// earlier context binds is gone, and a command seen in an earlier context is not repeated.
    /// Footer hints and help both build on this, so they only ever show keys that work.
    public func effectiveBindings(for contexts: [String]) -> [(binding: Binding, keys: [Key])] {
        var taken = Set<Key>()
        var seen = Set<CommandID>()
        var result: [(binding: Binding, keys: [Key])] = []
        for context in contexts {
            var claimedHere = Set<Key>()
            for binding in bindings(in: context) {
                let keys = binding.keys.filter { !taken.contains($0) && !claimedHere.contains($0) }
                claimedHere.formUnion(binding.keys)
                guard !keys.isEmpty, !seen.contains(binding.id) else { continue }
                seen.insert(binding.id)
                result.append((binding, keys))
            }
            taken.formUnion(claimedHere)
        }
        return result
    }

    /// Every key shared by two commands in one context, and every key a screen takes from the
    /// global context without ``Binding/overridesGlobal``. Empty for a sound table.
    public func conflicts() -> [KeyConflict] {
        var result: [KeyConflict] = []
        let contexts = orderedContexts()
        for context in contexts {
            var claims: [Key: [CommandID]] = [:]
            var order: [Key] = []
            for binding in bindings(in: context) {
                for key in binding.keys {
                    if claims[key] == nil { order.append(key) }
                    claims[key, default: []].append(binding.id)
                }
            }
            for key in order where claims[key]!.count > 1 {
                result.append(KeyConflict(context: context, key: key, commands: claims[key]!))
            }
        }
        let global = bindings(in: KeyMap.global)
        for binding in bindings where binding.context != KeyMap.global && !binding.overridesGlobal {
            for key in binding.keys {
                for other in global where other.keys.contains(key) && other.id != binding.id {
                    result.append(KeyConflict(context: binding.context, key: key, commands: [binding.id, other.id]))
                }
            }
        }
        return result
    }

    /// Bindings a user could not learn about: no keys, no description, or shown in the footer
    /// without a label.
    public func undescribed() -> [Binding] {
        bindings.filter { binding in
            binding.keys.isEmpty
                || binding.description.allSatisfy(\.isWhitespace)
                || (binding.showInFooter && binding.label.allSatisfy(\.isWhitespace))
        }
    }

    /// The contexts in the order they first appear in the table.
    public func orderedContexts() -> [String] {
        var seen = Set<String>()
        return bindings.compactMap { seen.insert($0.context).inserted ? $0.context : nil }
    }

    /// The help overlay's title for a context.
    public func title(ofContext context: String) -> String {
        if let title = contextTitles[context] { return title }
        return context.prefix(1).uppercased() + context.dropFirst()
    }

    /// How a list of keys reads in hints and help: "j/↓".
    public static func keyText(_ keys: [Key], ascii: Bool = false) -> String {
        keys.map { $0.displayName(ascii: ascii) }.joined(separator: "/")
    }
}
