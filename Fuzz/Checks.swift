import Foundation

/// The properties every input must keep. A broken property aborts, which libFuzzer records as a
/// crash with the input that caused it (saved as `crash-…` for replay).
enum FuzzChecks {
    /// Small limits so a fuzzer-sized input can reach every limit branch.
    static let limits = CSVLimits(maxFileBytes: 1 << 20, maxRowBytes: 4 << 10, maxFields: 200, maxNameBytes: 256)

    static func csv(_ bytes: Data) {
        guard let file = try? DelimitedFileReader.read(data: bytes, limits: limits) else { return }
        var previous = 0
        for record in file.records {
            require(record.line >= previous, "record lines go backwards: \(record.line) after \(previous)")
            require(record.fields.count <= limits.maxFields, "\(record.fields.count) fields over the limit")
            for field in record.fields { require(field.utf8.count <= limits.maxRowBytes, "a field longer than its record's limit") }
            previous = record.line
        }
    }

    static func recogniser(_ bytes: Data) {
        guard let file = try? DelimitedFileReader.read(data: bytes, limits: limits) else { return }
        let context = LayoutContext(
            zone: TimeZone(identifier: "Pacific/Palau")!, limits: limits, overrides: [:],
            courseCode: "fuzz-2024")
        for format in [RosterFormat.auto, .generic, .indicoImport] {
            guard let found = try? LayoutFinder.locate(file, format: format, context: context) else { continue }
            // `outcomes`, as the importer calls it: Teams' sections and join/leave list read the body whole.
            for outcome in found.layout.outcomes(found.body, header: found.header) {
                guard case .row(let row) = outcome else { continue }
                for text in [row.givenName, row.familyName, row.position, row.agency, row.code, row.email, row.phone]
                    + row.otherNames
                {
                    requireClean(text, "a mapped field on line \(row.line)")
                }
            }
        }
    }

    static func sanitiser(_ bytes: Data) {
        let raw = String(decoding: bytes, as: UTF8.self)
        let clean = NameSanitizer.clean(raw)
        requireClean(clean, "NameSanitizer.clean")
        require(NameSanitizer.clean(clean) == clean, "clean is not idempotent")
        require(clean == clean.precomposedStringWithCanonicalMapping, "clean is not NFC")
        require(clean.first != " " && clean.last != " ", "clean leaves spaces at the ends")
        require(!clean.contains("  "), "clean leaves a double space")
        for line in NameSanitizer.cleanMultiline(raw).split(separator: "\n", omittingEmptySubsequences: false) {
            requireClean(String(line), "NameSanitizer.cleanMultiline")
        }
    }

    /// No control, C1, bidi or zero-width character: nothing that could move the cursor or
    /// reorder what a terminal shows.
    static func requireClean(_ text: String, _ what: String) {
        if let bad = text.unicodeScalars.first(where: NameSanitizer.isDropped) {
            fail("\(what) kept U+\(String(bad.value, radix: 16, uppercase: true)) in \(text.debugDescription)")
        }
    }

    static func require(_ condition: Bool, _ message: @autoclosure () -> String) {
        if !condition { fail(message()) }
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("muster fuzz: \(message)\n".utf8))
        abort()
    }
}
