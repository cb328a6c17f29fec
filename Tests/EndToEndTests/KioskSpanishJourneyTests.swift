import Foundation
import LibraryTestSupport
import Testing
import TestSupport

/// A participant of the RCM programme checks in at a kiosk speaking Spanish (the real binary in
/// tmux), switches to English and back with the key the welcome screen shows, and the staff
/// exit speaks Spanish too.
@Suite(.serialized, .skipUnlessTmuxOrCI, .tmux)
struct KioskSpanishJourneyTests {
    let dir = TemporaryDirectory("kiosk-es-journey")
    var db: String { dir.file("lib.sqlite") }

    /// The shipped courses already loaded (`ShippedLibrary`): this suite is about what follows.
    init() throws { try ShippedLibrary.copy(to: db) }
    static let course = "rcm-migration-policies-2020"
    static let pin = "puerta-2020"

    func muster(_ args: [String], environment: [String: String] = [:]) throws -> MusterBinary.Result {
        try MusterBinary.run(args + ["--db", db, "--courses", Fixtures.coursesDirectory], home: dir.path, environment: environment)
    }

    @Test func aParticipantChecksInInSpanishOnTheRCMCourse() throws {
        #expect(try muster(["kiosk-pin", Self.course], environment: ["MUSTER_KIOSK_PIN": Self.pin]).status == 0)
        let terminal = MusterTerminal(home: dir.path)
        let tmux = terminal.tmux
        // The course file says `language: es`: its kiosk speaks Spanish on an English locale.
        try terminal.start(
            ["kiosk", Self.course, "--session", "panel", "--db", db, "--courses", Fixtures.coursesDirectory],
            environment: ["LANG": "en_US.UTF-8"])
        try tmux.waitFor(text: "Le damos la bienvenida. Escriba su nombre para registrarse.")
        try tmux.waitFor(text: "F2: English")
        try tmux.send("F2")
        try tmux.waitFor(text: "Welcome! Type your name to check in.")
        try tmux.waitFor(text: "F2: Español")
        try tmux.send("F2")
        try tmux.waitFor(text: "Le damos la bienvenida")
        try tmux.send("maria jose per", literal: true)
        try tmux.waitFor(text: "María José P.")
        try tmux.waitFor(text: "Enter: soy yo")
        try tmux.send("Enter")
        try tmux.waitFor(text: "¿Es usted?")
        try tmux.send("Enter")
        try tmux.waitFor(text: "María José, su asistencia quedó registrada a las")
        try tmux.waitFor(text: "¡Que disfrute la sesión!")

        let export = try muster(["export", "attendance", Self.course])
        #expect(export.stdout.contains(",CR-001,María José,Pérez Gutiérrez,"), "\(export.stdout)")

        try tmux.waitFor(text: "Le damos la bienvenida", timeout: 20)
        try tmux.send("F10")
        try tmux.waitFor(text: "Salida del personal: ingrese el PIN del quiosco")
        try tmux.send("0000", literal: true)
        try tmux.send("Enter")
        try tmux.waitFor(text: "PIN incorrecto")
        try tmux.send(Self.pin, literal: true)
        try tmux.send("Enter")
        try terminal.expectSaneExit(status: [0])
    }

    /// `MUSTER_LANG` (and `--lang`) win over the course's language.
    @Test func musterLangOverridesTheCoursesLanguage() throws {
        #expect(try muster(["kiosk-pin", Self.course], environment: ["MUSTER_KIOSK_PIN": Self.pin]).status == 0)
        let terminal = MusterTerminal(home: dir.path)
        try terminal.start(
            ["kiosk", Self.course, "--session", "panel", "--db", db, "--courses", Fixtures.coursesDirectory],
            environment: ["MUSTER_LANG": "en"])
        try terminal.tmux.waitFor(text: "Welcome! Type your name to check in.")
        try terminal.tmux.send("F10")
        try terminal.tmux.waitFor(text: "enter the kiosk PIN")
        try terminal.tmux.send(Self.pin, literal: true)
        try terminal.tmux.send("Enter")
        try terminal.expectSaneExit(status: [0])
    }

    @Test func aLanguageMusterDoesNotSpeakIsRefusedPlainly() throws {
        #expect(try muster(["kiosk-pin", Self.course], environment: ["MUSTER_KIOSK_PIN": Self.pin]).status == 0)
        let r = try muster(["kiosk", Self.course, "--lang", "fr"])
        #expect(r.status != 0)
        // A mistake on the command line, like any other: refused before the library opens.
        #expect(r.stderr == "muster: --lang 'fr': Muster speaks en, es (see 'muster --help')\n")
        #expect(try muster(["courses", "--lang", "fr"]).stderr == r.stderr)
        // Said in the language the rest of the environment gives, as are ArgumentParser's own.
        let spanish = ["LANG": "es_MX.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""]
        #expect(
            try muster(["courses", "--lang", "fr"], environment: spanish).stderr
                == "muster: --lang «fr»: Muster habla en, es (vea «muster --help»)\n")
        #expect(
            try muster(["courses", "--frob"], environment: spanish).stderr.hasPrefix("muster: Opción desconocida «--frob». ¿Quiso decir «"))
        #expect(
            try muster(["kiosk-pin"], environment: spanish).stderr
                == "muster: Falta el argumento «<course>» (vea «muster --help»)\n")
    }
}
