/// What `muster --version` prints: the release number, then the commit the binary was built
/// from (written by the BuildCommit plugin), so a report from the field names exact code.
enum MusterVersion {
    /// Raised by hand at each release; the commit tells builds in between apart.
    static let number = "0.9.0"

    static var text: String { "muster \(number) (commit \(BuildCommit.id))" }
}
