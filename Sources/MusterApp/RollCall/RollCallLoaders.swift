import CourseKit
import Foundation

/// The roll call's database work: the session and its people, the marks when another process
/// changed them, and the marks it writes (each returning the mark the store derived).
extension Loaders {
    /// Loads (or reloads) the roll call: the session and its counts, how many rows the filter
    /// shows, where the selection lands (on `focusPerson` while the filter still shows them, else
    /// at `focusIndex`) and the pages around it with their marks. A few short reads whatever the
    /// course's size: the counts come from the tallies and the rows from the roster index.
    ///
    /// `known`: what a reload after the roll call's own action need not read again (whether
    /// marks came from elsewhere changes only from outside). It is read again all the same when
    /// another process has committed since it was loaded.
    func rollCall(
        code: String, sessionKey: String?, filter: MarkFilter, focusPerson: Int64?, focusIndex: Int, pageHeight: Int,
        known loaded: RollCallData? = nil
    ) -> AppAction {
        attempt {
            let version = try store.dataVersion()
            let known = loaded?.version == version ? loaded : nil
            let course = try store.courses.course(code: code)
            let sessions = try store.courses.sessions(courseID: course.id!)
            let session: Session
            if let sessionKey {
                session = try store.courses.session(course: course, key: sessionKey)
            } else if let current = try store.courses.currentOrNextSession(courseID: course.id!) {
                session = current
            } else {
                throw MusterError.invalid("\(code) has no sessions yet")
            }
            let counts = try store.attendance.rollCallCounts(courseID: course.id!, sessionID: session.id!)
            let query = RosterQuery.rollCall(courseID: course.id!, sessionID: session.id!, filter: filter)
            let total = counts.rows(filter)
            let size = RollCallState.pageSize
            var selection = min(max(0, focusIndex), max(0, total - 1))
            var first = 0
            var rows: [RosterListEntry] = []
            if total > 0, let focusPerson,
                let window = try store.rosters.rosterWindow(query, around: focusPerson, margin: pageHeight, pageSize: size, total: total)
            {
                (selection, first, rows) = (window.position, window.first, window.items)
            } else if total > 0 {
                let firstPage = max(0, selection - pageHeight) / size, lastPage = min(total - 1, selection + pageHeight) / size
                first = firstPage * size
                rows = try store.rosters.rosterPage(query, offset: first, limit: (lastPage - firstPage + 1) * size, total: total)
            }
            let marks = try store.attendance.marks(sessionID: session.id!, personIDs: rows.map { $0.person.id! })
            var pages: [Int: RollCallPage] = [:]
            for (page, slice) in PageWindow.split(rows, first: first, pageSize: size) {
                pages[page] = RollCallPage(items: slice, marks: marks.filter { id, _ in slice.contains { $0.person.id == id } })
            }
            let data = RollCallData(
                course: course, session: session, dayNumber: CourseDays.number(of: session, among: sessions, zone: course.zone),
                counts: counts, version: version, localDevice: store.deviceID,
                fromElsewhere: try known?.fromElsewhere
                    ?? store.attendance.hasMarksFromElsewhere(sessionID: session.id!, device: store.deviceID))
            return .rollCallLoaded(RollCallLoad(data: data, query: query, total: total, selection: selection, pages: pages))
        }
    }

    /// The counts alone, after a mark that leaves every row where it was (no filter). The
    /// library's version is not read here: taking a newer one would hide another process's
    /// commit from the next tick, which reloads the rows only when the version moved.
    func rollCallCounts(_ data: RollCallData) -> AppAction {
        attempt {
            .rollCallCounted(
                sessionID: data.session.id!,
                try store.attendance.rollCallCounts(courseID: data.course.id!, sessionID: data.session.id!))
        }
    }

    /// One page of the roll call's query, with its people's marks.
    func rollCallPage(_ query: RosterQuery, page: Int, total: Int) -> AppAction {
        attempt {
            let size = RollCallState.pageSize
            let items = try store.rosters.rosterPage(query, offset: page * size, limit: size, total: total)
            let marks = try store.attendance.marks(
                sessionID: query.filter.sessionMark?.sessionID ?? 0, personIDs: items.map { $0.person.id! })
            return .rollCallPageLoaded(query: query, page: page, RollCallPage(items: items, marks: marks))
        }
    }

    /// The roll call's `/`, `n` and `N`: the roster's search over the roll call's query.
    func rollCallFind(_ query: RosterQuery, text: String, from start: Int, startPerson: Int64?, backwards: Bool) -> AppAction {
        attempt {
            .rollCallFound(
                query: query, text: text,
                try store.rosters.rosterFind(text, in: query, from: start, startPerson: startPerson, backwards: backwards))
        }
    }

    func mark(
        _ session: Session, _ person: Person, _ status: AttendanceStatus, arrival: Date? = nil, note: String = "", advance: Bool
    ) -> AppAction {
        attempt {
            .marked(
                try store.attendance.mark(
                    session: session, person: person, status: status, source: .rollcall, arrival: arrival, note: note),
                name: person.displayName, advance: advance)
        }
    }

    /// Someone left at `time`: their present or late mark gains the departure.
    func departure(_ session: Session, _ person: Person, at time: Date) -> AppAction {
        attempt {
            .marked(
                try store.attendance.recordDeparture(session: session, person: person, at: time, source: .rollcall),
                name: person.displayName, advance: false)
        }
    }

    /// The library's clock, only to fill in a prompt's default time ("now" while the session runs).
    func now() -> Date { store.clock() }

    /// `P`: everyone the roll call expects who has no mark yet, read when the user agreed.
    func markAllPresent(_ session: Session, _ query: RosterQuery) -> AppAction {
        attempt {
            var unmarked = query
            unmarked.filter.sessionMark = SessionMarkFilter(sessionID: session.id!, marks: .unmarked)
            let people = try store.rosters.rosterPage(unmarked, offset: 0, limit: Int.max).map(\.person)
            // One transaction and one logged change for the whole batch, so one `u` takes it back.
            return .markedBatch(try store.attendance.markBatch(session: session, people: people, status: .present, source: .rollcall))
        }
    }

    /// Undoes one entry of the roll call's undo stack: a single mark, or a whole batch.
    func undo(_ entry: RollCallUndo) -> AppAction {
        attempt {
            switch entry {
            case .mark(let eventID): .undone(try store.attendance.undo(eventID: eventID, source: .rollcall))
            case .batch(let changeID, _): .undoneBatch(changeID: changeID, try store.attendance.undoBatch(changeID: changeID))
            }
        }
    }
}
