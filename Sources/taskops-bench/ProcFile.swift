import Foundation

/// Small readers for /proc.
enum ProcFile {
    static func read(_ path: String) -> String? { try? String(contentsOfFile: path, encoding: .utf8) }

    /// The fields of /proc/PID/stat after `(comm)`: state first, then the parent pid, …, utime
    /// and stime at 11 and 12. Nil when the process is gone.
    static func statFields(_ pid: Int32) -> [Substring]? {
        guard let text = read("/proc/\(pid)/stat"), let close = text.lastIndex(of: ")") else { return nil }
        return text[text.index(after: close)...].split(separator: " ")
    }

    /// Resident set size in bytes of `pid` ("self" for this process), from VmRSS.
    static func residentBytes(pid: String = "self") -> Int? {
        guard let status = read("/proc/\(pid)/status") else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            let digits = line.split(separator: " ").dropFirst().first.flatMap { Int($0) }
            return digits.map { $0 * 1024 }
        }
        return nil
    }
}
