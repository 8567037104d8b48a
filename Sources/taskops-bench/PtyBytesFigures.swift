import Foundation
import TaskOpsCore

/// Bytes ncurses writes to a real terminal per refresh: each scene runs in a child on its own pty
/// (through `script`), and scenes are subtracted from each other so curses' start and end cancel out.
enum PtyBytesFigures {
    static func run(repeats: Int) -> [Figure] {
        guard let script = ChildProcess.which("script") else {
            return [Figure("bytes per refresh through a pty", measured: "skipped: `script` (util-linux) not found", target: "0 / ≤ 2 %")]
        }
        let me = BenchSelf.path
        var fulls = Samples(), unchangeds = Samples(), oneRows = Samples()
        for _ in 0..<max(1, min(repeats, 5)) {
            func bytes(_ scene: PtyFrameChild.Scene) -> Double {
                Double(count(script: script, command: "\(me) --child pty-frames \(scene.rawValue)"))
            }
            let none = bytes(.none), full = bytes(.full), unchanged = bytes(.unchanged), oneRow = bytes(.oneRow)
            fulls.add(full - none)
            unchangeds.add(unchanged - full)
            oneRows.add(oneRow - full)
        }
        let reference = "full repaint: " + Format.number(fulls.median, digits: 0) + " B"
        return [
            Figure("bytes per refresh, nothing changed (ncurses → pty)", measured: Format.minMedian(unchangeds, unit: "B", digits: 0), target: "0",
                   reference: reference, ratio: Format.ratio(unchangeds.median, fulls.median), meetsTarget: unchangeds.median <= 0),
            Figure("bytes per refresh, one row changed (ncurses → pty)", measured: Format.minMedian(oneRows, unit: "B", digits: 0), target: "≤ 2 % of full",
                   reference: reference, ratio: Format.ratio(oneRows.median, fulls.median), meetsTarget: oneRows.median <= fulls.median * 0.02),
        ]
    }

    /// Bytes the command wrote to its pty, as `script` copies them to its stdout.
    static func count(script: String, command: String) -> Int {
        var environment = ProcessInfo.processInfo.environment
        environment["TERM"] = "xterm-256color"
        environment["LINES"] = String(FrameScenes.height)
        environment["COLUMNS"] = String(FrameScenes.width)
        environment["LC_ALL"] = "C.UTF-8"
        let result = try? ChildProcess.run(script, ["-q", "-e", "-c", command, "/dev/null"], environment: environment, timeout: 60)
        return result?.stdout.count ?? 0
    }
}
