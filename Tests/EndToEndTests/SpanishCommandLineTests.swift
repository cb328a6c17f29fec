import CourseKit
import Foundation
import LibraryTestSupport
import Testing
import TestSupport

/// The command line speaks the run's language: `--help` (every command's abstract, discussion
/// and options, and ArgumentParser's own headings, from the `Commands` catalogue) and the
/// library's errors (the `Errors` catalogue).
@Suite struct SpanishCommandLineTests {
    let dir = TemporaryDirectory("help-es")

    func help(_ path: [String], _ environment: [String: String]) throws -> String {
        let r = try MusterBinary.run(path + ["--help"], home: dir.path, environment: environment)
        #expect(r.status == 0, "\(path): \(r.stderr)")
        return r.stdout
    }

    /// The subcommands `--help` lists under SUBCOMMANDS (English run), then theirs, and so on.
    func commandPaths() throws -> [[String]] {
        var paths: [[String]] = [[]], queue: [[String]] = [[]]
        while let path = queue.popLast() {
            let text = try help(path, [:])
            guard let section = text.components(separatedBy: "SUBCOMMANDS:\n").dropFirst().first else { continue }
            for line in section.split(separator: "\n") {
                guard line.hasPrefix("  "), !line.hasPrefix("   "), let name = line.split(separator: " ").first,
                    name.allSatisfy({ $0.isLetter || $0 == "-" }), name != "See"
                else { continue }
                let child = path + [String(name)]
                paths.append(child)
                queue.append(child)
            }
        }
        return paths
    }

    /// What English prose and ArgumentParser's English headings hold and Spanish never does:
    /// a help text written in the code, not in the catalogue, shows here even when the
    /// catalogue does not know it.
    static let englishMarks = ["USAGE:", "OPTIONS:", "OVERVIEW:", "Show help information.", " the ", "The ", " and ", " of "]

    /// Text with its line breaks and indentation as single spaces, so a sentence wrapped over
    /// several lines is found whole.
    static func flat(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
    }

    /// Every command's help in Spanish holds no English sentence of the catalogue and none of
    /// ArgumentParser's English headings. A help text written in the code instead of the
    /// catalogue shows here as English.
    @Test func everyCommandsHelpIsSpanish() throws {
        let paths = try commandPaths()
        #expect(paths.count > 30, "found \(paths.count) commands")
        let english = Words(.en).entries(table: "Commands"), spanish = Words(.es).entries(table: "Commands")
        let sentences = english.filter { $0.value.count > 12 && spanish[$0.key] != $0.value }.map { Self.flat($0.value) }
        for path in paths {
            let text = Self.flat(try help(path, ["MUSTER_LANG": "es"]))
            let command = "muster \(path.joined(separator: " ")) --help"
            for sentence in sentences where text.contains(sentence) { Issue.record("\(command): \"\(sentence)\"") }
            for english in Self.englishMarks where text.contains(english) { Issue.record("\(command): \"\(english)\" in \(text)") }
        }
    }

    @Test func theLanguageComesFromTheFlagTheEnvironmentOrTheLocale() throws {
        #expect(try help([], [:]).contains("Training courses, sessions, nominations and attendance"))
        #expect(try help([], ["MUSTER_LANG": "es"]).contains("Cursos de capacitación, sesiones, nominaciones y asistencia"))
        #expect(try help([], ["LC_ALL": "", "LANG": "es_CR.UTF-8"]).hasPrefix("DESCRIPCIÓN: Cursos de capacitación"))
        let flagged = try help(["import", "roster", "--lang", "es"], [:])
        #expect(flagged.contains("USO: muster import roster"), "\(flagged)")
        #expect(flagged.contains("por omisión: 50"), "the default share, in Spanish: \(flagged)")
        #expect(try help(["import", "roster"], ["MUSTER_LANG": "es", "LANG": "en_GB.UTF-8"]).contains("Importar personas"))
    }

    @Test func errorsSpeakTheLanguage() throws {
        let args = ["sessions", "nope", "--db", dir.file("lib.sqlite"), "--no-seed"]
        let spanish = try MusterBinary.run(args, home: dir.path, environment: ["MUSTER_LANG": "es"])
        #expect(spanish.status == 1)
        #expect(spanish.stderr == "muster: curso desconocido 'nope' (vea 'muster courses')\n")
        let english = try MusterBinary.run(args, home: dir.path)
        #expect(english.stderr == "muster: unknown course 'nope' (see 'muster courses')\n")
    }

    /// The developers' tools speak it too: a generated course, and the bench's steps and figures.
    @Test func theDevelopersToolsSpeakSpanish() throws {
        let db = dir.file("dev.sqlite")
        let made = try MusterBinary.run(
            ["dev", "generate", "--db", db, "--no-seed", "--people", "40", "--course", "syn-40"], home: dir.path,
            environment: ["MUSTER_LANG": "es"])
        #expect(made.status == 0 && made.stdout.hasPrefix("Generado syn-40: 40 personas, 6 sesiones en "), "\(made.stdout)\(made.stderr)")
        let bench = try MusterBinary.run(
            ["dev", "bench", "--db", db, "--course", "syn-40"], home: dir.path, environment: ["MUSTER_LANG": "es"])
        #expect(bench.status == 0 && bench.stdout.hasPrefix("ACCIÓN"), "\(bench.stdout)\(bench.stderr)")
        #expect(bench.stdout.contains("página abajo (AvPág)") && bench.stdout.contains("Primeras líneas del último cuadro:"))
        #expect(!bench.stdout.contains("MEDIAN MS") && !bench.stdout.contains("move down"))
    }

    /// A roster import's preview in Spanish: the layout, the file's dialect, the counts (grouped
    /// the Spanish way), the sections and the last word; the people's names as they are.
    @Test func aRosterImportPreviewSpeaksSpanish() throws {
        let rows = (1...1_200).map { "Persona\($0),Pérez,Mexico,p\($0)@example.org" }
        dir.write("r.csv", "given,family,country,email\nJosé,Ñúñez,Guatemala,\n" + rows.joined(separator: "\n") + "\n")
        try ShippedLibrary.copy(to: dir.file("import.sqlite"))
        let args = [
            "import", "roster", "palau-mmc-2024", dir.file("r.csv"), "--dry-run", "--db", dir.file("import.sqlite"), "--courses",
            Fixtures.coursesDirectory,
        ]
        let r = try MusterBinary.run(args, home: dir.path, environment: ["MUSTER_LANG": "es"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "\(dir.file("r.csv")): lista genérica (UTF-8, separado por comas), 1201 filas para palau-mmc-2024")
        // Spanish groups from five digits on ("12.345"), so 1201 stays whole.
        #expect(lines.contains("nuevas 1201 · reconocidas 0 · rechazadas 0 · omitidas 0 = 1201 filas; actualizadas 0"), "\(r.stdout)")
        #expect(lines.contains { $0.hasPrefix("  línea 2: GT-") && $0.hasSuffix(" José Ñúñez") })
        #expect(lines.contains("  … y 1151 más (--verbose las lista todas)"))
        #expect(lines.last == "simulación: no se escribió nada")
    }

    /// `mark` and `undo` in Spanish: the mark in the glossary's terms, the time as it is.
    @Test func markAndUndoSpeakSpanish() throws {
        try ShippedLibrary.copy(to: dir.file("mark.sqlite"))
        func muster(_ args: String...) throws -> MusterBinary.Result {
            try MusterBinary.run(
                args + ["--db", dir.file("mark.sqlite"), "--courses", Fixtures.coursesDirectory], home: dir.path,
                environment: ["MUSTER_LANG": "es"])
        }
        let marked = try muster("mark", "palau-mmc-2024", "d1-am", "PW-001", "late", "--arrival", "09:25")
        #expect(marked.stdout.hasPrefix("PW-001 Ana Tellei: con retraso 09:25 en d1-am; ahora con retraso (evento "), "\(marked.stdout)")
        let undone = try muster("undo", "palau-mmc-2024", "d1-am", "PW-001")
        #expect(undone.stdout == "PW-001 Ana Tellei: se deshizo con retraso en d1-am; ahora sin marca\n")
        let wrong = try muster("mark", "palau-mmc-2024", "d1-am", "PW-001", "late", "--arrival", "9h")
        #expect(wrong.stderr == "muster: --arrival '9h' no es una hora: escriba una hora como 09:25\n")
    }

    /// Listings for people in Spanish: headers, dates, roles and statuses; the CSV a script reads
    /// keeps its names and values.
    @Test func listingsSpeakSpanishAndTheCSVDoesNot() throws {
        try ShippedLibrary.copy(to: dir.file("list.sqlite"))
        func muster(_ args: String...) throws -> String {
            let r = try MusterBinary.run(
                args + ["--db", dir.file("list.sqlite"), "--courses", Fixtures.coursesDirectory], home: dir.path,
                environment: ["MUSTER_LANG": "es"])
            #expect(r.status == 0, "\(r.stderr)")
            return r.stdout
        }
        let courses = try muster("courses")
        #expect(courses.hasPrefix("CÓDIGO "), "\(courses)")
        #expect(courses.contains("7–9 may 2024"))
        let roster = try muster("roster", "rcm-migration-policies-2020")
        #expect(roster.hasPrefix("CÓDIGO    NOMBRE"), "\(roster)")
        #expect(roster.contains("participante") && roster.contains("confirmada"))
        let sessions = try muster("sessions", "palau-mmc-2024")
        #expect(sessions.hasPrefix("ID     INICIO"), "\(sessions)")
        #expect(sessions.contains("(esencial)"))
        let csv = try muster("roster", "rcm-migration-policies-2020", "--format", "csv")
        #expect(csv.hasPrefix("code,given_name,family_name,sex,country,agency,role,status"))
        #expect(csv.contains(",participant,confirmed"))
    }

    /// `muster doctor` in Spanish: each line's words, the paths and versions as they are.
    @Test func doctorSpeaksSpanish() throws {
        let missing = try MusterBinary.run(
            ["doctor", "--db", dir.file("doctor.sqlite")], home: dir.path, environment: ["MUSTER_LANG": "es"])
        #expect(
            missing.stdout.hasSuffix(
                "biblioteca: \(dir.file("doctor.sqlite")) aún no existe; cualquier comando de muster la crea (poblada con los archivos de curso)\n"
            ))
        try ShippedLibrary.copy(to: dir.file("doctor.sqlite"))
        let r = try MusterBinary.run(
            ["doctor", "--db", dir.file("doctor.sqlite"), "--courses", Fixtures.coursesDirectory], home: dir.path,
            environment: ["MUSTER_LANG": "es"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("idioma: es (lo eligen --lang, MUSTER_LANG") }, "\(r.stdout)")
        #expect(lines.contains { $0.hasPrefix("biblioteca: \(dir.file("doctor.sqlite")) (") })
        #expect(
            lines.contains(
                "PIN del quiosco palau-mmc-2024: sin configurar — configure uno con 'muster kiosk-pin palau-mmc-2024' antes de ejecutar su quiosco"
            ))
    }
}
