import Foundation
import LibraryTestSupport
import Testing
import TestSupport

/// `muster report`, `certificates` and `sheet` in the course's language (issue 19): the RCM
/// course says `language: es`, so its documents are Spanish unless `--lang` or `MUSTER_LANG`
/// says otherwise; Palau has no language and follows the locale (C here: English).
@Suite struct SpanishReportCommandTests {
    let dir = TemporaryDirectory("cli-spanish")
    var db: String { dir.file("lib.sqlite") }

    func muster(_ args: String..., environment: [String: String] = [:]) throws -> MusterBinary.Result {
        let courses = dir.file("courses")
        if !FileManager.default.fileExists(atPath: courses) {
            try FileManager.default.createDirectory(atPath: courses, withIntermediateDirectories: true)
            for code in ["rcm-migration-policies-2020", "palau-mmc-2024"] {
                try FileManager.default.copyItem(atPath: ImportFixtures.course(code), toPath: dir.file("courses/\(code).yaml"))
            }
        }
        return try MusterBinary.run(args + ["--db", db, "--courses", courses], home: dir.path, environment: environment)
    }

    /// The RCM report in Spanish, word for word, by the course's own language.
    @Test func theRCMReportIsSpanishByDefault() throws {
        let spanish = try muster("report", "rcm-migration-policies-2020")
        #expect(spanish.status == 0, "\(spanish.stderr)")
        assertSnapshot(spanish.stdout, named: "report-rcm-es")
        #expect(try muster("report", "rcm-migration-policies-2020", "--lang", "es").stdout == spanish.stdout)

        let english = try muster("report", "rcm-migration-policies-2020", "--lang", "en")
        #expect(english.stdout.contains("Nominations against quotas\n") && !english.stdout.contains("Nominaciones"))
        let byEnvironment = try muster("report", "rcm-migration-policies-2020", environment: ["MUSTER_LANG": "en"])
        #expect(byEnvironment.stdout == english.stdout)

        let palau = try muster("report", "palau-mmc-2024", "--format", "html")
        #expect(palau.stdout.contains("<html lang=\"en\">") && palau.stdout.contains("Attendance per session"))
        let html = try muster("report", "rcm-migration-policies-2020", "--format", "html")
        #expect(html.stdout.contains("<html lang=\"es\">") && html.stdout.contains("Asistencia por sesión"))
        let all = try muster("report", "--all", "--lang", "es", "--format", "markdown")
        #expect(all.stdout.hasPrefix("# Cursos (todos)\n"))
        #expect(try muster("report", "rcm-migration-policies-2020", "--lang", "fr").status != 0)
    }

    @Test func certificatesAndSheetsFollowTheCourse() throws {
        let certificates = try muster("certificates", "rcm-migration-policies-2020")
        #expect(certificates.status == 0, "\(certificates.stderr)")
        #expect(certificates.stdout.hasPrefix("0 personas con derecho a certificado de "))
        #expect(
            try muster("certificates", "rcm-migration-policies-2020", "--lang", "en").stdout.hasPrefix("0 eligible for a certificate of "))
        let sheet = try muster("sheet", "rcm-migration-policies-2020", "panel")
        #expect(sheet.status == 0, "\(sheet.stderr)")
        #expect(sheet.stdout.hasPrefix("Hoja de firmas — ") && sheet.stdout.contains("CÓDIGO"))
        #expect(try muster("sheet", "rcm-migration-policies-2020", "panel", "--lang", "en").stdout.hasPrefix("Sign-in sheet — "))
        let html = try muster("sheet", "rcm-migration-policies-2020", "panel", "--format", "html")
        #expect(html.stdout.contains("<html lang=\"es\">"))
    }
}
