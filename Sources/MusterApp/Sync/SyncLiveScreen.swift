import CourseKit
import Foundation
import TerminalUI

/// The sync screen's live keys: `s` starts or stops serving, `w` starts exchanging with a
/// serving device (one prompt: its address, and its pairing code the first time) or stops,
/// `r` renames this device. The work runs in `SyncLive`, off this thread; the screen reads its
/// state on each tick (`refresh`), so drawing stays a function of the state.
extension SyncState {
    mutating func liveCommand(_ id: CommandID, _ context: inout ScreenContext) -> [Effect<AppAction>]? {
        let loaders = context.loaders, words = context.words
        switch id {
        case Command.syncServe:
            let start = !live.serving.isActive
            if start { context.note(words.sync("live.starting")) } else { _ = context.say(words.sync("live.stopped")) }
            return [.run { loaders.syncServe(start) }]
        case Command.syncWith:
            if case .running(let url, _, _) = live.exchange {
                let text = words.sync("live.exchange.stopped", SyncText.clean(url))
                return context.say(text) + [.run { loaders.syncExchange(url: nil, pair: nil) }]
            }
            context.push(exchangePrompt(text: lastPeerURL ?? "", problem: nil, words))
        case Command.syncRename:
            let label = status?.label ?? ""
            var prompt = PromptState(
                title: words.sync("live.rename.title"), message: words.sync("live.rename.message"),
                field: TextField(text: label, maxLength: 60), onSubmit: .sync(.rename), replacesDefault: !label.isEmpty)
            prompt.submitLabel = words.sync("live.rename.submit")
            context.push(prompt)
        default:
            return nil
        }
        return []
    }

    /// The prompt's answer: an address and a pairing code, or a new name.
    mutating func livePerform(_ step: SyncStep, text: String, _ context: inout ScreenContext) -> [Effect<AppAction>] {
        let loaders = context.loaders, words = context.words
        switch step {
        case .exchangeWith:
            switch Self.peerAddress(text, words) {
            case .failure(let problem):
                // The prompt opens again with the text as typed and why it will not do.
                context.push(exchangePrompt(text: text, problem: problem.text, words))
                return [.bell]
            case .success(let (url, pair)):
                return context.say(words.sync("live.exchange.started", url)) + [.run { loaders.syncExchange(url: url, pair: pair) }]
            }
        case .rename:
            let name = text.trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else { return context.fail(words.sync("live.rename.empty", status?.label ?? "")) }
            return [.run { loaders.syncRename(name) }]
        default:
            return []
        }
    }

    /// A new live status: serving that started or could not is said once in the status line.
    /// Said on any change into "on" or "failed", not only from "starting": a server that starts
    /// (or fails) before the serve key's own status is read goes from "off" straight there, and
    /// the line then stayed at "Starting to serve…" (seen in CI under load).
    mutating func receiveLive(_ now: SyncLiveStatus, peers: [SyncPeer], _ context: inout ScreenContext) -> [Effect<AppAction>] {
        let before = live, words = context.words
        live = now
        self.peers = peers
        switch (before.serving, now.serving) {
        case (.on, .on), (.failed, .failed):
            break
        case (_, .on(let server)):
            return context.say(words.sync("live.servingOn", server.urls.first ?? "", server.code), fadingAfter: 8000)
        case (_, .failed(let reason)):
            return context.fail(words.sync("live.cannotServe", reason.text(in: words.language)))
        default:
            break
        }
        if case .failed(_, let reason) = now.exchange, before.exchange != now.exchange {
            return context.fail(words.sync("live.cannotExchange", reason.text(in: words.language)))
        }
        return []
    }

    /// On each tick: live sync's state, and the whole status when records arrived.
    func refresh(_ context: ScreenContext) -> [Effect<AppAction>]? {
        guard loaded, error == nil else { return nil }
        return [.run { [loaders = context.loaders, live, version] in loaders.syncLiveIfChanged(since: live, version: version) }]
    }

    /// The address of the device exchanged with last, for `w` to offer.
    var lastPeerURL: String? { peers.first { $0.revoked == nil && $0.url != nil }?.url }

    func exchangePrompt(text: String, problem: String?, _ words: Words) -> PromptState {
        var prompt = PromptState(
            title: words.sync("live.exchange.title"),
            message: words.sync("live.exchange.message"),
            field: TextField(text: text, maxLength: 300, placeholder: "http://192.168.1.10:8731 K7QF-M2XD-9PTA"),
            onSubmit: .sync(.exchangeWith), replacesDefault: !text.isEmpty && problem == nil)
        prompt.problem = problem
        prompt.submitLabel = words.sync("live.exchange.submit")
        return prompt
    }

    struct Problem: Error, Equatable { var text: String }

    /// "192.168.1.10:8731 k7qf m2xd 9pta" → `http://192.168.1.10:8731` and the code. The address
    /// is checked when the exchange starts (which looks the host up); the code here, so a typo
    /// in it keeps the prompt open.
    static func peerAddress(_ typed: String, _ words: Words = Words(.en)) -> Result<(String, PairingCode?), Problem> {
        let parts = typed.split(whereSeparator: \.isWhitespace).map(String.init)
        guard let first = parts.first, first != "http://" else {
            return .failure(Problem(text: words.sync("live.address.missing")))
        }
        if first.contains("://") && !first.lowercased().hasPrefix("http://") {
            return .failure(Problem(text: words.sync("live.address.http")))
        }
        let url = first.contains("://") ? first : "http://\(first)"
        let rest = parts.dropFirst().joined(separator: " ")
        guard !rest.isEmpty else { return .success((url, nil)) }
        guard let code = PairingCode(typed: rest) else {
            return .failure(Problem(text: words.sync("live.address.code")))
        }
        return .success((url, code))
    }
}
