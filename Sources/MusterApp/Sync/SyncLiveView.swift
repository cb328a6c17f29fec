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

    static let labelWidth = 13
    /// Devices listed under "Serving" and "Paired" before "… and N more".
    static let listed = 3

    static func lines(_ state: SyncState) -> [Line] {
        let live = state.live, zone = state.zone
        var lines = [Line(label: "This device", text: state.status.map { SyncText.clean($0.label) } ?? "")]
        switch live.serving {
        case .off:
            lines.append(Line(label: "Serving", text: "off · s serves this library to paired devices", role: .dim))
        case .starting(let port):
            lines.append(Line(label: "Serving", text: "starting on port \(port)…", role: .dim))
        case .failed(let reason):
            lines.append(Line(label: "Serving", text: "not serving: \(reason)", role: .error))
        case .on(let server):
            lines.append(Line(label: "Serving", text: "on " + server.urls.joined(separator: " · ")))
            lines.append(
                Line(
                    label: "Pairing code", text: "read it out; the other device types it once", role: .dim,
                    code: server.code))
            for a in server.activity.prefix(listed) { lines.append(Line(text: SyncLiveText.activityLine(a, zone: zone), rank: 2)) }
            if server.activity.count > listed {
                lines.append(Line(text: "… and \(server.activity.count - listed) more", role: .dim, rank: 2))
            }
            if server.activity.isEmpty { lines.append(Line(text: "no device has exchanged yet", role: .dim, rank: 2)) }
            if let log = live.lastLog {
                lines.append(Line(label: "Last", text: "\(SyncLiveText.clock(log.at, in: zone)) \(log.text)", role: .dim, rank: 3))
            }
        }
        switch live.exchange {
        case .off:
            lines.append(Line(label: "Exchanging", text: "off · w exchanges with a device that serves", role: .dim))
        case .failed(_, let reason):
            lines.append(Line(label: "Exchanging", text: reason, role: .error))
        case .running(let url, let every, let last):
            lines.append(Line(label: "Exchanging", text: "with \(SyncText.clean(url)) every \(seconds(every)) s"))
            switch last {
            case nil: lines.append(Line(text: "first exchange…", role: .dim))
            case .done?: lines.append(Line(text: SyncText.clean(last!.line(zone: zone))))
            case .failed?:
                // The address is on the line above: "cannot reach it: connection refused" keeps the why in view.
                let line = last!.line(zone: zone).replacingOccurrences(of: url, with: "it")
                lines.append(Line(text: SyncText.clean(line), role: .warning))
            }
        }
        if state.peers.isEmpty {
            lines.append(Line(label: "Paired", text: "no device yet", role: .dim, rank: 1))
        } else {
            for (i, peer) in state.peers.prefix(listed).enumerated() {
                lines.append(
                    Line(
                        label: i == 0 ? "Paired" : "", text: SyncLiveText.peerLine(peer, zone: zone, today: state.today),
                        role: peer.revoked == nil ? .normal : .dim, rank: i == 0 ? 1 : 2))
            }
            if state.peers.count > listed {
                lines.append(Line(text: "… and \(state.peers.count - listed) more: muster sync peers", role: .dim, rank: 2))
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

    static func height(_ state: SyncState, body: Rect) -> Int { min(lines(state).count, maxRows(body: body)) }

    static func render(_ state: SyncState, into buffer: inout ScreenBuffer, body: Rect, theme: Theme) {
        let shown = fitted(lines(state), rows: maxRows(body: body))
        let ellipsis = theme.glyphs.ellipsis
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
