/// The screens of an app, the current one on top; modal dialogs are pushed like any screen.
///
/// The root is never popped: ``pop()`` returns nil at the root, which is the app's cue that `q`
/// at the top level means quit.
public struct ScreenStack<Screen> {
    public private(set) var screens: [Screen]

    public init(root: Screen) { screens = [root] }

    public var top: Screen {
        get { screens[screens.count - 1] }
        set { screens[screens.count - 1] = newValue }
    }

    public var root: Screen { screens[0] }
    public var count: Int { screens.count }
    public var isAtRoot: Bool { screens.count == 1 }

    public mutating func push(_ screen: Screen) { screens.append(screen) }

    /// Removes and returns the top screen, or nil (and no change) at the root.
    @discardableResult
    public mutating func pop() -> Screen? { isAtRoot ? nil : screens.removeLast() }

    /// Removes the screen at a depth (a dialog beneath another one closing itself); the root stays.
    public mutating func remove(at position: Int) {
        guard position > 0, screens.indices.contains(position) else { return }
        screens.remove(at: position)
    }

    /// Pops back to the root.
    public mutating func popToRoot() { screens.removeSubrange(1...) }

    public mutating func replaceTop(with screen: Screen) { top = screen }

    /// The screen at a depth (0 is the root), for updating a screen beneath a modal dialog
    /// when its data arrives.
    public subscript(position: Int) -> Screen {
        get { screens[position] }
        set { screens[position] = newValue }
    }

    /// The screen beneath the top one, for drawing behind a modal dialog.
    public var belowTop: Screen? { screens.count > 1 ? screens[screens.count - 2] : nil }
}

extension ScreenStack: Sendable where Screen: Sendable {}
extension ScreenStack: Equatable where Screen: Equatable {}
extension ScreenStack: Hashable where Screen: Hashable {}
