import Foundation

/// Attendance from roster files: marks matched to sessions, check-ins timed against the late
/// threshold, online stretches added up per person and session.
///
/// Events get name-based ids (`StableID`) from what they say, so a second import of the same file
/// finds them already recorded. Marks from Muster's own export keep their recording time, source
/// and device, and also count as recorded when an event with the same session, person, status,
/// time, source and device exists (the library the file was exported from). Marks from other
/// tools are recorded now, from this device, with source `import`: being the latest word, they
/// win over earlier marks, and any later correction wins over them.
extension RosterPlanner {
    mutating func claimAttendance(_ row: ImportRow, person: RosterPlan.PersonRef) {
        for claim in row.attendance {
            switch claim {
            case .mark(let m):
                let session: Session?
                switch m.session {
                case .key(let key): session = matcher.session(key: key)
                case .start(let date): session = matcher.session(startingAt: date)
                }
                guard let session else {
                    warn(row.line, noSession(for: m.session))
                    continue
                }
                addEvent(
                    session: session, person: person, status: m.status, arrival: m.arrival, departure: m.departure,
                    recorded: m.recorded, note: m.note, line: row.line)
            case .checkIn(let at, let out):
                guard let (session, time) = matcher.session(containing: at) else {
                    warn(row.line, RowReason("checkIn.noSession" + chosen, .text(describe(at)), .text(snapshot.course.code)))
                    continue
                }
                let departure = out?.dates.filter { $0 >= time }.min()
                addEvent(
                    session: session, person: person, status: matcher.arrivalStatus(time, in: session), arrival: time,
                    departure: departure, recorded: nil, note: "", line: row.line)
            case .meeting(let join, let leave, let minutes):
                guard let stretch = credit.stretch(join: join, leave: leave, minutes: minutes, line: row.line),
                    !credit.sessionsCovered(by: [stretch]).isEmpty
                else {
                    warn(row.line, RowReason("online.noSession", .text(describe(join)), .text(snapshot.course.code)))
                    continue
                }
                if stretches[person] == nil { stretchOrder.append(person) }
                stretches[person, default: []].append(stretch)
            }
        }
    }

    /// Turns the meeting stretches into events and returns the finished plan. `isRecorded` says
    /// whether an event (by id, or by equal content for Muster's own marks) is already in the library.
    ///
    /// Every session the meeting covers gets an event for everyone in the report: present or late
    /// with enough minutes inside it, absent otherwise (also when they were only in another of its
    /// sessions), so the preview's counts for each session add up to the people in the meeting.
    mutating func finish(isRecorded: (RosterPlan.Event, _ personID: Int64, _ byContent: Bool) throws -> Bool) throws -> RosterPlan {
        // Covered sessions from the whole course, then narrowed: choosing sessions must not change
        // what the chosen ones get (someone only in an earlier session is still absent in this one).
        let covered = credit.sessionsCovered(by: stretches.values.flatMap { $0 })
            .filter { options.sessions.isEmpty || options.sessions.contains($0.key) }
        for person in stretchOrder {
            let mine = stretches[person] ?? []
            for session in covered {
                let c = credit.credit(mine, in: session)
                let length = Int((session.end.timeIntervalSince(session.start) / 60).rounded())
                let lines = c.lines.map(String.init).joined(separator: ", ")
                let note =
                    c.lines.isEmpty
                    ? "not online during this session (\(fileLabel))"
                    : "\(Int(c.minutes.rounded())) of \(length) min online (\(fileLabel) line\(c.lines.count > 1 ? "s" : "") \(lines))"
                addEvent(
                    session: session, person: person, status: c.status, arrival: c.arrival, departure: c.departure,
                    recorded: nil, note: note, line: c.lines.first ?? mine.first?.line ?? 0)
            }
        }
        stretches = [:]
        stretchOrder = []
        plan.report.sessions = sessionCounts()
        var kept: [RosterPlan.Event] = []
        for event in plan.events {
            if case .existing(let i) = event.person, try isRecorded(event, snapshot.people[i].id, event.restored) {
                plan.report.eventsAlreadyRecorded += 1
            } else {
                kept.append(event)
            }
        }
        plan.events = kept
        plan.report.eventsAdded = kept.count
        plan.report.enrolmentsAdded = plan.newEnrolments.count
        plan.report.enrolmentsChanged = plan.statusChanges.count
        plan.upkeep = options.derivedUpkeep
        return plan
    }

    private mutating func addEvent(
        session: Session, person: RosterPlan.PersonRef, status: AttendanceStatus, arrival: Date?,
        departure: Date?, recorded: RecordedStamp?, note: String, line: Int
    ) {
        guard let sessionID = session.id else { return }
        var name = [
            format.rawValue, snapshot.course.code, session.key, code(of: person), status.rawValue,
            arrival.map { String($0.ms) } ?? "", departure.map { String($0.ms) } ?? "",
        ]
        if let recorded { name += [String(recorded.at.ms), recorded.source.rawValue, recorded.device] }
        let id = StableID.uuid(name: name.joined(separator: "|"))
        guard eventIDs.insert(id).inserted else { return }  // the same mark twice in one file
        plan.events.append(
            .init(
                id: id, sessionID: sessionID, person: person, status: status, arrival: arrival,
                departure: departure, recordedAt: recorded?.at ?? now, device: recorded?.device ?? deviceID,
                source: recorded?.source ?? .importFile, actor: recorded?.actor.flatMap { $0.isEmpty ? nil : $0 },
                note: note.isEmpty && recorded == nil ? "\(format.label): \(fileLabel) line \(line)" : note,
                restored: recorded != nil))
    }

    /// ".chosen" when the import credits only some sessions: the messages about the others say so.
    private var chosen: String { options.sessions.isEmpty ? "" : ".chosen" }

    /// Per session, in the course's order, how many of the plan's events are each mark.
    private func sessionCounts() -> [RosterImportReport.SessionCount] {
        var tally: [Int64: [AttendanceStatus: Int]] = [:]
        for e in plan.events { tally[e.sessionID, default: [:]][e.status, default: 0] += 1 }
        let zone = snapshot.course.zone
        return snapshot.sessions.compactMap { session in
            guard let id = session.id, let n = tally[id] else { return nil }
            return .init(
                key: session.key, when: DateText.sessionWhen(session.start, session.end, in: zone),
                present: n[.present] ?? 0, late: n[.late] ?? 0, excused: n[.excused] ?? 0, absent: n[.absent] ?? 0)
        }
    }

    private mutating func warn(_ line: Int, _ reason: RowReason) {
        plan.report.warnings.append(RowProblem(line: line, reason))
    }

    /// A mark whose session the course does not have: named by its key or by its start.
    private func noSession(for ref: MarkClaim.SessionRef) -> RowReason {
        switch ref {
        case .key(let key): RowReason("mark.noSession.key" + chosen, .text(snapshot.course.code), .text(key))
        case .start(let date):
            RowReason("mark.noSession.start" + chosen, .text(snapshot.course.code), .text(LocalTime.format(date, in: snapshot.course.zone)))
        }
    }

    private func describe(_ time: TimeCandidates) -> String {
        time.dates.first.map { LocalTime.format($0, in: snapshot.course.zone) } ?? "?"
    }
}
