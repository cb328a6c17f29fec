import Foundation

// libFuzzer entry point for Muster's input-facing code. This file is not part of the Swift
// package: `scripts/fuzz` compiles it with CourseKit's pure sources (no GRDB, Yams or Crypto)
// under `-sanitize=fuzzer,address`, so coverage guidance and AddressSanitizer see the real code
// without instrumenting the whole dependency tree. One binary serves every target; the target is
// chosen by MUSTER_FUZZ_TARGET so the script compiles once.

/// Which code an input is thrown at.
enum FuzzTarget: String, CaseIterable {
    /// Bytes → encoding, delimiter and records (DelimitedFileReader).
    case csv
    /// Bytes → records → the layout recogniser and the adapters that map rows to people.
    case recogniser
    /// Bytes (as UTF-8, lossily) → NameSanitizer.
    case sanitiser

    static let current: FuzzTarget = {
        let name = ProcessInfo.processInfo.environment["MUSTER_FUZZ_TARGET"] ?? "csv"
        guard let target = FuzzTarget(rawValue: name) else {
            FileHandle.standardError.write(Data("MUSTER_FUZZ_TARGET must be one of csv, recogniser, sanitiser\n".utf8))
            exit(2)
        }
        return target
    }()
}

@_cdecl("LLVMFuzzerTestOneInput")
public func muster_fuzz_one(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = size == 0 || data == nil ? Data() : Data(bytes: data!, count: size)
    switch FuzzTarget.current {
    case .csv: FuzzChecks.csv(bytes)
    case .recogniser: FuzzChecks.recogniser(bytes)
    case .sanitiser: FuzzChecks.sanitiser(bytes)
    }
    return 0
}
