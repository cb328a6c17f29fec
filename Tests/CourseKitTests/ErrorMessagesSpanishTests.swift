import CourseKit
import Foundation
import Testing

/// Every error the library can give, in Spanish: from the `Errors` catalogue, with its values
/// in place and its statuses in the glossary's terms.
@Suite struct ErrorMessagesSpanishTests {
    static let refusals: [Refusal] = [
        .substituteNotNamed, .alreadyInStatus(code: "PW-001", name: "Ana", status: "confirmed"), .substituteIsThemselves,
        .substituteAlreadyExpected(code: "PW-001", name: "Ana", status: "walk-in"), .mergeIntoThemselves,
        .notAWalkIn(code: "PW-001", status: "nominated"), .mergeErased(code: "PW-001"), .editErased(code: "PW-001"),
        .alreadyMerged(code: "PW-001", into: "PW-002"),
        .neverMerged(code: "PW-001"), .unmergeAmbiguous(code: "PW-001", merged: ["PW-002", "PW-003"]),
        .notAMerge(summary: QuotedSummary(logged: "x")),
        .markedSinceMerge(code: "PW-001", course: "c", session: "am", now: "late", then: "present"), .alreadyOnRoster,
        .hasAttendance(code: "PW-001"), .courseHasAttendance(code: "c", events: 12_345), .sessionHasAttendance(title: "t", events: 1),
        .sessionHasAttendance(title: "t", events: 2), .sessionGone, .courseCodeTaken(code: "c"), .noCourse(id: 7),
        .notSaved(what: "course"),
        .markedSessionMissing(session: "am", course: "c"), .markedPersonMissing(code: "PW-001", course: "c"), .noEvent(UUID()),
        .markAlreadyUndone, .timeOffSessionDay(what: "arrival", time: "09:25", day: "2024-05-07"),
        .timeOffSessionDay(what: "departure", time: "09:25", day: "2024-05-07"),
        .departureBeforeArrival(arrival: "10:00", departure: "09:00"), .timeNeedsAttendance(what: "arrival", status: "absent"),
        .timeNeedsAttendance(what: "departure", status: "excused"), .nothingToLeaveFrom(code: "PW-001", name: "Ana"),
        .noChange(id: 3), .notUndoable(summary: QuotedSummary(logged: "x"), fromKiosk: false),
        .notUndoable(summary: QuotedSummary(logged: "x"), fromKiosk: true), .undoOfUndo, .changeAlreadyUndone,
        .changedSince(summary: QuotedSummary(logged: "x")),
        .libraryHasWriter(command: "muster kiosk", pid: 12_345),
    ]

    static let imports: [ImportRefusal] = [
        .notARoster(searchedRows: 20), .noGenericHeader(searchedRows: 20), .noHeader(format: "Zoom", searchedRows: 20),
        .noNameColumn(line: 17_347), .noJoinTime(line: 2), .mapColumnMissing(column: "Nom", header: ["A", "B"]),
        .mapNeedsGenericFormat(format: "zoom"), .rowsRejected(count: 4, first: [RowProblem(line: 17_347, RowReason("noName"))]),
        .erasedPeople(lines: ["line 4"]), .tooLarge(limitBytes: 64 << 20),
    ]

    static let errors: [MusterError] =
        [
            .unknownCourse("c"), .unknownSession(course: "c", session: "am"), .unknownParticipant("PW-001"),
            .notEnrolled(person: "PW-001", course: "c"), .badStatus("here"), .nothingToUndo(person: "PW-001", session: "am"),
            .unreadable(path: "/x", reason: "gone"), .databaseLocked(path: "/x"), .diskFull(path: "/x"), .readOnly(path: "/x"),
            .database("io"), .erasedParticipant(code: "PW-001"),
        ] + refusals.map { .refused($0) } + imports.map { .importRefused(file: "a.csv", $0) }

    /// No case says in Spanish what it says in English, and none holds an English sentence of
    /// the catalogue: a message written in the code instead of the catalogue fails here.
    @Test(arguments: errors) func everyErrorHasItsSpanish(error: MusterError) {
        let spanish = error.message(in: .es), english = error.message(in: .en)
        #expect(spanish != english)
        #expect(english == error.description)
        for mark in [" the ", " is ", " was ", " not ", "nothing"] {
            #expect(!spanish.contains(mark), "\(spanish)")
        }
    }

    @Test func valuesStatusesAndNumbersFollowTheLanguage() {
        #expect(
            MusterError.refused(.alreadyInStatus(code: "PW-001", name: "Ana", status: "confirmed")).message(in: .es)
                == "PW-001 Ana ya está en estado confirmada")
        #expect(MusterError.refused(.courseHasAttendance(code: "c", events: 12_345)).message(in: .es).hasPrefix("c tiene 12.345 eventos"))
        #expect(MusterError.refused(.courseHasAttendance(code: "c", events: 12_345)).message(in: .en).hasPrefix("c has 12,345 attendance"))
        // A line number and a process id are never grouped.
        #expect(MusterError.importRefused(file: "", .noNameColumn(line: 17_347)).message(in: .es).hasPrefix("línea 17347:"))
        #expect(Refusal.libraryHasWriter(command: "muster kiosk", pid: 12_345).message(in: .es).contains("(pid 12345)"))
        #expect(
            MusterError.unknownSession(course: "c", session: "am").message(in: .es)
                == "sesión desconocida 'am' en el curso 'c' (vea 'muster sessions c')")
    }

    /// A refusal that quotes a logged change says that change in its own language when the
    /// entry kept its words, and as logged otherwise (an entry older than the words).
    @Test func aQuotedChangeFollowsTheLanguage() {
        let words = ChangeSummary("import.added", .text("palau-mmc-2024"), .text("PW-001 Ana Tellei"))
        let quoted = QuotedSummary(logged: "course file palau-mmc-2024: added PW-001 Ana Tellei", words: words)
        #expect(
            Refusal.notUndoable(summary: quoted, fromKiosk: false).message(in: .es)
                == "“archivo de curso palau-mmc-2024: se añadió a PW-001 Ana Tellei” provino de una importación; "
                + "solo se pueden deshacer los cambios hechos en las pantallas")
        #expect(
            Refusal.changedSince(summary: quoted).message(in: .en)
                == "cannot undo “course file palau-mmc-2024: added PW-001 Ana Tellei”: it was changed again since; "
                + "undo the later change first")
        let old = QuotedSummary(logged: "an old sentence")
        #expect(Refusal.notUndoable(summary: old, fromKiosk: true).message(in: .es).hasPrefix("“an old sentence” provino del quiosco;"))
    }

    /// A form's refusal beside its field: in the screen's language, a country named in it too,
    /// what the user typed as typed; a refusal the screen worded itself passes through.
    @Test func aFormsRefusalFollowsTheLanguage() {
        let exists = ValidationFailure(field: "key", key: "quota.exists", .country("BZ"))
        #expect(exists.message == "Belize already has a quota: edit that one (e on its line)")
        #expect(exists.message(in: .es) == "Belice ya tiene un cupo: edite ese (e en su línea)")
        let zone = ValidationFailure(field: "timeZone", key: "timeZone", .text("Mars/Olympus"))
        #expect(zone.message(in: .es) == "zona horaria desconocida 'Mars/Olympus'")
        #expect(ValidationFailure(field: "completion", key: "completion").message(in: .es) == "entre 0 y 100 %")
        #expect(ValidationFailure(field: "key", worded: "ya dicho").message(in: .en) == "ya dicho")
    }
}
