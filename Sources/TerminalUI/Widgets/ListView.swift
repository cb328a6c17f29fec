/// A single-column list (menus, kiosk matches), drawn as a header-less ``TableView`` so it
/// shares the table's virtualisation, selection bar and truncation.
public struct ListView {
    public var state: TableState
    public var emptyMessage: String
    private let item: (Int) -> String
    private let role: (Int) -> StyleRole?

    public init(
        state: TableState, emptyMessage: String = "", item: @escaping (Int) -> String,
        role: @escaping (Int) -> StyleRole? = { _ in nil }
    ) {
        self.state = state; self.emptyMessage = emptyMessage; self.item = item; self.role = role
    }

    public func render(into buffer: inout ScreenBuffer, rect: Rect, theme: Theme) {
        let item = self.item, role = self.role
        TableView(
            columns: [TableColumn("", width: .flexible(min: 0))], state: state, showsHeader: false,
            emptyMessage: emptyMessage, row: { TableRow([item($0)], role: role($0)) }
        )
        .render(into: &buffer, rect: rect, theme: theme)
    }
}
