/// A line of text made of runs with their own roles, such as footer hints where the key names
/// stand out from their labels. Measuring and truncating it works across runs, so the hints can
/// be cut with `…` as one line.
public struct StyledText: Hashable, Sendable, ExpressibleByStringLiteral {
    public struct Run: Hashable, Sendable {
        public var text: String
        /// The run's role, or nil to use the role of whatever it is drawn with.
        public var role: StyleRole?
        public init(_ text: String, role: StyleRole? = nil) { self.text = text; self.role = role }
    }

    public var runs: [Run]

    public init(runs: [Run] = []) { self.runs = runs }
    public init(_ text: String, role: StyleRole? = nil) { self.runs = [Run(text, role: role)] }
    public init(stringLiteral value: String) { self.init(value) }

    public var isEmpty: Bool { runs.allSatisfy { $0.text.isEmpty } }
    public var plainText: String { runs.map(\.text).joined() }
    public var displayWidth: Int { runs.reduce(0) { $0 + $1.text.displayWidth } }

    public mutating func append(_ text: String, role: StyleRole? = nil) {
        runs.append(Run(text, role: role))
    }

    public mutating func append(_ other: StyledText) { runs.append(contentsOf: other.runs) }

    public static func + (lhs: StyledText, rhs: StyledText) -> StyledText {
        StyledText(runs: lhs.runs + rhs.runs)
    }

    /// At most `width` columns; when cut, the last kept run ends with `ellipsis`, whitespace
    /// before it dropped, as ``Swift/StringProtocol/truncated(toWidth:ellipsis:)`` does for
    /// plain text.
    public func truncated(toWidth width: Int, ellipsis: String = "…") -> StyledText {
        guard displayWidth > width else { return self }
        let markWidth = ellipsis.displayWidth
        guard width > 0 else { return StyledText() }
        guard markWidth <= width else { return StyledText(ellipsis.clipped(toWidth: width)) }
        var budget = width - markWidth
        var kept: [Run] = []
        for run in runs {
            let runWidth = run.text.displayWidth
            if runWidth <= budget {
                kept.append(run)
                budget -= runWidth
                continue
            }
            let part = String(run.text.sanitizedForDisplay.prefix(fittingWidth: budget).prefix)
            if !part.isEmpty { kept.append(Run(part, role: run.role)) }
            break
        }
        while let last = kept.last {
            let trimmed = String(last.text.reversed().drop(while: \.isWhitespace).reversed())
            if trimmed.isEmpty { kept.removeLast(); continue }
            kept[kept.count - 1].text = trimmed
            break
        }
        let markRole = kept.last?.role
        kept.append(Run(ellipsis, role: markRole))
        return StyledText(runs: kept)
    }
}
