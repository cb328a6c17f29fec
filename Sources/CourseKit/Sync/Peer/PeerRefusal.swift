import Foundation

/// A serving device's reason for a refusal as words, carried beside the protocol's text body
/// (its English sentence, which devices of every version read) in one `x-muster-` header, so
/// the asking device says "b fue revocado en a" to a reader in Spanish.
///
/// The header comes from another device and is not trusted: only a `refusal.*` key of the
/// `Sync` catalogue this device knows is said, with exactly as many plain values as its text
/// has blanks, each sanitised like any text from a peer. Anything else (an older device, a
/// newer key, a forged header) falls back to the body's sentence.
enum PeerRefusal {
    static let header = "x-muster-said"

    /// The header for a refusal's reason (base64 of its JSON: a header value stays ASCII).
    static func headers(_ reason: ChangeSummary) -> [String: String] {
        [header: Data(reason.json.utf8).base64EncodedString()]
    }

    /// The reason an answer's header carries, when it is one this device can say.
    static func reason(_ answer: SyncMessage) -> ChangeSummary? {
        guard let value = answer.headers[header], value.utf8.count <= 4096,
            let json = Data(base64Encoded: value).map({ String(decoding: $0, as: UTF8.self) }),
            let said = ChangeSummary(json: json), said.table == "Sync", said.key.hasPrefix("refusal."),
            let english = Words(.en).entries(table: "Sync")[said.key]
        else { return nil }
        var values: [ChangeSummary.Part] = []
        for part in said.parts {
            guard case .text(let text) = part else { return nil }
            values.append(.text(NameSanitizer.clean(String(text.prefix(200)))))
        }
        guard values.count == blanks(in: english) else { return nil }
        return ChangeSummary(said.key, parts: values, table: "Sync")
    }

    /// The `%@` blanks of a format ("%1$@ was revoked on %2$@" has two).
    static func blanks(in format: String) -> Int {
        format.components(separatedBy: "%").dropFirst().filter { piece in
            piece.drop { $0.isNumber || $0 == "$" }.first == "@"
        }.count
    }
}
