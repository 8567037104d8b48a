import Foundation
import Testing
import TaskOpsCore
@testable import TaskOpsCLI
import TaskOpsUI

/// `taskops keys`: the effective table as text and JSON, and the problems of `keys.toml` with
/// their lines (exit status 78).
@Suite struct KeysCommandTests {
    static let measure = TextMeasure(sanitize: { $0 }, width: { $0.count })

    func run(_ text: String?, readonly: Bool = false, json: Bool) -> (TaskOpsCLI.ExitStatus, CapturedOutput) {
        let (map, problems) = text.map { KeyBindingsFile.parse($0, file: "keys.toml") } ?? (.defaults, [])
        let captured = CapturedOutput()
        let status = KeyCommands.list(map, problems: problems, file: "keys.toml", readonly: readonly, json: json, output: captured.output,
                                      measure: Self.measure)
        return (status, captured)
    }

    @Test func textListsEveryActionWithItsKeys() {
        let (status, out) = run(nil, json: false)
        #expect(status == .ok && out.stderr.isEmpty)
        let lines = out.stdout.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
        #expect(lines.first == "SCOPE ACTION KEYS FOOTER WRITES ASKS DESCRIPTION")
        #expect(lines.contains("approvals approve a yes yes yes approve selected/marked"))
        #expect(lines.contains("global move-down down, j yes move down"))
        #expect(lines.count == KeyMap.defaults.actions.count + 1)
    }

    @Test func jsonShowsRebindingsAndProblems() throws {
        let (status, out) = run("approve = [\"A\", \"ctrl-a\"]\n[events]\nmove-down = \"n\"\nbogus = \"x\"\n", json: true)
        #expect(status == .config)
        #expect(out.stderr == "taskops: keys.toml:4: unknown action 'bogus' in [events]; `taskops keys` lists them\n")
        let document = try JSONParser.parse(out.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        let actions = try #require(document["actions"]?.arrayValue)
        let approve = try #require(actions.first { $0["action"]?.stringValue == "approve" })
        #expect(approve["keys"]?.arrayValue?.compactMap(\.stringValue) == ["A", "ctrl-a"])
        #expect(approve["writes"]?.boolValue == true && approve["asksFirst"]?.boolValue == true)
        let eventsMoveDown = actions.first { $0["scope"]?.stringValue == "events" && $0["action"]?.stringValue == "move-down" }
        #expect(eventsMoveDown?["keys"]?.arrayValue?.compactMap(\.stringValue) == ["n"])
        let problems = try #require(document["problems"]?.arrayValue)
        #expect(problems.count == 1 && problems[0]["line"]?.numberValue?.intValue == 4)
    }

    @Test func readonlyLeavesOutTheWritingActions() {
        let (_, out) = run(nil, readonly: true, json: false)
        for name in ["approve", "reject", "new-task", "edit-task", "delete-task"] { #expect(!out.stdout.contains(" \(name) ")) }
        #expect(out.stdout.contains(" sort "))
    }
}

extension ProcessDriven {
    /// The binary reads `keys.toml` from the config folder, or the file `--file` names.
    @Suite struct KeysBinaryTests {
        @Test func printsTheEffectiveTableFromTheUsersFile() throws {
            let home = try ServeProcess.temporaryDirectory()
            try FileManager.default.createDirectory(atPath: home + "/.config/taskops", withIntermediateDirectories: true)
            try "reject = \"R\"\n".write(toFile: home + "/.config/taskops/keys.toml", atomically: true, encoding: .utf8)
            let env = ServeProcess.environment(home: home, [:])
            let result = try Subprocess.run(Subprocess.taskopsBinary, ["keys"], environment: env)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("approvals  reject"))
            #expect(result.stdout.split(separator: "\n").contains { $0.contains(" reject ") && $0.contains(" R ") })

            try "quit = \"ctrl-c\"\n".write(toFile: home + "/bad.toml", atomically: true, encoding: .utf8)
            let bad = try Subprocess.run(Subprocess.taskopsBinary, ["keys", "--file", home + "/bad.toml", "--json"], environment: env)
            #expect(bad.status == 78)
            #expect(bad.stderr.contains(home + "/bad.toml:1: quit: 'ctrl-c' cannot be bound"))
            let missing = try Subprocess.run(Subprocess.taskopsBinary, ["keys", "--file", home + "/none.toml"], environment: env)
            #expect(missing.status == 78 && missing.stderr.contains("none.toml: file not found"))
        }
    }
}
