import TerminalUI

/// A list whose rows live in the library and are read a page at a time (the roster browser, the
/// roll call): it asks for the rows on screen with half a page each side, so scrolling finds the
/// next page already there, and keeps a few pages each side of the selection, so memory stays
/// flat however far one scrolls. A row whose page has not arrived yet shows as "…".
protocol PagedList: TableScreen {
    associatedtype Page: Sendable & Equatable
    static var pageSize: Int { get }
    /// Pages kept each side of the selection's page; the rest are dropped.
    static var keptPages: Int { get }
    /// Rows in the list.
    var total: Int { get }
    var pages: [Int: Page] { get set }
    /// Pages asked for and not back yet, so a key held down asks once.
    var requested: Set<Int> { get set }
    /// The effect reading page `page`; nil before the list has loaded.
    func pageEffect(_ page: Int, _ loaders: Loaders) -> Effect<AppAction>?
}

extension PagedList {
    /// Pages that rows `range` (widened by half a page each side) need and that are neither
    /// loaded nor asked for.
    func missingPages(around range: Range<Int>) -> [Int] {
        guard total > 0 else { return [] }
        let margin = Self.pageSize / 2
        let low = max(0, range.lowerBound - margin), high = min(total - 1, max(range.lowerBound, range.upperBound - 1) + margin)
        return Array(Set((low...high).map { $0 / Self.pageSize })).sorted().filter { pages[$0] == nil && !requested.contains($0) }
    }

    /// Forgets pages far from the selection.
    mutating func trimPages() {
        let centre = (table.selection ?? 0) / Self.pageSize
        pages = pages.filter { abs($0.key - centre) <= Self.keptPages }
    }

    /// Effects fetching the pages the visible rows (and half a page around) still lack.
    mutating func fetchPages(_ loaders: Loaders, page height: Int) -> [Effect<AppAction>] {
        trimPages()
        let missing = missingPages(around: table.visibleRange(height: height))
        let effects = missing.compactMap { pageEffect($0, loaders) }
        if effects.count == missing.count { requested.formUnion(missing) }
        return effects
    }

    /// A page that arrived.
    mutating func take(page: Int, _ rows: Page) {
        requested.remove(page)
        pages[page] = rows
        trimPages()
    }
}

enum PageWindow {
    /// Rows read from row `first` on (a page boundary), cut into their pages.
    static func split<Item>(_ rows: [Item], first: Int, pageSize: Int) -> [(page: Int, items: [Item])] {
        stride(from: 0, to: rows.count, by: pageSize).map { start in
            (first / pageSize + start / pageSize, Array(rows[start..<min(rows.count, start + pageSize)]))
        }
    }
}
