/// A frame as plain text for snapshot files: what is written on screen, then what each cell
/// means, so a test catches a wrong colour role as surely as a wrong word. Pure string building;
/// the file comparison lives in each test target.
///
/// Format:
/// ```
/// size 20×3, cursor 4,1        (or "cursor none")
/// text:
/// |Roll call           |
/// ...
/// roles:
/// |HHHHHHHHHHHHHHHHHHHH|
/// ...
/// ```
/// Rows are framed by `|` so trailing spaces survive editors. A wide character occupies one
/// grapheme in the text row and two letters in the role row. Role letters (``legend``):
///
/// | letter | role | letter | role |
/// |---|---|---|---|
/// | `.` | normal | `d` | dim |
/// | `H` | header | `X` | error |
/// | `C` | columnHeader | `W` | warning |
/// | `S` | selected | `O` | success |
/// | `P` | present | `a` | accent |
/// | `A` | absent | `F` | footer |
/// | `L` | late | `K` | footerKey |
/// | `E` | excused | `B` | border |
/// | `D` | dialog | `I` | input |
public enum SnapshotText {
    public static let legend: [StyleRole: Character] = [
        .normal: ".", .header: "H", .columnHeader: "C", .selected: "S",
        .present: "P", .absent: "A", .late: "L", .excused: "E",
        .dim: "d", .error: "X", .warning: "W", .success: "O", .accent: "a",
        .footer: "F", .footerKey: "K", .border: "B", .dialog: "D", .input: "I",
    ]

    /// The whole snapshot: header line, text rows and (unless `roles` is false) role rows.
    public static func render(_ buffer: ScreenBuffer, roles: Bool = true) -> String {
        let cursor = buffer.cursor.map { "\($0.x),\($0.y)" } ?? "none"
        var out = "size \(buffer.size), cursor \(cursor)\ntext:\n"
        for line in buffer.lines { out += "|\(line)|\n" }
        if roles {
            out += "roles:\n"
            for line in roleLines(buffer) { out += "|\(line)|\n" }
        }
        return out
    }

    /// One letter per cell per row.
    public static func roleLines(_ buffer: ScreenBuffer) -> [String] {
        (0..<buffer.size.height).map { y in
            String(buffer.row(y).map { legend[$0.role] ?? "?" })
        }
    }
}
