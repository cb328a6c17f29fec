/// Printable HTML pages: every text escaped, styles for paper, nothing fetched from the network
/// (sheets are printed in workshop rooms without one).
public enum HTML {
    /// Escapes `& < > " '` so names and titles can never become markup or leave an attribute.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in NameSanitizer.clean(text) {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }

    /// A complete document: `title` escaped here, `body` already-built markup, `style` extra CSS;
    /// `language` is the page's `lang`, which screen readers and hyphenation follow.
    public static func page(title: String, style: String, body: String, language: Language = .en) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(language.rawValue)">
        <head>
        <meta charset="utf-8">
        <title>\(escape(title))</title>
        <style>
        @page { size: A4; margin: 15mm; }
        body { font-family: "Noto Sans", "DejaVu Sans", Arial, sans-serif; color: #000; background: #fff; }
        \(style)
        @media print { .no-print { display: none; } }
        </style>
        </head>
        <body>
        \(body)
        </body>
        </html>

        """
    }
}
