import CourseKit
import Foundation
import Testing
import TestSupport

/// Sign-in sheets, certificates and export formats: what ends up on paper or in a spreadsheet.
@Suite struct ReportPrintTests {
    let dir = TemporaryDirectory("print")

    /// The mini course with a name that tries to become markup.
    func facts(marking: Bool = true) throws -> (CourseStore, CourseFacts) {
        let store = try importStore(dir, courses: ["mini-2024"])
        try store.rosterImporter.importRoster(
            data: Data("given,family,country,agency\n<script>alert(1)</script>,O'Brien & \"Sons\",PW,BIM\n".utf8),
            name: "evil.csv", course: "mini-2024", options: RosterImportOptions(format: .generic))
        if marking {
            let course = try store.courses.course(code: "mini-2024")
            for s in try store.courses.sessions(courseID: course.id!) {
                for code in ["T-001", "T-003", "PW-001"] {
                    try store.attendance.mark(session: s, person: store.people.person(code: code), status: .present, source: .rollcall)
                }
            }
        }
        return (store, try CourseFacts.load(store, code: "mini-2024"))
    }

    @Test func signInSheetListsExpectedPeopleByFamilyNameWithCodes() throws {
        let (store, facts) = try facts(marking: false)
        let sheet = SignInSheet.build(facts, session: try store.courses.session(course: facts.course, key: "am"), blankLines: 3)
        // T-005 is substituted (not expected); the rest by family name: A, Núñez, O'Brien, O'Neil-Smith, 李.
        #expect(sheet.lines.map(\.code) == ["T-003", "T-001", "PW-001", "T-004", "T-002"])
        #expect(sheet.lines[1].name == "Núñez, José")
        #expect(sheet.rows.count == 8)
        #expect(sheet.rows[3] == ["4", "T-004", "O'Neil-Smith, Mary (facilitator)", "IOM", ""])
        #expect(sheet.rows.last == ["8", "", "", "", ""])
        #expect(sheet.when == "Tue 7 May 09:00–12:00 (Pacific/Palau)")
        let html = sheet.html()
        #expect(html.contains("<td>O&#39;Brien &amp; &quot;Sons&quot;, &lt;script&gt;alert(1)&lt;/script&gt;</td>"))
        #expect(!html.contains("<script>"))
        #expect(html.contains("@page { size: A4"))
        #expect(html.contains("thead { display: table-header-group; }"))
    }

    @Test func certificatesForTheEligibleOnePagePerPerson() throws {
        let (_, facts) = try facts()
        let eligible = Certificates.eligible(facts)
        // Mini rule: 50% of 2 sessions, no core requirement. T-003 is only nominated: still eligible.
        #expect(eligible.map(\.code) == ["T-003", "T-001", "PW-001"])
        let html = Certificates.html(eligible, facts)
        #expect(html.components(separatedBy: "<section class=\"certificate\">").count == 4)
        #expect(html.contains("break-before: page"))
        #expect(html.contains("<p class=\"name\">&lt;script&gt;alert(1)&lt;/script&gt; O&#39;Brien &amp; &quot;Sons&quot;</p>"))
        #expect(!html.contains("<script>"))
        let text = Certificates.text(eligible, facts)
        #expect(text.contains("This is to certify that\nJosé Núñez\nBureau of Immigration\nattended Mini Course\n"))
        #expect(text.contains("7 May 2024\ntaking part in 2 of 2 sessions."))
    }

    @Test func noCertificatesWithoutAttendance() throws {
        let (_, facts) = try facts(marking: false)
        #expect(Certificates.eligible(facts).isEmpty)
    }

    @Test func exportFormats() throws {
        let header = ["code", "name", "note"]
        let rows = [["T-001", "José \"Pepe\" Núñez", "=1+1"], ["T-002", "李\n小龍", "tab\there\u{1}"]]
        #expect(
            TableDocument.render(header: header, rows: rows, format: .csv)
                == "code,name,note\r\nT-001,\"José \"\"Pepe\"\" Núñez\",'=1+1\r\nT-002,\"李\n小龍\",tab\there\u{1}\r\n")
        #expect(
            TableDocument.render(header: header, rows: rows, format: .tsv, bom: true)
                == "\u{FEFF}code\tname\tnote\r\nT-001\t\"José \"\"Pepe\"\" Núñez\"\t'=1+1\r\nT-002\t\"李\n小龍\"\t\"tab\there\u{1}\"\r\n")
        let json = TableDocument.render(header: header, rows: rows, format: .json, bom: true)
        #expect(
            json == """
                [
                  {"code": "T-001", "name": "José \\"Pepe\\" Núñez", "note": "=1+1"},
                  {"code": "T-002", "name": "李\\n小龍", "note": "tab\\there\\u0001"}
                ]

                """)
        let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: String]]
        #expect(decoded?[1]["name"] == "李\n小龍")
        #expect(TableDocument.render(header: header, rows: [], format: .json) == "[]\n")
    }
}
