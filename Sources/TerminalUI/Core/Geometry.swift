/// A size in terminal cells.
public struct Size: Hashable, Sendable, CustomStringConvertible {
    public var width: Int
    public var height: Int
    public init(width: Int, height: Int) { self.width = width; self.height = height }
    public var description: String { "\(width)×\(height)" }
}

/// A cell position; `x` is the column, `y` the row, both from 0 at the top left.
public struct Point: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public init(x: Int, y: Int) { self.x = x; self.y = y }
}

/// A rectangle of cells.
public struct Rect: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x; self.y = y; self.width = max(0, width); self.height = max(0, height)
    }
    public init(size: Size) { self.init(x: 0, y: 0, width: size.width, height: size.height) }
    /// One past the last column. Saturates instead of trapping, so clipping code can be handed
    /// any rectangle a layout computed.
    public var maxX: Int { x.saturatingAdd(width) }
    /// One past the last row; saturates like ``maxX``.
    public var maxY: Int { y.saturatingAdd(height) }
    public var isEmpty: Bool { width == 0 || height == 0 }
    /// The rectangle shrunk by `n` cells on every side.
    public func inset(_ n: Int) -> Rect {
        let twice = n.saturatingAdd(n)
        return Rect(
            x: x.saturatingAdd(n), y: y.saturatingAdd(n),
            width: width.saturatingSubtract(twice), height: height.saturatingSubtract(twice))
    }
    public func contains(_ p: Point) -> Bool { p.x >= x && p.x < maxX && p.y >= y && p.y < maxY }
}

extension Rect {
    /// The cells both rectangles cover; empty (at the origin of `self`) when they do not meet.
    public func intersection(_ other: Rect) -> Rect {
        let left = max(x, other.x), top = max(y, other.y)
        let right = min(maxX, other.maxX), bottom = min(maxY, other.maxY)
        guard right > left, bottom > top else { return Rect(x: x, y: y, width: 0, height: 0) }
        return Rect(x: left, y: top, width: right.saturatingSubtract(left), height: bottom.saturatingSubtract(top))
    }

    /// A rectangle of `size` centred in this one, clamped to fit inside it.
    public func centered(_ size: Size) -> Rect {
        let w = min(max(0, size.width), width), h = min(max(0, size.height), height)
        return Rect(x: x + (width - w) / 2, y: y + (height - h) / 2, width: w, height: h)
    }

    /// The first `n` rows (clamped), e.g. a header line.
    public func top(_ n: Int) -> Rect { Rect(x: x, y: y, width: width, height: min(max(0, n), height)) }

    /// The last `n` rows (clamped), e.g. a footer line.
    public func bottom(_ n: Int) -> Rect {
        let h = min(max(0, n), height)
        return Rect(x: x, y: maxY - h, width: width, height: h)
    }

    /// This rectangle without its first `n` rows.
    public func droppingTop(_ n: Int) -> Rect {
        let k = min(max(0, n), height)
        return Rect(x: x, y: y + k, width: width, height: height - k)
    }

    /// This rectangle without its last `n` rows.
    public func droppingBottom(_ n: Int) -> Rect {
        Rect(x: x, y: y, width: width, height: height - min(max(0, n), height))
    }

    public var size: Size { Size(width: width, height: height) }
}

extension Size {
    /// Whether a screen of this size can show something that needs `minimum`.
    public func fits(_ minimum: Size) -> Bool { width >= minimum.width && height >= minimum.height }
}

extension Int {
    /// `self + other`, clamped to `Int.min...Int.max` instead of trapping on overflow.
    func saturatingAdd(_ other: Int) -> Int {
        let (sum, overflow) = addingReportingOverflow(other)
        guard overflow else { return sum }
        return other > 0 ? .max : .min
    }

    /// `self - other`, clamped like ``saturatingAdd(_:)``.
    func saturatingSubtract(_ other: Int) -> Int {
        let (difference, overflow) = subtractingReportingOverflow(other)
        guard overflow else { return difference }
        return other < 0 ? .max : .min
    }
}
