import CourseKit
import Foundation

/// The roster browser's database work. Each call is one short read, so the screen never waits
/// long whatever the roster's size: counts and pages come from the roster index.
extension Loaders {
    /// Loads (or reloads) the roster: the course's context, the count, where the selection
    /// lands (on `focusPerson` when the order or filter changed, else at `focusIndex`) and the
    /// pages around it.
    ///
    /// `matrix`: the attendance matrix shows, so the pages carry each person's marks and the
    /// load the column totals. The list shows neither, and reading marks for a page's people
    /// (every session of each) was 4–10 ms of each sort or filter on a 100,000-person course.
    func roster(
        code: String, query: RosterQuery?, initialFilter: RosterFilter, focusPerson: Int64?,
        focusIndex: Int, pageHeight: Int, matrix: Bool, context known: RosterContext? = nil,
        knownTotal: Int? = nil, knownPosition: Int? = nil
    ) -> AppAction {
        attempt {
            let version = try store.dataVersion()
            let course = try known?.course ?? store.courses.course(code: code)
            let query = query ?? RosterQuery(courseID: course.id!, filter: initialFilter)
            let context =
                try known
                ?? RosterContext(
                    course: course, sessions: try store.courses.sessions(courseID: course.id!),
                    facts: try store.rosters.rosterFacts(courseID: course.id!),
                    agencies: Dictionary(uniqueKeysWithValues: try store.courses.agencies().map { ($0.id!, $0) }),
                    everyone: try store.rosters.rosterCount(RosterQuery(courseID: course.id!)))
            // A new order of the same rows keeps their count.
            let total = try known != nil && knownTotal != nil ? knownTotal! : store.rosters.rosterCount(query)
            var selection = min(max(0, focusIndex), max(0, total - 1))
            let size = RosterState.pageSize
            var pages: [Int: RosterPage] = [:]
            // Around the person the selection follows, the pages are read by seeking to them in
            // the same snapshot that finds their place (deep in a big roster, OFFSET would walk
            // the index from the start).
            if total > 0, let focusPerson,
                let window = try window(query, around: focusPerson, at: knownPosition, margin: pageHeight, total: total)
            {
                selection = window.position
                let marked = try page(query.courseID, window.items, matrix: matrix)
                for (page, slice) in PageWindow.split(window.items, first: window.first, pageSize: size) {
                    let people = Set(slice.map { $0.person.id! })
                    pages[page] = RosterPage(
                        items: slice, marks: marked.marks.filter { people.contains($0.key) },
                        leftEarly: marked.leftEarly.filter { people.contains($0.key) }, withMarks: matrix)
                }
            } else if total > 0 {
                let first = max(0, selection - pageHeight) / size, last = min(total - 1, selection + pageHeight) / size
                for page in first...last { pages[page] = try rosterPage(query, page: page, total: total, matrix: matrix) }
            }
            return .rosterLoaded(
                RosterLoad(
                    courseCode: code, context: context, query: query, total: total, selection: selection,
                    pages: pages, totals: matrix ? try store.attendance.markTotals(query) : nil,
                    quotaLines: try query.filter.country.map { try store.nominations.quotaLines(courseID: course.id!, country: $0) } ?? [],
                    version: version))
        }
    }

    /// The rows around the followed person, and where they are. `position`, when the caller
    /// knows it (the same rows reversed: the row at i goes to total − 1 − i), spares counting
    /// the rows before them, which SQLite does one index entry at a time.
    private func window(
        _ query: RosterQuery, around person: Int64, at position: Int?, margin: Int, total: Int
    ) throws -> (position: Int, first: Int, items: [RosterListEntry])? {
        let size = RosterState.pageSize
        guard let position, (0..<total).contains(position) else {
            return try store.rosters.rosterWindow(query, around: person, margin: margin, pageSize: size, total: total)
        }
        let first = max(0, position - margin) / size * size
        let end = min(total, (min(total - 1, position + margin) / size + 1) * size)
        guard let items = try store.rosters.rosterPage(query, around: person, at: position, range: first..<end) else {
            return try store.rosters.rosterWindow(query, around: person, margin: margin, pageSize: size, total: total)
        }
        return (position, first, items)
    }

    func rosterPage(_ query: RosterQuery, page: Int, total: Int, matrix: Bool) -> AppAction {
        attempt { .rosterPageLoaded(query: query, page: page, try rosterPage(query, page: page, total: total, matrix: matrix)) }
    }

    func rosterTotals(_ query: RosterQuery) -> AppAction {
        attempt { .rosterTotalsLoaded(query: query, try store.attendance.markTotals(query)) }
    }

    /// `startPerson`: whose row is at `start`, when its page is loaded (the search then seeks to it).
    func rosterFind(_ query: RosterQuery, text: String, from start: Int, startPerson: Int64?, backwards: Bool) -> AppAction {
        attempt {
            .rosterFound(
                query: query, text: text,
                try store.rosters.rosterFind(text, in: query, from: start, startPerson: startPerson, backwards: backwards))
        }
    }

    func rosterFacet(_ query: RosterQuery, _ facet: RosterFacet) -> AppAction {
        attempt { .rosterFacetLoaded(facet, try store.rosters.rosterFacet(facet, in: query)) }
    }

    private func rosterPage(_ query: RosterQuery, page: Int, total: Int, matrix: Bool) throws -> RosterPage {
        let items = try store.rosters.rosterPage(
            query, offset: page * RosterState.pageSize, limit: RosterState.pageSize, total: total)
        return try self.page(query.courseID, items, matrix: matrix)
    }

    /// The rows `items` as a page, with their people's marks when the matrix shows.
    private func page(_ courseID: Int64, _ items: [RosterListEntry], matrix: Bool) throws -> RosterPage {
        guard matrix else { return RosterPage(items: items, marks: [:], withMarks: false) }
        let ids = items.map { $0.person.id! }
        return RosterPage(
            items: items, marks: try store.attendance.currentMarks(courseID: courseID, personIDs: ids),
            leftEarly: try store.attendance.leftEarly(courseID: courseID, personIDs: ids), withMarks: true)
    }
}
