import CNcursesw  // for muster_open_pseudo_terminal only
import Glibc
import Testing

/// A pseudo-terminal standing in for the user's terminal: what the program writes to the slave
/// side can be read from the master, and bytes written to the master arrive as typed keys.
/// The test keeps both ends open, so the modes a child process sets (and a handler restores)
/// outlive the child.
struct PseudoTerminal {
    let master: Int32
    let slave: Int32
    let path: String

    init() throws {
        var name = [CChar](repeating: 0, count: 256)
        master = muster_open_pseudo_terminal(&name, name.count)
        try #require(master >= 0)
        _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
        path = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        slave = open(path, O_RDWR | O_NOCTTY)
        try #require(slave >= 0)
    }

    func localModes() -> tcflag_t {
        var modes = termios()
        tcgetattr(slave, &modes)
        return modes.c_lflag
    }

    func inputModes() -> tcflag_t {
        var modes = termios()
        tcgetattr(slave, &modes)
        return modes.c_iflag
    }

    /// Everything written to the terminal since the last call.
    func output() -> String {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(master, &chunk, chunk.count)
            guard count > 0 else { break }
            bytes += chunk[..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Types `text` as if on the keyboard.
    func type(_ text: String) {
        var bytes = Array(text.utf8)
        _ = write(master, &bytes, bytes.count)
    }

    func close() { Glibc.close(slave); Glibc.close(master) }

    /// Opens the slave side as the two streams curses wants (never as a controlling terminal).
    static func streams(path: String) -> (input: UnsafeMutablePointer<FILE>, output: UnsafeMutablePointer<FILE>)? {
        let fd = open(path, O_RDWR | O_NOCTTY)
        guard fd >= 0, let input = fdopen(fd, "r"), let output = fdopen(dup(fd), "w") else { return nil }
        return (input, output)
    }
}
