import Foundation

extension UUID {
    /// The id as Muster stores and prints it: lower-case hex in the 8-4-4-4-12 form, what
    /// `uuidString.lowercased()` gives.
    ///
    /// Why: `uuidString` formats through `snprintf` and `lowercased()` then copies it again; a
    /// 100,000-person import makes 300,000 ids, and `uuidString` alone was 2 % of its CPU
    /// (`perf`). This writes the 36 bytes once.
    public var lowercaseText: String {
        let bytes = withUnsafeBytes(of: uuid) { Array($0) }
        return String(unsafeUninitializedCapacity: 36) { text in
            let digits: StaticString = "0123456789abcdef"
            var at = 0
            for (index, byte) in bytes.enumerated() {
                if index == 4 || index == 6 || index == 8 || index == 10 {
                    text[at] = UInt8(ascii: "-")
                    at += 1
                }
                text[at] = digits.utf8Start[Int(byte >> 4)]
                text[at + 1] = digits.utf8Start[Int(byte & 0x0F)]
                at += 2
            }
            return at
        }
    }
}
