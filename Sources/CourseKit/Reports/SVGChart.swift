import Foundation

/// Draws a ``ReportChart`` as inline SVG: horizontal bars, a label on the left, each value written
/// on or beside its bar. Series are told apart by fill and pattern (black, hatched, grey, dotted,
/// white) as well as by the legend, so a chart reads on a greyscale printer. Every bar carries its
/// figures in `data-` attributes and a `<title>` (a tooltip, and what tests compare with the text
/// report); the page puts the table with the same numbers under it.
enum SVGChart {
    /// 180 mm at 96 px per inch: the width inside an A4 page's 15 mm margins.
    static let width = 680
    static let labelWidth = 172
    static let plotLeft = 180
    /// Room right of the longest bar for its value ("27/30").
    static let valueRoom = 60
    static let legendHeight = 26
    /// Longer labels (in Latin letters' widths) are cut with "…" in the chart (the table under it
    /// and the bar's tooltip have them whole).
    static let labelLength = 25

    /// `id` must be unique in the page: pattern ids and ARIA references hang off it.
    static func svg(_ chart: ReportChart, id: String, title: String, _ w: ReportWords) -> String {
        let (rows, height) = body(chart, id: id, w)
        return """
            <svg class="chart" xmlns="http://www.w3.org/2000/svg" width="\(width)" height="\(height)" \
            viewBox="0 0 \(width) \(height)" role="img" aria-labelledby="\(id)-title" aria-describedby="\(id)-table" \
            data-table="\(HTML.escape(chart.table))">
            <title id="\(id)-title">\(HTML.escape(title))</title>
            \(patterns(id))
            \(legend(chart, id: id, w))
            \(rows)
            </svg>
            """
    }

    static func fill(_ series: Int, id: String) -> String {
        ["#1a1a1a", "url(#\(id)-hatch)", "#9a9a9a", "url(#\(id)-dots)", "#ffffff"][series % 5]
    }

    static func patterns(_ id: String) -> String {
        """
        <defs>
        <pattern id="\(id)-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">\
        <rect width="6" height="6" fill="#fff"/><rect width="2.5" height="6" fill="#000"/></pattern>
        <pattern id="\(id)-dots" width="5" height="5" patternUnits="userSpaceOnUse">\
        <rect width="5" height="5" fill="#fff"/><circle cx="2.5" cy="2.5" r="1.2" fill="#000"/></pattern>
        </defs>
        """
    }

    static func legend(_ chart: ReportChart, id: String, _ w: ReportWords) -> String {
        let names = chart.series.map { chart.style == .quota ? w("chart.placesTaken") : ReportChart.seriesName($0) }
        // Over the bars when it fits; longer words (Spanish's "Ausencia justificada") start it
        // further left rather than run off the page.
        let needed = names.reduce(0) { $0 + 30 + $1.count * 7 } + (chart.style == .quota ? 17 + w("chart.quota").count * 7 : 0)
        var x = plotLeft + needed > width ? max(8, width - needed) : plotLeft
        var out = ""
        for (i, name) in names.enumerated() {
            out += rect(x: x, y: 6, w: 12, h: 12, fill: fill(i, id: id)) + text(x: x + 17, y: 16, name) + "\n"
            x += 30 + name.count * 7
        }
        if chart.style == .quota {
            out += ##"<line x1="\##(x + 6)" y1="4" x2="\##(x + 6)" y2="20" stroke="#000" stroke-width="2" stroke-dasharray="3 2"/>"##
            out += text(x: x + 17, y: 16, w("chart.quota"))
        }
        return out
    }

    /// The bars and their labels, and the chart's height.
    static func body(_ chart: ReportChart, id: String, _ w: ReportWords) -> (String, Int) {
        let plot = Double(width - plotLeft - valueRoom)
        let largest =
            chart.bars.map { bar -> Int in
                switch chart.style {
                case .stacked: bar.values.reduce(0, +)
                case .grouped: bar.values.max() ?? 0
                case .quota: max(bar.values.max() ?? 0, bar.limit ?? 0)
                }
            }.max() ?? 0
        let scale = plot / Double(max(1, largest))
        var y = legendHeight + 4
        var out = ""
        for bar in chart.bars {
            let barsHeight = chart.style == .grouped ? chart.series.count * 13 - 2 : 14
            let rowHeight = barsHeight + (chart.style == .grouped ? 9 : 6)
            out += "<g>" + label(bar.label, y: y, height: barsHeight)
            switch chart.style {
            case .stacked:
                var x = Double(plotLeft)
                // Empty segments too (zero wide), so every figure of the row is in the chart.
                for (i, v) in bar.values.enumerated() {
                    let bw = Double(v) * scale
                    out += figure(chart, bar, i, x: x, y: y, width: bw, h: 14, id: id, w)
                    // White on the black series; black outlined in white on hatching, grey, dots.
                    if bw >= 18 {
                        out += text(x: Int(x + bw / 2), y: y + 11, String(v), anchor: "middle", style: i == 0 ? "on-black" : "halo")
                    }
                    x += bw
                }
            case .grouped:
                for (i, v) in bar.values.enumerated() {
                    let by = y + i * 13, bw = Double(v) * scale
                    out += figure(chart, bar, i, x: Double(plotLeft), y: by, width: bw, h: 11, id: id, w)
                    out += text(x: plotLeft + Int(bw.rounded()) + 4, y: by + 9, String(v))
                }
            case .quota:
                let used = bar.values.first ?? 0, limit = bar.limit ?? 0
                let bw = Double(used) * scale, lx = Double(plotLeft) + Double(limit) * scale
                out += figure(chart, bar, 0, x: Double(plotLeft), y: y, width: bw, h: 14, id: id, w)
                out +=
                    ##"<line x1="\##(fmt(lx))" y1="\##(y - 3)" x2="\##(fmt(lx))" y2="\##(y + 17)" stroke="#000" stroke-width="2" stroke-dasharray="3 2"/>"##
                out += text(x: Int(max(bw + Double(plotLeft), lx).rounded()) + 5, y: y + 11, "\(used)/\(limit)")
            }
            out += "</g>\n"
            y += rowHeight
        }
        return (out, y + 2)
    }

    /// One bar (or one segment of a stacked bar) with its figures attached.
    static func figure(
        _ chart: ReportChart, _ bar: ReportChart.Bar, _ series: Int, x: Double, y: Int, width: Double, h: Int, id: String,
        _ w: ReportWords
    )
        -> String
    {
        let name = chart.style == .quota ? w("chart.placesTaken") : ReportChart.seriesName(chart.series[series])
        let value = bar.values[series]
        let shown = bar.limit.map { w.format("chart.of", value, $0) } ?? String(value)
        return """
            <rect class="bar" x="\(fmt(x))" y="\(y)" width="\(fmt(width))" height="\(h)" fill="\(fill(series, id: id))" \
            stroke="#000" stroke-width="0.6" data-category="\(HTML.escape(bar.label))" \
            data-series="\(HTML.escape(chart.series[series]))" data-value="\(value)"\
            \(bar.limit.map { " data-limit=\"\($0)\"" } ?? "")><title>\(HTML.escape("\(bar.label) · \(name): \(shown)"))</title></rect>
            """
    }

    static func label(_ text: String, y: Int, height: Int) -> String {
        let short = shortLabel(text)
        return #"<text x="\#(labelWidth)" y="\#(y + height / 2 + 4)" text-anchor="end">\#(HTML.escape(short))</text>"#
    }

    /// `text` cut with "…" to fit left of the bars: ideographs and Hangul count as two Latin
    /// letters (as wide as in a terminal), so "李小龍" labels are cut before they run off the page.
    static func shortLabel(_ text: String) -> String {
        func width(_ c: Character) -> Int {
            guard let v = c.unicodeScalars.first?.value else { return 0 }
            let wide: [ClosedRange<UInt32>] = [
                0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
                0xFFE0...0xFFE6, 0x20000...0x3FFFD,
            ]
            return wide.contains { $0.contains(v) } ? 2 : 1
        }
        guard text.reduce(0, { $0 + width($1) }) > labelLength else { return text }
        var out = "", used = 0
        for c in text {
            used += width(c)
            if used > labelLength - 1 { break }
            out.append(c)
        }
        return out + "…"
    }

    static func rect(x: Int, y: Int, w: Int, h: Int, fill: String) -> String {
        ##"<rect x="\##(x)" y="\##(y)" width="\##(w)" height="\##(h)" fill="\##(fill)" stroke="#000" stroke-width="0.6"/>"##
    }

    /// Text in the chart; `style` "halo" outlines it in white so it reads on grey or hatching,
    /// "on-black" writes it white.
    static func text(x: Int, y: Int, _ s: String, anchor: String = "start", style: String? = nil) -> String {
        let css = style.map { #" class="\#($0)""# } ?? ""
        return #"<text x="\#(x)" y="\#(y)" text-anchor="\#(anchor)"\#(css)>\#(HTML.escape(s))</text>"#
    }

    static func fmt(_ v: Double) -> String { String(format: "%.1f", v) }
}
