import Foundation
import Testing
import TaskOpsCore

extension ProcessDriven {
    /// `--readonly` (or `readonly = true` in the config file) refuses every write path of the CLI with
    /// exit status 7, before anything reaches the stack.
    @Suite(.serialized) struct ReadonlyCommandTests {
        @Test func everyWritePathIsRefused() throws {
            let (server, endpoint, _) = try ServeProcess.start()
            defer { server.stop() }
            let home = try ServeProcess.temporaryDirectory()
            let env = ServeProcess.environment(home: home, ["AWS_ACCESS_KEY_ID": "AKIDTEST", "AWS_SECRET_ACCESS_KEY": "secret"])
            let common = ["--api-url", endpoint + "/dev", "--endpoint-url", endpoint]
            // Low priority: no workflow touches it, so any change would be a write that got through.
            let created = try Subprocess.run(Subprocess.taskopsBinary, ["task", "create", "--title", "keep me", "--user", "ops", "--priority", "low", "--json"] + common,
                                             environment: env)
            let id = try #require(try JSONParser.parse(created.stdout.trimmingCharacters(in: .whitespacesAndNewlines))["taskId"]?.stringValue)
            let before = try Subprocess.run(Subprocess.taskopsBinary, ["task", "get", id, "--json"] + common, environment: env).stdout

            let configPath = home + "/readonly.toml"
            try "readonly = true\n".write(toFile: configPath, atomically: true, encoding: .utf8)
            let paths: [(String, [String])] = [
                ("task create", ["task", "create", "--title", "new", "--user", "ops", "--readonly"]),
                ("task update", ["task", "update", id, "--status", "completed", "--readonly"]),
                ("task update --json", ["task", "update", id, "--title", "changed", "--readonly", "--json"]),
                ("task delete", ["task", "delete", id, "--readonly"]),
                ("approve", ["approve", id, "--readonly"]),
                ("reject", ["reject", id, "--readonly"]),
                ("approve --json", ["approve", id, "--readonly", "--json"]),
                ("delete, read-only from the config file", ["task", "delete", id, "--config", configPath]),
                ("reject, read-only from the config file", ["reject", id, "--config", configPath]),
            ]
            for (what, arguments) in paths {
                let result = try Subprocess.run(Subprocess.taskopsBinary, arguments + common, environment: env)
                #expect(result.status == 7, "\(what): exit \(result.status) \(result.stderr)")
                #expect((result.stderr + result.stdout).contains("read-only"), "\(what) says why: \(result.stderr)")
            }
            var readonlyEnv = env
            readonlyEnv["TASKOPS_READONLY"] = "1"
            let fromEnvironment = try Subprocess.run(Subprocess.taskopsBinary, ["task", "delete", id] + common, environment: readonlyEnv)
            #expect(fromEnvironment.status == 7, "TASKOPS_READONLY=1: exit \(fromEnvironment.status) \(fromEnvironment.stderr)")
            let after = try Subprocess.run(Subprocess.taskopsBinary, ["task", "get", id, "--json"] + common, environment: env).stdout
            #expect(after == before, "the task is untouched")
            let list = try JSONParser.parse(try Subprocess.run(Subprocess.taskopsBinary, ["tasks", "--json"] + common, environment: env).stdout
                .trimmingCharacters(in: .whitespacesAndNewlines))
            #expect(list["count"]?.numberValue?.intValue == 1, "nothing was created")
        }
    }
}
