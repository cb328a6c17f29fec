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

    /// The sentences of one certificate, shared by the text and HTML forms.
    public static func wording(_ c: Certificate, _ facts: CourseFacts) -> (title: String, lines: [String]) {
        let course = facts.course
        var lines = ["This is to certify that", c.name]
        if !c.agency.isEmpty { lines.append(c.agency) }
        lines.append("attended \(course.title)")
        if !course.programme.isEmpty { lines.append("(\(course.programme))") }
        let place = [course.venue, course.country.isEmpty ? "" : Countries.name(of: course.country) ?? ""].filter { !$0.isEmpty }
        lines.append(
            (place.isEmpty ? "" : "held at \(place.joined(separator: ", ")), ")
                + CalendarDate.rangeText(course.startDate, course.endDate, full: true))
        lines.append("taking part in \(c.attended) of \(c.sessions) sessions.")
        let by = [
            course.organiser.isEmpty ? nil : "Organised by \(course.organiser)",
            course.funder.isEmpty ? nil : "with funding from \(course.funder)",
        ]
        let credit = by.compactMap { $0 }.joined(separator: " ")
        if !credit.isEmpty { lines.append(credit + ".") }
        return ("Certificate of Attendance", lines)
    }

    /// Plain text: each certificate a block, blocks separated by a line, for a quick check or e-mail.
    public static func text(_ certificates: [Certificate], _ facts: CourseFacts) -> String {
        certificates.map { c in
            let w = wording(c, facts)
            return ([w.title.uppercased(), ""] + w.lines + ["", "Participant code: \(c.code)"]).joined(separator: "\n") + "\n"
        }.joined(separator: "\n" + String(repeating: "-", count: 60) + "\n\n")
    }

    /// The list of the eligible first, then one certificate per A4 landscape page.
    public static func html(_ certificates: [Certificate], _ facts: CourseFacts) -> String {
        let course = facts.course
        let list = certificates.map {
            "<tr><td>\(HTML.escape($0.code))</td><td>\(HTML.escape($0.name))</td><td>\(HTML.escape($0.agency))</td>"
                + "<td>\($0.attended)/\($0.sessions)</td></tr>"
        }.joined(separator: "\n")
        let pages = certificates.map { c -> String in
            let w = wording(c, facts)
            let lines = w.lines.enumerated().map { i, line in  // the second line is the name
                i == 1 ? "<p class=\"name\">\(HTML.escape(line))</p>" : "<p>\(HTML.escape(line))</p>"
            }.joined(separator: "\n")
            return
                "<section class=\"certificate\">\n<h2>\(HTML.escape(w.title))</h2>\n\(lines)\n<p class=\"code\">\(HTML.escape(c.code))</p>\n</section>"
        }.joined(separator: "\n")
        let body = """
            <section class="list">
            <h1>\(HTML.escape(course.title))</h1>
            <p>\(certificates.count) eligible by the course's rule.</p>
            <table><thead><tr><th>Code</th><th>Name</th><th>Agency</th><th>Sessions</th></tr></thead>
            <tbody>
            \(list)
            </tbody></table>
            </section>
            \(pages)
            """
        return HTML.page(
            title: "Certificates — \(course.title)",
            style: """
                @page { size: A4 landscape; }
                table { border-collapse: collapse; } th, td { border: 1px solid #000; padding: 3pt 6pt; text-align: left; }
                .certificate { break-before: page; page-break-before: always; text-align: center; padding-top: 30mm; }
                .certificate h2 { font-size: 28pt; letter-spacing: 1pt; margin-bottom: 18pt; }
                .certificate p { font-size: 14pt; margin: 6pt 0; }
                .certificate .name { font-size: 24pt; font-weight: bold; margin: 12pt 0; }
                .certificate .code { font-size: 8pt; color: #555; margin-top: 24pt; }
                """, body: body)
    }
}
