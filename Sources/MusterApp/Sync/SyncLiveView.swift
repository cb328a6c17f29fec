import CourseKit
import Foundation
import SyncNet
import TerminalUI

/// The sync screen's live part, on top: this device, serving (the addresses, the pairing code to
/// read aloud, each device's exchanges), exchanging with another device, and the paired devices.
/// A label column on the left, one line per fact; nothing wraps. When rows are short the lines
/// that matter least at the venue go first (the log, then activity, then the paired devices
/// beyond the first).
enum SyncLiveView {
    struct Line: Equatable {
        var label = ""
        var text: String
        var role: StyleRole = .normal
        /// The pairing code, drawn in reverse video before `text`.
        var code: String?
        /// Lower is kept first when rows are short.
        var rank = 0
    }

    /// The label column: 13, or wider for a language whose labels are longer.
    static func labelWidth(_ words: Words) -> Int {
        let labels = ["live.thisDevice", "live.serving", "live.code", "live.last", "live.exchanging", "live.paired"]
        return max(13, (labels.map { DisplayWidth.of(words.sync($0)) }.max() ?? 0) + 1)
    }
    /// Devices listed under "Serving" and "Paired" before "… and N more".
    static let listed = 3

    static func lines(_ state: SyncState, _ words: Words) -> [Line] {
        let live = state.live, zone = state.zone, language = words.language
        let serving = words.sync("live.serving"), exchanging = words.sync("live.exchanging"), paired = words.sync("live.paired")
        var lines = [Line(label: words.sync("live.thisDevice"), text: state.status.map { SyncText.clean($0.label) } ?? "")]
        switch live.serving {
        case .off:
            lines.append(Line(label: serving, text: words.sync("live.serving.off"), role: .dim))
        case .starting(let port):
            lines.append(Line(label: serving, text: words.sync("live.serving.starting", String(port)), role: .dim))
        case .failed(let reason):
            lines.append(Line(label: serving, text: words.sync("live.serving.failed", reason.text(in: language)), role: .error))
        case .on(let server):
            lines.append(Line(label: serving, text: words.sync("live.serving.on", server.urls.joined(separator: " · "))))
            lines.append(
                Line(
                    label: words.sync("live.code"), text: words.sync("live.code.hint"), role: .dim,
                    code: server.code))
            for a in server.activity.prefix(listed) {
                lines.append(Line(text: SyncLiveText.activityLine(a, zone: zone, language), rank: 2))
            }
            if server.activity.count > listed {
                lines.append(Line(text: words.sync("live.andMore", String(server.activity.count - listed)), role: .dim, rank: 2))
            }
            if server.activity.isEmpty { lines.append(Line(text: words.sync("live.noActivity"), role: .dim, rank: 2)) }
            if let log = live.lastLog {
                lines.append(
                    Line(
                        label: words.sync("live.last"), text: "\(SyncLiveText.clock(log.at, in: zone)) \(log.text(in: language))",
                        role: .dim, rank: 3))
            }
        }
        switch live.exchange {
        case .off:
            lines.append(Line(label: exchanging, text: words.sync("live.exchanging.off"), role: .dim))
        case .failed(_, let reason):
            lines.append(Line(label: exchanging, text: reason.text(in: language), role: .error))
        case .running(let url, let every, let last):
            lines.append(Line(label: exchanging, text: words.sync("live.exchanging.with", SyncText.clean(url), seconds(every))))
            switch last {
            case nil: lines.append(Line(text: words.sync("live.exchanging.first"), role: .dim))
            case .done?: lines.append(Line(text: SyncText.clean(last!.line(zone: zone, language: language))))
            case .failed?:
                // The address is on the line above: "cannot reach it: connection refused" keeps the why in view.
                let line = last!.line(zone: zone, language: language).replacingOccurrences(of: url, with: words.sync("live.it"))
                lines.append(Line(text: SyncText.clean(line), role: .warning))
            }
        }
        if state.peers.isEmpty {
            lines.append(Line(label: paired, text: words.sync("live.paired.none"), role: .dim, rank: 1))
        } else {
            for (i, peer) in state.peers.prefix(listed).enumerated() {
                lines.append(
                    Line(
                        label: i == 0 ? paired : "", text: SyncLiveText.peerLine(peer, zone: zone, today: state.today, language),
                        role: peer.revoked == nil ? .normal : .dim, rank: i == 0 ? 1 : 2))
            }
            if state.peers.count > listed {
                lines.append(Line(text: words.sync("live.paired.more", String(state.peers.count - listed)), role: .dim, rank: 2))
            }
        }
        return lines
    }

    /// The lines that fit in `rows`, in their order: the least important dropped first.
    static func fitted(_ lines: [Line], rows: Int) -> [Line] {
        guard lines.count > rows else { return lines }
        let kept = lines.indices.sorted { (lines[$0].rank, $0) < (lines[$1].rank, $1) }.prefix(max(0, rows))
        return kept.sorted().map { lines[$0] }
    }

    /// Rows the live part may take: what leaves a line of status and the conflicts' header and three rows.
    static func maxRows(body: Rect) -> Int { max(3, body.height - 7) }

    /// The same in every language: the lines are the state's, only their words differ.
    static func height(_ state: SyncState, body: Rect) -> Int { min(lines(state, Words(.en)).count, maxRows(body: body)) }

    static func render(_ state: SyncState, into buffer: inout ScreenBuffer, body: Rect, theme: Theme, words: Words) {
        let shown = fitted(lines(state, words), rows: maxRows(body: body))
        let ellipsis = theme.glyphs.ellipsis, labelWidth = labelWidth(words)
        for (row, line) in shown.enumerated() {
            let y = body.y + row
            let x = body.x + 1, right = body.x + body.width - 1
            guard y < body.y + body.height, right > x else { return }
            buffer.putLine(line.label, in: Rect(x: x, y: y, width: min(labelWidth, right - x), height: 1), role: .dim, ellipsis: ellipsis)
            var at = x + labelWidth
            if let code = line.code, at < right {
                // Reverse video, spaced: read aloud across a room, and seen without colour.
                at += buffer.put(" \(code) ", at: Point(x: at, y: y), role: .selected, maxWidth: right - at) + 2
            }
            guard at < right else { continue }
            buffer.putLine(line.text, in: Rect(x: at, y: y, width: right - at, height: 1), role: line.role, ellipsis: ellipsis)
        }
    }

    /// "5", "0.5".
    static func seconds(_ value: TimeInterval) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
