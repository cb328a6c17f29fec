import Foundation

/// Indico's registrant export: `ID`, `Name`, the form's fields, then fixed columns such as
/// `Registration state`, `Checked in` and `Check-in date`.
struct IndicoLayout: RosterLayout {
    let countries = CountryCache()
    let columns: ColumnMap
    let state: Int?, checkedIn: Int?, checkInDate: Int?
    let context: LayoutContext
    let width: Int

    static func recognises(_ h: [String]) -> Bool {
        h.count >= 3 && h[0] == "id" && h[1] == "name"
            && (h.contains("email address") || h.contains("registration state") || h.contains("first name"))
    }

    init(header: CSVRecord, context: LayoutContext) throws {
        let h = header.fields.map(HeaderText.normalise)
        columns = try ColumnMap(header: header.fields, keywords: false)
        state = h.firstIndex(of: "registration state")
        checkedIn = h.firstIndex(of: "checked in")
        checkInDate = h.firstIndex(of: "check-in date")
        self.context = context
        width = h.count
    }

    func map(_ record: CSVRecord) -> RowOutcome {
        if let p = Ragged.check(record, width: width) { return .rejected(line: p.line, reason: p.said) }
        let result = columns.row(from: record, limits: context.limits, countries: countries)
        guard case .success(var row) = result else { return RowOutcome(result) }
        let stateText = Cell.clean(record[state])
        if !stateText.isEmpty {
            row.status = FieldWords.indicoState(stateText)
            if row.status == nil { row.warnings.append(RowReason("registration.state", .text(stateText))) }
        }
        if FieldWords.yes(record[checkedIn]) == true {
            let at = ImportDates.candidates(record[checkInDate], zone: context.zone)
            if at.dates.isEmpty {
                row.warnings.append(RowReason("checkInDate.unknown", .text(Cell.clean(record[checkInDate]))))
            } else {
                row.attendance.append(.checkIn(at: at, out: nil))
            }
        }
        return .row(row)
    }
}

/// Eventbrite's attendee report: `Order #`, names, `Attendee Status`, `Job Title`, `Company`.
struct EventbriteLayout: RosterLayout {
    let countries = CountryCache()
    let columns: ColumnMap
    let status: Int?
    let limits: CSVLimits
    let width: Int

    static func recognises(_ h: [String]) -> Bool {
        h.contains("order #") && (h.contains("attendee status") || h.contains("ticket type"))
    }

    init(header: CSVRecord, context: LayoutContext) throws {
        columns = try ColumnMap(header: header.fields, keywords: false)
        status = header.fields.map(HeaderText.normalise).firstIndex(of: "attendee status")
        limits = context.limits
        width = header.fields.count
    }

    func map(_ record: CSVRecord) -> RowOutcome {
        if let p = Ragged.check(record, width: width) { return .rejected(line: p.line, reason: p.said) }
        let result = columns.row(from: record, limits: limits, countries: countries)
        guard case .success(var row) = result else { return RowOutcome(result) }
        let text = Cell.clean(record[status])
        if !text.isEmpty {
            row.status = FieldWords.eventbriteStatus(text)
            if row.status == nil { row.warnings.append(RowReason("attendee.status", .text(text))) }
        }
        return .row(row)
    }
}

/// pretix's check-in list: `Order code`, `Attendee name` (or its given and family parts),
/// `Checked in` holding the last entry time (`2024-05-07 08:52`), `Checked out`, `Paid`.
struct PretixLayout: RosterLayout {
    let countries = CountryCache()
    let columns: ColumnMap
    let checkedIn: Int?, checkedOut: Int?, paid: Int?
    let context: LayoutContext
    let width: Int

    static func recognises(_ h: [String]) -> Bool {
        h.contains("order code") && (h.contains("attendee name") || h.contains("attendee name: given name"))
    }

    init(header: CSVRecord, context: LayoutContext) throws {
        let h = header.fields.map(HeaderText.normalise)
        columns = try ColumnMap(header: header.fields, keywords: false)
        checkedIn = h.firstIndex(of: "checked in")
        checkedOut = h.firstIndex(of: "checked out")
        paid = h.firstIndex(of: "paid")
        self.context = context
        width = h.count
    }

    func map(_ record: CSVRecord) -> RowOutcome {
        if let p = Ragged.check(record, width: width) { return .rejected(line: p.line, reason: p.said) }
        let result = columns.row(from: record, limits: context.limits, countries: countries)
        guard case .success(var row) = result else { return RowOutcome(result) }
        if paid != nil, FieldWords.yes(record[paid]) == false { row.status = .nominated }
        let inText = Cell.clean(record[checkedIn])
        if !inText.isEmpty {
            let at = ImportDates.candidates(inText, zone: context.zone)
            let outText = Cell.clean(record[checkedOut])
            let out = outText.isEmpty ? nil : ImportDates.candidates(outText, zone: context.zone)
            if at.dates.isEmpty {
                row.warnings.append(RowReason("checkInTime.unknown", .text(inText)))
            } else {
                row.attendance.append(.checkIn(at: at, out: out))
            }
        }
        return .row(row)
    }
}
