import Foundation

/// Certificates of attendance for the people the course's rule makes eligible (see `CertificateEligibility`).
public struct Certificate: Sendable, Equatable {
    public var code: String
    /// "Given Family" (family first for Chinese, Japanese and Korean names), as printed.
    public var name: String
    public var agency: String
    public var attended: Int
    public var sessions: Int
}

public enum Certificates {
    /// The eligible, by family name.
    public static func eligible(_ facts: CourseFacts) -> [Certificate] {
        facts.trainees.filter(facts.isEligible)
            .sorted { NameFolding.fold($0.person.sortName) < NameFolding.fold($1.person.sortName) }
            .map { e in
                let v = facts.verdict(for: e)
                return Certificate(
                    code: e.person.code, name: e.person.displayName, agency: e.agency?.name ?? "",
                    attended: v.attended, sessions: v.sessions)
            }
    }

    /// The sentences of one certificate, shared by the text and HTML forms, in `language`.
    public static func wording(_ c: Certificate, _ facts: CourseFacts, _ language: Language = .en) -> (title: String, lines: [String]) {
        let w = ReportWords(language, table: "Certificate")
        let course = facts.course
        var lines = [w("certify"), c.name]
        if !c.agency.isEmpty { lines.append(c.agency) }
        lines.append(w.format("attended", course.title))
        if !course.programme.isEmpty { lines.append("(\(course.programme))") }
        let place = [course.venue, course.country.isEmpty ? "" : ReportWords(language).country(course.country) ?? ""].filter { !$0.isEmpty }
        let dates = ReportWords(language).range(course.startDate, course.endDate, full: true)
        lines.append(place.isEmpty ? dates : w.format("heldAt", place.joined(separator: ", "), dates))
        lines.append(w.format("sessions", c.attended, c.sessions))
        let by = [
            course.organiser.isEmpty ? nil : w.format("organisedBy", course.organiser),
            course.funder.isEmpty ? nil : w.format("fundedBy", course.funder),
        ]
        let credit = by.compactMap { $0 }.joined(separator: " ")
        if !credit.isEmpty { lines.append(credit + ".") }
        return (w("title"), lines)
    }

    /// The command's listing: how many are eligible, then a line each (`columns` are its header).
    public static func listHeading(_ count: Int, _ facts: CourseFacts, _ language: Language = .en) -> (line: String, columns: [String]) {
        let w = ReportWords(language, table: "Certificate")
        return (
            w.format("eligible", count, facts.course.title),
            ["code", "name", "sessions", "agency"].map { w("column.\($0)").uppercased(with: language.locale) }
        )
    }

    /// Plain text: each certificate a block, blocks separated by a line, for a quick check or e-mail.
    public static func text(_ certificates: [Certificate], _ facts: CourseFacts, _ language: Language = .en) -> String {
        let w = ReportWords(language, table: "Certificate")
        return certificates.map { c in
            let wording = wording(c, facts, language)
            return ([wording.title.uppercased(with: language.locale), ""] + wording.lines + ["", w.format("code", c.code)])
                .joined(separator: "\n") + "\n"
        }.joined(separator: "\n" + String(repeating: "-", count: 60) + "\n\n")
    }

    /// The list of the eligible first, then one certificate per A4 landscape page.
    public static func html(_ certificates: [Certificate], _ facts: CourseFacts, _ language: Language = .en) -> String {
        let w = ReportWords(language, table: "Certificate")
        let course = facts.course
        let list = certificates.map {
            "<tr><td>\(HTML.escape($0.code))</td><td>\(HTML.escape($0.name))</td><td>\(HTML.escape($0.agency))</td>"
                + "<td>\($0.attended)/\($0.sessions)</td></tr>"
        }.joined(separator: "\n")
        let pages = certificates.map { c -> String in
            let wording = wording(c, facts, language)
            let lines = wording.lines.enumerated().map { i, line in  // the second line is the name
                i == 1 ? "<p class=\"name\">\(HTML.escape(line))</p>" : "<p>\(HTML.escape(line))</p>"
            }.joined(separator: "\n")
            return
                "<section class=\"certificate\">\n<h2>\(HTML.escape(wording.title))</h2>\n\(lines)\n<p class=\"code\">\(HTML.escape(c.code))</p>\n</section>"
        }.joined(separator: "\n")
        let head = ["code", "name", "agency", "sessions"].map { "<th>\(HTML.escape(w("column.\($0)")))</th>" }.joined()
        let body = """
            <section class="list">
            <h1>\(HTML.escape(course.title))</h1>
            <p>\(HTML.escape(w.format("list", certificates.count)))</p>
            <table><thead><tr>\(head)</tr></thead>
            <tbody>
            \(list)
            </tbody></table>
            </section>
            \(pages)
            """
        return HTML.page(
            title: w.format("pageTitle", course.title),
            style: """
                @page { size: A4 landscape; }
                table { border-collapse: collapse; } th, td { border: 1px solid #000; padding: 3pt 6pt; text-align: left; }
                .certificate { break-before: page; page-break-before: always; text-align: center; padding-top: 30mm; }
                .certificate h2 { font-size: 28pt; letter-spacing: 1pt; margin-bottom: 18pt; }
                .certificate p { font-size: 14pt; margin: 6pt 0; }
                .certificate .name { font-size: 24pt; font-weight: bold; margin: 12pt 0; }
                .certificate .code { font-size: 8pt; color: #555; margin-top: 24pt; }
                """, body: body, language: language)
    }
}
