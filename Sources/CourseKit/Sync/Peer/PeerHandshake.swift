import Crypto
import Foundation

/// The first request of every live exchange, `hello`, and its answer: each side shows its origin
/// key (Ed25519, the one its bundles are signed with) and a fresh X25519 key, signs both, and —
/// when pairing — proves it knows the pairing code. The two X25519 keys give the exchange's
/// session keys (`PeerChannel`), so everything after the hello is encrypted and authenticated
/// with keys no one on the venue network can learn, even one who knows the pairing code, and a
/// recorded exchange cannot be read later (fresh keys each time).
///
/// A peer is accepted when its origin key is trusted (`sync_peer`, not revoked), or when it
/// proves the pairing code, which then trusts it. This is the shape of a SIGMA handshake with
/// pinned keys; TLS with self-signed certificates would need the same pinning and more moving parts.
struct PeerHello: Codable, Sendable {
    var version = 1
    /// Base64 of the raw Ed25519 public key; the origin is derived from it.
    var publicKey: String
    var label: String
    /// Base64 of the X25519 public key made for this exchange.
    var ephemeral: String
    /// Base64 of 16 random bytes.
    var nonce: String
    /// Base64 of the HMAC of `transcript` with the pairing code (when pairing).
    var pairProof: String?
    /// Base64 of the Ed25519 signature of `transcript`.
    var signature: String = ""

    var transcript: Data { Data("muster-hello-v1\n\(publicKey)\n\(label)\n\(ephemeral)\n\(nonce)".utf8) }
}

/// The serving peer's answer to a hello.
struct PeerWelcome: Codable, Sendable {
    var version = 1
    var publicKey: String
    var label: String
    var ephemeral: String
    var nonce: String
    /// The session the client names in every later request.
    var session: String
    var pairProof: String?
    var signature: String = ""

    /// Bound to the client's hello, so a welcome cannot be replayed to another client.
    func transcript(hello: PeerHello) -> Data {
        let helloHash = lowerHex(SHA256.hash(data: hello.transcript))
        return Data("muster-welcome-v1\n\(helloHash)\n\(publicKey)\n\(label)\n\(ephemeral)\n\(nonce)\n\(session)".utf8)
    }
}

/// One side's half of a handshake in progress: its fresh X25519 key.
struct PeerHandshake {
    let ephemeral = Curve25519.KeyAgreement.PrivateKey()

    static func nonce() -> String {
        var generator = SystemRandomNumberGenerator()
        return Data((0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }).base64EncodedString()
    }

    /// The client's hello, signed with its origin key, with a pairing proof when a code is given.
    func hello(key: OriginKey, label: String, code: PairingCode?) throws -> PeerHello {
        var hello = PeerHello(
            publicKey: key.publicKey.base64EncodedString(), label: label,
            ephemeral: ephemeral.publicKey.rawRepresentation.base64EncodedString(), nonce: Self.nonce())
        hello.pairProof = code?.proof(hello.transcript).base64EncodedString()
        hello.signature = try key.sign(hello.transcript).base64EncodedString()
        return hello
    }

    /// The server's welcome to `hello`.
    func welcome(to hello: PeerHello, key: OriginKey, label: String, session: String, code: PairingCode?) throws -> PeerWelcome {
        var welcome = PeerWelcome(
            publicKey: key.publicKey.base64EncodedString(), label: label,
            ephemeral: ephemeral.publicKey.rawRepresentation.base64EncodedString(), nonce: Self.nonce(), session: session)
        let transcript = welcome.transcript(hello: hello)
        welcome.pairProof = code?.proof(transcript).base64EncodedString()
        welcome.signature = try key.sign(transcript).base64EncodedString()
        return welcome
    }

    /// The public key a signed message names, when the signature over `transcript` is its own.
    static func signer(publicKey: String, signature: String, transcript: Data) -> Data? {
        guard let key = Data(base64Encoded: publicKey), key.count == 32, let signature = Data(base64Encoded: signature),
            OriginKey.verify(signature: signature, data: transcript, publicKey: key)
        else { return nil }
        return key
    }

    /// The session keys both sides derive from the two X25519 keys and both transcripts.
    func channel(session: String, hello: PeerHello, welcome: PeerWelcome, isClient: Bool) throws -> PeerChannel {
        let theirs = isClient ? welcome.ephemeral : hello.ephemeral
        guard let raw = Data(base64Encoded: theirs), let publicKey = try? Curve25519.KeyAgreement.PublicKey(rawRepresentation: raw)
        else { throw MusterError.invalid("the peer's exchange key is malformed") }
        let shared = try ephemeral.sharedSecretFromKeyAgreement(with: publicKey)
        var transcripts = hello.transcript
        transcripts.append(welcome.transcript(hello: hello))
        let salt = Data(SHA256.hash(data: transcripts))
        func key(_ direction: String) -> SymmetricKey {
            shared.hkdfDerivedSymmetricKey(
                using: SHA256.self, salt: salt, sharedInfo: Data("muster-sync-v1 \(direction)".utf8), outputByteCount: 32)
        }
        let up = key("client to server").withUnsafeBytes { Data($0) }, down = key("server to client").withUnsafeBytes { Data($0) }
        return PeerChannel(session: session, sendKey: isClient ? up : down, receiveKey: isClient ? down : up)
    }
}

/// The encrypted channel after a hello: ChaCha20-Poly1305 with one key per direction. Each
/// request carries a number one higher than the last; the number, the operation, the session
/// and the direction are authenticated with the body, so a request recorded on the network
/// cannot be replayed, reordered, or passed off as another operation or as an answer.
///
/// Holds the keys' raw bytes (swift-crypto's key type is not `Sendable`), rebuilt per message.
struct PeerChannel: Sendable {
    let session: String
    let sendKey: Data
    let receiveKey: Data

    private func aad(op: String, seq: Int64, reply: Bool) -> Data {
        Data("muster-sync-v1|\(session)|\(op)|\(seq)|\(reply ? "reply" : "request")".utf8)
    }

    func seal(_ plain: Data, op: String, seq: Int64, reply: Bool) throws -> Data {
        try ChaChaPoly.seal(plain, using: SymmetricKey(data: sendKey), authenticating: aad(op: op, seq: seq, reply: reply)).combined
    }

    /// The plain body, or nil when it was not sealed by the other side for this place in the exchange.
    func open(_ sealed: Data, op: String, seq: Int64, reply: Bool) -> Data? {
        guard let box = try? ChaChaPoly.SealedBox(combined: sealed) else { return nil }
        return try? ChaChaPoly.open(box, using: SymmetricKey(data: receiveKey), authenticating: aad(op: op, seq: seq, reply: reply))
    }
}
