import Foundation

/// The person fields a roster column can feed.
public enum RosterField: String, CaseIterable, Sendable {
    case code, given, family, name, email, sex, country, agency, position, phone, role, status, ignore
}

/// Header text as compared: no BOM or zero-width characters, trimmed, lower case, single spaces,
/// no trailing `:`, `*` or `?` ("  First Name* " and "first name" are the same column).
enum HeaderText {
    static func normalise(_ raw: String) -> String {
        var words = NameSanitizer.clean(raw).lowercased().split(separator: " ").joined(separator: " ")
        while let last = words.last, last == ":" || last == "*" || last == "?" { words.removeLast() }
        return words.trimmingCharacters(in: .whitespaces)
    }
}

/// Which column holds which person field, found from header synonyms (English, Spanish, French,
/// Portuguese), then, for long form questions ("What is your full name?"), from keywords inside
/// the header, then from `--map` overrides, which win.
struct ColumnMap {
    var columns: [RosterField: Int] = [:]

    static let synonyms: [RosterField: Set<String>] = [
        .code: ["code", "participant code", "participant", "muster code"],
        .given: [
            "first name", "given name", "given names", "firstname", "forename", "first", "given", "nombre",
            "nombres", "prenom", "prénom", "primeiro nome", "attendee name: given name",
        ],
        .family: [
            "last name", "family name", "surname", "lastname", "last", "family", "apellido", "apellidos",
            "nom de famille", "sobrenome", "attendee name: family name",
        ],
        .name: [
            "name", "full name", "fullname", "attendee name", "participant name", "nombre completo", "nom",
            "nom complet", "nome", "nome completo", "display name", "name (original name)",
        ],
        .email: [
            "email", "e-mail", "email address", "e-mail address", "mail", "user email", "correo",
            "correo electrónico", "correo electronico", "courriel", "adresse e-mail",
        ],
        .sex: ["sex", "gender", "sex/gender", "sexo", "género", "genero", "genre"],
        .country: [
            "country", "nationality", "country of residence", "country/territory", "país", "pais", "pays",
            "nacionalidad", "nationalité",
        ],
        .agency: [
            "agency", "organisation", "organization", "institution", "affiliation", "company", "employer",
            "ministry", "nominating institution", "nominating agency", "institución", "institucion",
            "organización", "organizacion", "organisme", "instituição", "entidad",
        ],
        .position: [
            "position", "job title", "designation", "post", "cargo", "puesto", "function", "fonction",
            "job", "position/title",
        ],
        .phone: [
            "phone", "phone number", "telephone", "telephone number", "mobile", "mobile phone", "cell phone",
            "teléfono", "telefono", "téléphone", "tel", "whatsapp",
        ],
        .role: ["role", "participant role", "rol", "rôle"],
        .status: ["status", "nomination status", "registration status", "estado", "statut"],
    ]

    /// Keywords searched inside long headers, for columns no synonym claimed.
    static let keywords: [(RosterField, [String])] = [
        (.given, ["first name", "given name"]),
        (.family, ["last name", "family name", "surname"]),
        (.name, ["full name", "your name"]),
        (.email, ["email", "e-mail"]),
        (.sex, ["sex", "gender"]),
        (.country, ["country", "nationality"]),
        (.agency, ["institution", "organisation", "organization", "agency", "ministry", "affiliation", "employer"]),
        (.position, ["position", "job title", "designation"]),
        (.phone, ["phone", "mobile", "whatsapp"]),
    ]

    init(columns: [RosterField: Int] = [:]) { self.columns = columns }

    /// Maps a header row. `overrides` are `--map` pairs keyed by normalised header text (or a
    /// 1-based column number); an override naming a column the header lacks is an error.
    init(header: [String], overrides: [String: RosterField] = [:], keywords useKeywords: Bool = true) throws {
        let names = header.map(HeaderText.normalise)
        for (i, name) in names.enumerated() {
            guard let field = Self.synonyms.first(where: { $0.value.contains(name) })?.key else { continue }
            if columns[field] == nil { columns[field] = i }
        }
        if useKeywords {
            let claimed = Set(columns.values)
            for (field, words) in Self.keywords where columns[field] == nil {
                if let i = names.indices.first(where: { i in !claimed.contains(i) && words.contains { names[i].contains($0) } }) {
                    columns[field] = i
                }
            }
        }
        for (column, field) in overrides.sorted(by: { $0.key < $1.key }) {
            let index =
                names.firstIndex(of: HeaderText.normalise(column)) ?? Int(column).flatMap { (1...names.count).contains($0) ? $0 - 1 : nil }
            guard let index else {
                throw MusterError.importRefused(file: "", .mapColumnMissing(column: column, header: header))
            }
            for (f, i) in columns where i == index { columns[f] = nil }
            if field != .ignore { columns[field] = index }
        }
    }

    /// Whether the map finds a person's name (given or family or full).
    var hasName: Bool { columns[.given] != nil || columns[.family] != nil || columns[.name] != nil }

    /// The person fields of one record, cleaned and checked, or the reason the row is rejected.
    func row(from record: CSVRecord, limits: CSVLimits, countries: CountryCache) -> Result<ImportRow, RowProblem> {
        var row = ImportRow(line: record.line)
        func raw(_ f: RosterField) -> String { columns[f].map { record[$0] } ?? "" }
        for f in [RosterField.given, .family, .name, .email, .code] {
            let text = raw(f)
            if text.utf8.count > limits.maxNameBytes {
                return .failure(RowProblem(line: record.line, RowReason("tooLong", .term(f.termKey), .number(limits.maxNameBytes / 1024))))
            }
            // A quoted name running over lines and holding delimiters is a quote left open that swallowed
            // the rows after it (until another quote closed it); a lone line break in a name is just dropped.
            if text.utf8.contains(0x0A) && text.utf8.contains(where: { $0 == 0x2C || $0 == 0x3B || $0 == 0x09 }) {
                return .failure(
                    RowProblem(line: record.line, RowReason("openQuote", .term(f.termKey), .number(record.line), .number(record.endLine))))
            }
        }
        row.givenName = Cell.clean(raw(.given))
        row.familyName = Cell.clean(raw(.family))
        if row.givenName.isEmpty && row.familyName.isEmpty {
            (row.givenName, row.familyName) = NameParts.split(Cell.clean(raw(.name)))
        }
        if row.givenName.isEmpty && row.familyName.isEmpty {
            return .failure(RowProblem(line: record.line, RowReason("noName")))
        }
        row.code = Cell.clean(raw(.code)).uppercased()
        if !row.code.isEmpty && !CourseFileValidator.isParticipantCode(row.code) {
            return .failure(RowProblem(line: record.line, RowReason("code.invalid", .text(row.code))))
        }
        let email = Email.normalise(raw(.email))
        if Email.isPlausible(email) {
            row.email = email
        } else if !email.isEmpty {
            row.warnings.append(RowReason("email.invalid", .text(Cell.clean(raw(.email)))))
        }
        row.phone = Cell.clean(raw(.phone))
        row.position = Cell.clean(raw(.position))
        row.agency = Cell.clean(raw(.agency))
        let sex = Cell.clean(raw(.sex))
        if !sex.isEmpty {
            row.sex = FieldWords.sex(sex)
            if row.sex == nil { row.warnings.append(RowReason("sex.unknown", .text(sex))) }
        }
        let country = Cell.clean(raw(.country))
        if !country.isEmpty {
            row.country = countries.code(country) ?? ""
            if row.country.isEmpty { row.warnings.append(RowReason("country.unknown", .text(country))) }
        }
        let role = Cell.clean(raw(.role))
        if !role.isEmpty {
            row.role = FieldWords.role(role)
            if row.role == nil { row.warnings.append(RowReason("role.unknown", .text(role))) }
        }
        let status = Cell.clean(raw(.status))
        if !status.isEmpty {
            row.status = FieldWords.status(status)
            if row.status == nil { row.warnings.append(RowReason("status.unknown", .text(status))) }
        }
        return .success(row)
    }
}

extension RosterField {
    /// The field's name in a row's reason, a key of `Terms` ("given name", "nombre").
    var termKey: String { "rowField.\(rawValue)" }
}

/// One cell's text as stored: the `'` that Muster's CSV writer puts before formula-like cells
/// removed again, then sanitised like every name (NFC, no controls or bidi, single spaces).
enum Cell {
    static func clean(_ raw: String) -> String {
        var text = Substring(raw)
        if text.first == "'", let second = text.dropFirst().unicodeScalars.first, CSVWriter.formulaStarts.contains(second) {
            text = text.dropFirst()
        }
        return isAlreadyClean(text) ? String(text) : NameSanitizer.clean(String(text))
    }

    /// A note's text: the formula guard removed like `clean`, but line breaks kept (a note is prose).
    static func cleanNote(_ raw: String) -> String {
        var text = Substring(raw)
        if text.first == "'", let second = text.dropFirst().unicodeScalars.first, CSVWriter.formulaStarts.contains(second) {
            text = text.dropFirst()
        }
        return NameSanitizer.cleanMultiline(String(text))
    }

    /// Text the sanitiser would return unchanged (the common case, kept fast): single inner spaces
    /// and only characters it keeps as they are and that NFC leaves alone: printable ASCII, Latin-1
    /// and Latin Extended letters (U+00A1–U+02FF), CJK ideographs and Hangul syllables.
    static func isAlreadyClean(_ text: Substring) -> Bool {
        var previousSpace = true
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x20:
                if previousSpace { return false }
                previousSpace = true
            case 0x21...0x7E, 0xA1...0x2FF, 0x4E00...0x9FFF, 0xAC00...0xD7A3:
                previousSpace = false
            default:
                return false
            }
        }
        return !previousSpace || text.isEmpty
    }
}

/// E-mail addresses as compared: trimmed and lower-cased (people type them in any case).
public enum Email {
    public static func normalise(_ raw: String) -> String {
        Cell.clean(raw).lowercased()
    }

    /// One `@` with something either side and no spaces: enough to refuse a name typed in the wrong column.
    static func isPlausible(_ email: String) -> Bool {
        let parts = email.utf8.split(separator: 0x40, omittingEmptySubsequences: false)  // @
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(0x2E) && !email.utf8.contains(0x20)
    }
}
