import Foundation

/// Turns roster rows into a plan: who is new, who is known (and how we know), what each row adds.
///
/// People are matched in a fixed order, each step only when the previous one found nobody:
/// participant code; normalised e-mail; folded name among the people on this course's roster
/// (with the same country when both give one). Two records whose identifiers conflict (both give
/// an e-mail and they differ, or both a code and they differ) are never the same person: a code
/// or e-mail found with the other identifier different rejects the row, and a name on the roster
/// with a different e-mail is someone else. A name and country alone never merge anyone outside
/// the roster: 10,000 names among 100,000 people repeat, so such a row becomes a new person,
/// listed as a possible duplicate for the coordinator to review. A step that finds two people
/// rejects the row rather than guess. Rows matching a person created earlier in the same file
/// (a duplicate registration without an e-mail) join that person. Known people keep their names
/// and fields; the file only fills fields the library has empty.
struct RosterPlanner {
    var snapshot: LibrarySnapshot
    let format: RosterFormat
    let options: RosterImportOptions
    let matcher: SessionMatcher
    let fileLabel: String
    let now: Date
    let deviceID: String
    var plan: RosterPlan

    var plannedByCode: [String: Int] = [:]
    var plannedByEmail: [String: Int] = [:]
    /// Name key + "|" + country → people this file creates (several when their e-mails differ).
    var plannedByName: [String: [Int]] = [:]
    /// Name key → people this file creates without a country.
    var plannedRosterByName: [String: [Int]] = [:]
    /// Whether the course had anyone enrolled before this import: then a tool's list is not the
    /// roster, and people it adds are walk-ins awaiting review (`enrolmentStatus`).
    let courseHadRoster: Bool
    /// Index into `plan.report.matched` of each known person already reported.
    var matchedIndex: [Int: Int] = [:]
    /// Known people this import enrols.
    var enrolling: Set<Int> = []
    var codeCounters: [String: Int]?
    /// Splits meeting stretches over the course's sessions; `finish` credits the chosen ones.
    let credit: MeetingCredit
    /// Each person's stretches in a meeting report, and the people in the order the file names them.
    var stretches: [RosterPlan.PersonRef: [MeetingStretch]] = [:]
    var stretchOrder: [RosterPlan.PersonRef] = []
    var eventIDs: Set<UUID> = []
    let folds = FoldCache()
    var agencyCache: [String: (id: Int64?, note: String)] = [:]

    enum Match {
        case none
        case found(RosterPlan.PersonRef, RosterImportReport.MatchedBy)
        case ambiguous([String], RosterImportReport.MatchedBy)
        /// A code or e-mail found, with the other identifier different: the row is refused.
        case conflict(RowReason)
    }

    init(
        snapshot: LibrarySnapshot, format: RosterFormat, options: RosterImportOptions, file: String,
        dialect: Dialect, notes: [String], now: Date, deviceID: String, rows: Int = 0
    ) {
        self.snapshot = snapshot
        self.format = format
        self.options = options
        let chosen = options.sessions.isEmpty ? snapshot.sessions : snapshot.sessions.filter { options.sessions.contains($0.key) }
        matcher = SessionMatcher(sessions: chosen, lateAfterMinutes: snapshot.course.lateAfterMinutes)
        credit = MeetingCredit(
            sessions: snapshot.sessions.sorted { $0.start < $1.start }, lateAfter: TimeInterval(snapshot.course.lateAfterMinutes * 60),
            minimumMinutes: options.minimumMinutes, minimumPercent: options.minimumPercent)
        fileLabel = (file as NSString).lastPathComponent
        self.now = now
        self.deviceID = deviceID
        courseHadRoster = !snapshot.enrolments.isEmpty
        plan = RosterPlan(
            report: RosterImportReport(
                file: file, course: snapshot.course.code, format: format,
                dialect: dialect, notes: notes))
        if format.addsPeople {  // room for every row being a new person, so the maps never rehash
            plan.newPeople.reserveCapacity(rows)
            plan.newEnrolments.reserveCapacity(rows)
            plannedByCode.reserveCapacity(rows)
            plannedByEmail.reserveCapacity(rows)
            plannedByName.reserveCapacity(rows)
        }
    }

    mutating func add(_ outcome: RowOutcome) {
        switch outcome {
        case .skipped(let line, let reason):
            plan.report.rows += 1
            plan.report.skipped.append(RowProblem(line: line, reason))
        case .rejected(let line, let reason):
            plan.report.rows += 1
            plan.report.rejected.append(RowProblem(line: line, reason))
        case .row(let row):
            plan.report.rows += 1
            add(row)
        }
    }

    private mutating func add(_ row: ImportRow) {
        for w in row.warnings { plan.report.warnings.append(RowProblem(line: row.line, w)) }
        let person: RosterPlan.PersonRef
        let keys = ([(row.givenName, row.familyName)] + row.otherNames.map(NameParts.split)).map { folds.nameKey($0.0, $0.1) }
        switch match(row, nameKeys: keys) {
        case .ambiguous(let codes, let by):
            plan.report.rejected.append(
                RowProblem(line: row.line, RowReason("ambiguous.\(by.key)", .number(codes.count), .text(codes.joined(separator: ", ")))))
            return
        case .conflict(let reason):
            plan.report.rejected.append(RowProblem(line: row.line, reason))
            return
        case .none:
            guard format.addsPeople else {
                plan.report.skipped.append(
                    RowProblem(line: row.line, RowReason("notOnRoster", .text(row.displayName), .text(snapshot.course.code))))
                return
            }
            person = create(row, nameKey: keys[0])
            let lookalikes = self.lookalikes(row, nameKeys: keys)
            if !lookalikes.isEmpty, case .planned(let i) = person {
                plan.report.possibleDuplicates.append(
                    .init(line: row.line, code: plan.newPeople[i].code, name: row.displayName, lookalikes: lookalikes))
            }
        case .found(.planned(let i), _):
            plan.report.repeatedRows += 1
            person = .planned(i)
        case .found(.existing(let i), let by):
            guard know(i, row: row, by: by) else { return }
            person = .existing(i)
        }
        claimAttendance(row, person: person)
    }

    /// `nameKeys`: the row's name, then its other names, as `FoldCache.nameKey` makes them.
    func match(_ row: ImportRow, nameKeys: [String]) -> Match {
        if !row.code.isEmpty {
            if let i = snapshot.byCode[row.code] {
                let p = snapshot.people[i]
                // A merged record's code names the person it was merged into.
                if conflicts(row, email: p.email, code: snapshot.mergedCodes.contains(row.code) ? row.code : p.code) {
                    return .conflict(
                        RowReason(
                            "conflict.code.library", .text(row.code), .text(p.code), .text("\(p.givenName) \(p.familyName)"),
                            .text(p.email), .text(row.email)))
                }
                return .found(.existing(i), .code)
            }
            if let i = plannedByCode[row.code] {
                if conflicts(row, email: plan.newPeople[i].email, code: plan.newPeople[i].code) {
                    return .conflict(
                        RowReason("conflict.code.file", .text(row.code), .text(plan.newPeople[i].email), .text(row.email)))
                }
                return .found(.planned(i), .code)
            }
        }
        if !row.email.isEmpty {
            let known = snapshot.byEmail[row.email] ?? []
            if known.count == 1 {
                let p = snapshot.people[known[0]]
                if conflicts(row, email: p.email, code: p.code) {
                    return .conflict(RowReason("conflict.email.library", .text(row.email), .text(p.code), .text(row.code)))
                }
                return .found(.existing(known[0]), .email)
            }
            if known.count > 1 { return .ambiguous(known.map { snapshot.people[$0].code }, .email) }
            if let i = plannedByEmail[row.email] {
                if conflicts(row, email: plan.newPeople[i].email, code: plan.newPeople[i].code) {
                    return .conflict(
                        RowReason("conflict.email.file", .text(row.email), .text(plan.newPeople[i].code), .text(row.code)))
                }
                return .found(.planned(i), .email)
            }
        }
        // A meeting report's e-mail is whatever account joined the call (a work login, a personal
        // address): it names nobody new, so on the roster a name is enough there; an import that
        // adds people keeps different e-mails apart.
        let loginsOnly = !format.addsPeople
        for key in nameKeys where !key.isEmpty {
            let onRoster = (snapshot.rosterByName[key] ?? []).filter {
                let p = snapshot.people[$0]
                return (row.country.isEmpty || p.country.isEmpty || p.country == row.country)
                    && (loginsOnly || !conflicts(row, email: p.email, code: p.code))
            }
            let by: RosterImportReport.MatchedBy = row.country.isEmpty ? .roster : .name
            if onRoster.count == 1 {
                return .found(.existing(onRoster[0]), snapshot.people[onRoster[0]].country == row.country ? by : .roster)
            }
            if onRoster.count > 1 { return .ambiguous(onRoster.map { snapshot.people[$0].code }, by) }
            let planned = (row.country.isEmpty ? plannedRosterByName[key] : plannedByName[key + "|" + row.country]) ?? []
            let same = planned.filter { !conflicts(row, email: plan.newPeople[$0].email, code: plan.newPeople[$0].code) }
            if same.count == 1 { return .found(.planned(same[0]), by) }
            if same.count > 1 { return .ambiguous(same.map { plan.newPeople[$0].code }, by) }
        }
        return .none
    }

    /// Two records are different people when both give an e-mail and they differ, or both a code
    /// and they differ. Whatever else they share (a name, a country) cannot outweigh that.
    func conflicts(_ row: ImportRow, email: String, code: String) -> Bool {
        (!row.email.isEmpty && !email.isEmpty && row.email != email)
            || (!row.code.isEmpty && !code.isEmpty && row.code != code.uppercased())
    }

    /// Codes of people in the library with the row's name and country (or on the roster with its
    /// name and a different e-mail): a row that matched none of them may still be one of them.
    func lookalikes(_ row: ImportRow, nameKeys: [String]) -> [String] {
        var found: [Int] = []
        for key in nameKeys where !key.isEmpty {
            if !row.country.isEmpty { found += snapshot.byNameAndCountry[key + "|" + row.country] ?? [] }
            found += (snapshot.rosterByName[key] ?? []).filter {
                row.country.isEmpty || snapshot.people[$0].country.isEmpty || snapshot.people[$0].country == row.country
            }
        }
        var seen = Set<Int>()
        return found.filter { seen.insert($0).inserted }.map { snapshot.people[$0].code }
    }

    /// The status of a new enrolment. A registration or attendance tool (Moodle, Indico,
    /// Eventbrite, pretix) lists whoever signed up or came, not whom the course accepted: once
    /// the course has a roster, someone the file adds to it arrives as a walk-in awaiting review,
    /// like a kiosk walk-in, and takes no quota place until a coordinator confirms or merges them.
    /// Into an empty course the file is the roster, and its statuses stand.
    func enrolmentStatus(_ row: ImportRow) -> NominationStatus {
        let status = row.status ?? format.defaultStatus
        guard courseHadRoster, format.listsWalkIns, status == .confirmed else { return status }
        return .walkIn
    }

    /// A known person: report the match once, fill blank fields, enrol or update the enrolment.
    /// Returns false when the row stops here (a meeting report naming someone not on the roster).
    private mutating func know(_ i: Int, row: ImportRow, by: RosterImportReport.MatchedBy) -> Bool {
        let p = snapshot.people[i]
        let enrolled = snapshot.enrolments[p.id] != nil || enrolling.contains(i)
        if !enrolled && !format.addsPeople {
            plan.report.skipped.append(
                RowProblem(line: row.line, RowReason("notEnrolled", .text(p.code), .text(row.displayName), .text(snapshot.course.code))))
            return false
        }
        if matchedIndex[i] == nil {
            matchedIndex[i] = plan.report.matched.count
            plan.report.matched.append(.init(line: row.line, code: p.code, name: row.displayName, by: by, said: []))
            plan.report.matchedRows[by, default: 0] += 1
        } else {
            plan.report.repeatedRows += 1
        }
        var changes: [RowReason] = []
        if !row.code.isEmpty && row.code != p.code.uppercased() {
            plan.report.warnings.append(
                RowProblem(line: row.line, RowReason("codeKept", .text(row.code), .text(p.code))))
        }
        fill(i, row: row, changes: &changes)
        if let state = snapshot.enrolments[p.id] {
            // A walk-in stays one until a coordinator reviews them: the tool's "attending" is not that review.
            if let status = row.status, status != state.status, state.status != .substituted,
                !(state.status == .walkIn && (status == .confirmed || status == .nominated))
            {
                changes.append(
                    RowReason("change.status", .term("nomination.\(state.status.rawValue)"), .term("nomination.\(status.rawValue)")))
                plan.statusChanges.append((state.id, status))
                snapshot.enrolments[p.id]?.status = status
            }
        } else if !enrolling.contains(i) {
            enrolling.insert(i)
            let (_, note) = agency(row)
            let status = enrolmentStatus(row)
            plan.newEnrolments.append(.init(person: .existing(i), role: row.role ?? .participant, status: status, note: note))
            snapshot.rosterByName[snapshot.nameKeys[i], default: []].append(i)
            changes.append(RowReason(status == .walkIn ? "change.enrolled.walkIn" : "change.enrolled", .text(snapshot.course.code)))
        }
        plan.report.matched[matchedIndex[i]!].said += changes
        return true
    }

    private mutating func fill(_ i: Int, row: ImportRow, changes: inout [RowReason]) {
        var f = plan.fills[i] ?? RosterPlan.PersonFill()
        let p = snapshot.people[i]
        if p.email.isEmpty, !row.email.isEmpty, snapshot.byEmail[row.email] == nil, plannedByEmail[row.email] == nil {
            f.email = row.email; snapshot.people[i].email = row.email; snapshot.byEmail[row.email] = [i]
            changes.append(RowReason("change.emailAdded"))
        }
        if p.phone.isEmpty, !row.phone.isEmpty {
            f.phone = row.phone; snapshot.people[i].phone = row.phone; changes.append(RowReason("change.phoneAdded"))
        }
        if p.position.isEmpty, !row.position.isEmpty {
            f.position = row.position; snapshot.people[i].position = row.position; changes.append(RowReason("change.positionAdded"))
        }
        if p.country.isEmpty, !row.country.isEmpty {
            f.country = row.country; snapshot.people[i].country = row.country; changes.append(RowReason("change.countryAdded"))
        }
        if p.sex == .notDisclosed, let sex = row.sex, sex != .notDisclosed {
            f.sex = sex; snapshot.people[i].sex = sex; changes.append(RowReason("change.sexAdded"))
        }
        if p.agencyID == nil, let id = agency(row).id {
            f.agencyID = id; snapshot.people[i].agencyID = id; changes.append(RowReason("change.agencyAdded"))
        }
        if f.email != nil || f.phone != nil || f.position != nil || f.country != nil || f.sex != nil || f.agencyID != nil {
            plan.fills[i] = f
        }
    }

    /// The row's agency in the library, or a note keeping the text the file gave (remembered per
    /// text and country: a roster names the same few agencies on every row).
    private mutating func agency(_ row: ImportRow) -> (id: Int64?, note: String) {
        guard !row.agency.isEmpty else { return (nil, "") }
        let cacheKey = row.agency + "|" + row.country
        if let known = agencyCache[cacheKey] { return known }
        let found: (Int64?, String) =
            snapshot.agencyID(for: row.agency, country: row.country).map { ($0, "") }
            ?? (nil, "Agency as written in \(fileLabel): \(row.agency)")
        agencyCache[cacheKey] = found
        return found
    }

    private mutating func create(_ row: ImportRow, nameKey key: String) -> RosterPlan.PersonRef {
        let code = row.code.isEmpty ? nextCode(prefix: ParticipantCodes.prefix(country: row.country)) : row.code
        let (agencyID, note) = agency(row)
        if !note.isEmpty {
            plan.report.warnings.append(
                RowProblem(line: row.line, RowReason("agency.unknown", .text(row.agency))))
        }
        let index = plan.newPeople.count
        plan.newPeople.append(
            .init(
                code: code, givenName: row.givenName, familyName: row.familyName,
                sortKey: folds.sortKey(row.givenName, row.familyName),
                sex: row.sex ?? .notDisclosed, country: row.country, agencyID: agencyID,
                position: row.position, email: row.email, phone: row.phone))
        plan.newEnrolments.append(
            .init(
                person: .planned(index), role: row.role ?? .participant, status: enrolmentStatus(row), note: note))
        plan.report.newPeople.append(.init(line: row.line, code: code, name: row.displayName))
        plannedByCode[code] = index
        if !row.email.isEmpty { plannedByEmail[row.email] = index }
        plannedByName[key + "|" + row.country, default: []].append(index)
        if row.country.isEmpty { plannedRosterByName[key, default: []].append(index) }
        return .planned(index)
    }

    /// The next free code with this prefix: `PW-031` after `PW-030`; `P-001` for people without a country.
    private mutating func nextCode(prefix: String) -> String {
        if codeCounters == nil {
            var counters: [String: Int] = [:]
            for code in snapshot.byCode.keys {
                guard let dash = code.lastIndex(of: "-"), let n = Int(code[code.index(after: dash)...]) else { continue }
                counters[String(code[..<dash]), default: 0] = max(counters[String(code[..<dash])] ?? 0, n)
            }
            codeCounters = counters
        }
        var n = codeCounters![prefix] ?? 0
        var code: String
        repeat {
            n += 1
            code = ParticipantCodes.code(prefix: prefix, number: n)
        } while snapshot.byCode[code] != nil || plannedByCode[code] != nil
        codeCounters![prefix] = n
        return code
    }

    /// The participant code a plan reference will have, for event ids and messages.
    func code(of person: RosterPlan.PersonRef) -> String {
        switch person {
        case .existing(let i): snapshot.people[i].code
        case .planned(let i): plan.newPeople[i].code
        }
    }
}
