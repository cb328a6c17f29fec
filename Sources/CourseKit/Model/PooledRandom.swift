import Foundation

/// The system's random bits, drawn 4 KiB at a time, for the ids a device makes.
///
/// Why: an import of 100,000 people makes 300,000 ids (a person's, and a record for each person
/// and nomination). Foundation's `UUID()` on Linux opens, reads and closes `/dev/urandom` for
/// each one, and `SystemRandomNumberGenerator` makes a `getrandom` call per 64 bits: 700,000
/// system calls, about 1.5 s of the import on a virtual machine (`strace -c`). One read of a
/// `/dev/urandom` held open fills 512 words here. The bits are the kernel's all the same; what
/// they make are ids, not secrets. A process that forked would share the pool with its child:
/// Muster only forks to run another program (`exec` replaces the copy).
public struct PooledRandom: RandomNumberGenerator {
    public init() {}

    public mutating func next() -> UInt64 { Pool.shared.next() }

    private final class Pool: @unchecked Sendable {
        static let shared = Pool()
        private let lock = NSLock()
        private var words = [UInt64](repeating: 0, count: 512)
        private var used = 512

        func next() -> UInt64 {
            lock.lock()
            defer { lock.unlock() }
            if used == words.count {
                refill()
                used = 0
            }
            used += 1
            return words[used - 1]
        }

        /// `/dev/urandom`, opened once; -1 when it could not be.
        private let device = open("/dev/urandom", O_RDONLY | O_CLOEXEC)

        private func refill() {
            if device >= 0, words.withUnsafeMutableBytes({ Self.read(device, into: $0) }) { return }
            // No device to read (a sandbox without /dev): the standard library's, a word at a time.
            var system = SystemRandomNumberGenerator()
            for i in words.indices { words[i] = system.next() }
        }

        /// Fills `buffer` from `fd`; false when it cannot.
        private static func read(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer) -> Bool {
            var filled = 0
            while filled < buffer.count {
                let n = Foundation.read(fd, buffer.baseAddress! + filled, buffer.count - filled)
                if n > 0 {
                    filled += n
                } else if n == 0 || errno != EINTR {
                    return false
                }
            }
            return true
        }
    }
}
