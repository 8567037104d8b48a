import Foundation
import Testing
@testable import TaskOpsUI

/// A rendered screen as stored text: the characters, then one letter per cell for its role
/// (upper case when drawn reversed), trailing blanks trimmed. Stored under `Snapshots/` and
/// written again when `RECORD_SNAPSHOTS=1`.
enum RenderSnapshot {
    static let roleLetters: [Role: Character] = [
        .normal: " ", .dim: "d", .header: "h", .title: "t", .selected: "s", .focusBorder: "f", .border: "b", .ok: "o", .pending: "p",
        .warn: "w", .error: "e", .accent: "a", .marked: "m", .series1: "1", .series2: "2", .series3: "3", .series4: "4",
    ]

    static var directory: URL { URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Snapshots") }

    static var recording: Bool { ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" }

    static func encode(_ grid: CellGrid, title: String) -> String {
        var out = ["# \(title) \(grid.width)x\(grid.height)"]
        out += grid.lines.map(trimmed)
        out.append("--- roles")
        for y in 0..<grid.height {
            let letters = (0..<grid.width).map { x -> Character in
                let cell = grid[x, y]
                let letter = roleLetters[cell.role] ?? "?"
                return cell.reverse ? Character(letter == " " ? "R" : String(letter).uppercased()) : letter
            }
            out.append(trimmed(String(letters)))
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func trimmed(_ line: String) -> String {
        var line = line
        while line.last == " " { line.removeLast() }
        return line
    }

    /// Compares `grid` with the stored file `name.txt`; records it instead when asked to.
    static func assertMatches(_ grid: CellGrid, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let file = directory.appendingPathComponent(name + ".txt")
        let actual = encode(grid, title: name)
        if recording {
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                try actual.write(to: file, atomically: true, encoding: .utf8)
            } catch {
                Issue.record("cannot record \(file.path): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
            Issue.record("No snapshot \(file.lastPathComponent); record it with RECORD_SNAPSHOTS=1 swift test --filter RenderSnapshotTests",
                         sourceLocation: sourceLocation)
            return
        }
        guard expected != actual else { return }
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let firstDifference = Array(zip(expectedLines, actualLines)).firstIndex { $0.0 != $0.1 } ?? min(expectedLines.count, actualLines.count)
        let shown = { (lines: [Substring]) in firstDifference < lines.count ? String(lines[firstDifference]) : "(no line)" }
        Issue.record("""
            \(name) differs from its snapshot at line \(firstDifference + 1):
              stored:   \(shown(expectedLines))
              rendered: \(shown(actualLines))
            If the change is meant, record again with RECORD_SNAPSHOTS=1 and review the diff.
            """, sourceLocation: sourceLocation)
    }
}
