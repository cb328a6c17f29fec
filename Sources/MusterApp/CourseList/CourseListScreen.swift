import CourseKit
import Foundation
import TerminalUI

/// The course list's keys: open a course, find a person, see every session, add, edit,
/// delete (asking first, naming what goes, refused where attendance was recorded) and undo.
extension CourseListState: TableScreen {
    var screen: Screen { .courses(self) }
    var keyContexts: [String] { [KeyContext.courses, KeyContext.list, KeyContext.global] }

    func tableArea(body: Rect) -> Rect { CourseListView.tableRect(self, body: body) }

    mutating func command(_ id: CommandID, _ context: inout ScreenContext) -> [Effect<AppAction>] {
        switch id {
        case Command.open:
            guard let course = selected?.course else { return [] }
            return context.open(OverviewState(courseCode: course.code))
        case Command.sessions:
            return context.open(SessionListState())
        case Command.sync:
            return context.open(SyncState(courseCode: selected?.course.code))
        case Command.findPerson:
            context.push(PeopleSearchState())
        case Command.add:
            context.push(FormBuilder.course(nil, words: context.words))
        case Command.edit:
            guard let course = selected?.course else { return [.bell] }
            context.push(FormBuilder.course(course, words: context.words))
        case Command.copyCourse:
            guard let course = selected?.course else { return [.bell] }
            context.push(FormBuilder.copyCourse(course, words: context.words))
        case Command.delete:
            guard let summary = selected, let courseID = summary.course.id else { return [.bell] }
            let words = context.words
            context.push(
                ConfirmState(
                    dialog: .confirm(
                        title: words.courseList("delete.title"),
                        message: words.courseList("delete.question", summary.course.code, summary.course.label, summary.sessionCount),
                        destructive: true),
                    onYes: .deleteCourse(id: courseID)))
        default:
            break
        }
        return []
    }

    mutating func receive(_ action: AppAction, _ context: inout ScreenContext) -> [Effect<AppAction>]? {
        switch action {
        case .coursesLoaded(let summaries):
            load(summaries)
            return askRates(context)
        case .courseListHeadLoaded(let summaries):
            // A whole list that came first stays: the head is only for the first frame.
            guard !loaded else { return [] }
            load(summaries, head: true)
            // After the frame: a timer fires only once queued work is done and drawn, where
            // queued work would have been read before the head's frame.
            return askRates(context) + [.after(milliseconds: 0, .courseListWholeWanted)]
        case .courseListWholeWanted:
            return headOnly ? [.run { [loaders = context.loaders] in loaders.courses() }] : []
        case .courseRatesLoaded(let rates, let ids):
            applyRates(rates, for: ids)
            return []
        case .perform(.deleteCourse(let id), _):
            return context.change { try $0.courses.deleteCourse(id: id) }
        case .courseCopied(let code, let summary):
            pendingSelection = code
            return context.say(summary) + load(context)
        default:
            return nil
        }
    }

    /// The first load reads the first screenfuls alone, so the list shows before the rest of a
    /// library of 1,000 courses is read; every later load reads the whole list at once, so a
    /// selection deep in the list never lands on a shorter one.
    func load(_ context: ScreenContext) -> [Effect<AppAction>] {
        let head = loaded ? nil : max(50, 2 * context.size.height)
        return [.run { [loaders = context.loaders] in head.map(loaders.courseListHead) ?? loaders.courses() }]
    }

    mutating func listMoved(_ context: inout ScreenContext) -> [Effect<AppAction>] { askRates(context) }

    /// Reads the rates of the courses near the rows on screen that lack them.
    mutating func askRates(_ context: ScreenContext) -> [Effect<AppAction>] {
        let ids = ratesToAsk(height: context.size.height)
        return ids.isEmpty ? [] : [.run { [loaders = context.loaders] in loaders.courseRates(ids) }]
    }

    func render(into buffer: inout ScreenBuffer, body: Rect, theme: Theme, words: Words) -> HeaderLine {
        CourseListView.render(self, into: &buffer, body: body, theme: theme, words: words)
    }
}

extension Loaders {
    func courses() -> AppAction {
        attempt { .coursesLoaded(try store.courses.courseSummaries()) }
    }

    func courseListHead(_ count: Int) -> AppAction {
        attempt { .courseListHeadLoaded(try store.courses.courseSummaries(first: count)) }
    }

    func courseRates(_ courseIDs: [Int64]) -> AppAction {
        attempt { .courseRatesLoaded(try store.courses.attendanceTotals(courseIDs: courseIDs), courseIDs: courseIDs) }
    }
}
