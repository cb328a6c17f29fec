import MusterApp
import TerminalUI
import Testing

/// A command id's prefix says where it is bound, so `rollcall.present` is never found on the
/// roster and a rebinding file names commands the way the help overlay groups them.
@Suite struct CommandIDTests {
    /// Families shared by several screens, and the contexts they may be bound in.
    let families: [String: Set<String>] = [
        "app": [KeyContext.global],
        "list": [
            KeyContext.list, KeyContext.courses, KeyContext.sessions, KeyContext.overview, KeyContext.rollCall,
            KeyContext.roster, KeyContext.person, KeyContext.nominations,
        ],
        "edit": [KeyContext.courses, KeyContext.overview, KeyContext.roster, KeyContext.person, KeyContext.nominations],
    ]

    @Test func everyPrefixNamesTheContextItIsBoundInOrItsFamily() {
        for binding in MusterKeyMap.standard.bindings {
            let prefix = String(binding.id.rawValue.prefix { $0 != "." })
            let allowed = families[prefix] ?? [prefix]
            #expect(allowed.contains(binding.context), "\(binding.id.rawValue) is bound in '\(binding.context)'")
        }
    }

    @Test func theRollCallsOwnCommandsAreNowhereElse() {
        let elsewhere = MusterKeyMap.standard.bindings.filter { $0.id.rawValue.hasPrefix("rollcall.") && $0.context != KeyContext.rollCall }
        #expect(elsewhere.isEmpty, "\(elsewhere.map(\.id.rawValue))")
    }
}
