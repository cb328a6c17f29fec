import CourseKit
import TerminalUI

extension KeyMap {
    /// This table in `words`' language: each binding's help sentence and footer label looked up
    /// by "context/command" in `Keys.strings`, and each help section's title by
    /// "title.<context>". The keys stay as they are (a config file's rebinding survives), and
    /// there is no second hand-written table: the catalogue is the only other place a binding
    /// is named, and `WordsCatalogueTests` holds it complete in every language.
    func localized(_ words: Words) -> KeyMap {
        let bindings = bindings.map { binding -> Binding in
            var binding = binding
            let key = "\(binding.context)/\(binding.id.rawValue)"
            binding.description = words.text(key, table: "Keys", else: binding.description)
            if !binding.label.isEmpty { binding.label = words.text(key + ".label", table: "Keys", else: binding.label) }
            return binding
        }
        var titles = contextTitles
        for (context, title) in titles { titles[context] = words.text("title.\(context)", table: "Keys", else: title) }
        return KeyMap(bindings, contextTitles: titles)
    }
}

extension Words {
    /// `key` in `table`, or `fallback` when the catalogue lacks it: a binding a config file
    /// added keeps its own words rather than showing a catalogue key.
    func text(_ key: String, table: String, else fallback: String) -> String {
        let found = text(key, table: table)
        return found == key ? fallback : found
    }
}
