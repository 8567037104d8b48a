import Foundation
import Testing
import TaskOpsCore

extension ProcessDriven {
    /// Drives the real binary: `taskops serve` with the CLI and the AWS CLI, and `taskops demo` in tmux.
    @Suite(.serialized) struct EndToEndTests {
        /// Starts `taskops serve` on a free port and returns it with its endpoint.
        func serve(_ extra: [String] = []) throws -> (ChildProcess, String) {
            let process = try ChildProcess(Subprocess.taskopsBinary, ["serve", "--port", "0"] + extra, stderr: .discard)
            var text = ""
            let deadline = Date().addingTimeInterval(60)
            var buffer = [UInt8](repeating: 0, count: 4096)
            while !text.contains("AWS endpoint:") && Date() < deadline {
                var entry = pollfd(fd: process.stdoutFD, events: Int16(POLLIN), revents: 0)
                guard poll(&entry, 1, 500) >= 0 else { break }
                guard entry.revents != 0 else { continue }
                let count = read(process.stdoutFD, &buffer, buffer.count)
                if count <= 0 { break }
                text += String(decoding: buffer[0..<count], as: UTF8.self)
            }
            guard let line = text.split(separator: "\n").first(where: { $0.contains("AWS endpoint:") }),
                  let url = line.split(separator: " ").first(where: { $0.hasPrefix("http://127.0.0.1:") }) else {
                process.stop()
                throw TmuxError.failed("serve", text)
            }
            return (process, String(url))
        }

        @Test func cliCommandsWorkAgainstServe() throws {
            let (server, endpoint) = try serve()
            defer { server.stop() }
            let env = ["HOME": NSTemporaryDirectory(), "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin",
                       "AWS_ACCESS_KEY_ID": "AKIDTEST", "AWS_SECRET_ACCESS_KEY": "secret", "XDG_STATE_HOME": NSTemporaryDirectory()]
            let common = ["--api-url", endpoint + "/dev", "--endpoint-url", endpoint]
            let created = try Subprocess.run(Subprocess.taskopsBinary, ["task", "create", "--title", "Ship it 🚀", "--user", "ops", "--priority", "high", "--json"] + common, environment: env)
            #expect(created.status == 0, "\(created.stderr)")
            let task = try JSONParser.parse(created.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
            let id = try #require(task["taskId"]?.stringValue)
            #expect(task["title"]?.stringValue == "Ship it 🚀")
            let list = try Subprocess.run(Subprocess.taskopsBinary, ["tasks"] + common, environment: env)
            #expect(list.stdout.contains("Ship it"))
            let missing = try Subprocess.run(Subprocess.taskopsBinary, ["task", "get", "nope"] + common, environment: env)
            #expect(missing.status == 3)
            #expect(missing.stderr.contains("Task not found"))
            let readonly = try Subprocess.run(Subprocess.taskopsBinary, ["task", "delete", id, "--readonly"] + common, environment: env)
            #expect(readonly.status == 7)
            let alarms = try Subprocess.run(Subprocess.taskopsBinary, ["alarms", "--json"] + common, environment: env)
            #expect(alarms.status == 0, "\(alarms.stderr)")
            #expect(try JSONParser.parse(alarms.stdout.trimmingCharacters(in: .whitespacesAndNewlines)).arrayValue?.count == 8)
            let metrics = try Subprocess.run(Subprocess.taskopsBinary, ["metrics"] + common, environment: env)
            #expect(metrics.stdout.contains("4XXError is a REST API metric"), "\(metrics.stderr)")
            let events = try Subprocess.run(Subprocess.taskopsBinary, ["events", "--since", "10m"] + common, environment: env)
            #expect(events.stdout.contains("TaskCreated"), "\(events.stderr)")
            // The workflow needs a moment (real time at scale 1) to set pending_approval.
            var approvals = ""
            for _ in 0..<30 {
                approvals = try Subprocess.run(Subprocess.taskopsBinary, ["approvals"] + common, environment: env).stdout
                if approvals.contains(id) { break }
                usleep(200_000)
            }
            #expect(approvals.contains(id))
            let approved = try Subprocess.run(Subprocess.taskopsBinary, ["approve", id] + common, environment: env)
            #expect(approved.status == 0, "\(approved.stderr)")
            let again = try Subprocess.run(Subprocess.taskopsBinary, ["reject", id] + common, environment: env)
            #expect(again.status == 4, "a second decision is a conflict")
            let badConfig = try Subprocess.run(Subprocess.taskopsBinary, ["tasks", "--config", "/nonexistent.toml"] + common, environment: env)
            #expect(badConfig.status == 78)
        }

        @Test func awsCLIWorksAgainstServe() throws {
            guard let aws = Subprocess.which("aws") else {
                Issue.record("the AWS CLI is not installed (scripts/setup.sh --test installs it)")
                return
            }
            let (server, endpoint) = try serve()
            defer { server.stop() }
            _ = try Subprocess.run("/usr/bin/env", ["curl", "-s", "-X", "POST", endpoint + "/dev/tasks", "-H", "Content-Type: application/json",
                                                   "-d", #"{"title": "from curl", "userId": "u", "priority": "high"}"#])
            _ = try Subprocess.run("/usr/bin/env", ["curl", "-s", "-X", "POST", endpoint + "/dev/tasks", "-H", "Content-Type: application/json",
                                                   "-d", #"{"title": "unimportant", "userId": "u", "priority": "low"}"#])
            usleep(500_000)
            let env = ["AWS_ACCESS_KEY_ID": "test", "AWS_SECRET_ACCESS_KEY": "test", "HOME": NSTemporaryDirectory(),
                       "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin", "AWS_DEFAULT_REGION": "us-east-1"]
            let logs = try Subprocess.run(aws, ["--endpoint-url", endpoint, "logs", "filter-log-events", "--log-group-name",
                                                "/aws/lambda/task-manager-create-task-dev", "--output", "json"], environment: env)
            #expect(logs.status == 0, "\(logs.stderr)")
            #expect(logs.stdout.contains("Published TaskCreated event"))
            let high = try Subprocess.run(aws, ["--endpoint-url", endpoint, "logs", "filter-log-events", "--log-group-name", "/aws/events/task-manager-dev",
                                                "--filter-pattern", #"{ $.detail.priority = "high" && $.detail-type = "TaskCreated" }"#, "--output", "json"], environment: env)
            #expect(high.status == 0, "\(high.stderr)")
            #expect(high.stdout.contains(#"\"priority\":\"high\""#) && !high.stdout.contains(#"\"priority\":\"low\""#), "JSON filter patterns select by field")
            let executions = try Subprocess.run(aws, ["--endpoint-url", endpoint, "stepfunctions", "list-executions", "--state-machine-arn",
                                                      StackNames().stateMachineArn, "--output", "json"], environment: env)
            #expect(executions.status == 0, "\(executions.stderr)")
            #expect(executions.stdout.contains("approval-"))
            let alarms = try Subprocess.run(aws, ["--endpoint-url", endpoint, "cloudwatch", "describe-alarms", "--output", "json"], environment: env)
            #expect(alarms.status == 0, "\(alarms.stderr)")
            #expect(alarms.stdout.contains("task-manager-api-latency-dev"))
            // The reads log tailers and scripts make.
            let rules = try Subprocess.run(aws, ["--endpoint-url", endpoint, "events", "list-rules", "--event-bus-name", "task-manager-events-dev",
                                                 "--output", "json"], environment: env)
            #expect(rules.status == 0 && rules.stdout.contains("task-manager-high-priority-task-dev"), "\(rules.stderr)")
            let streams = try Subprocess.run(aws, ["--endpoint-url", endpoint, "logs", "describe-log-streams", "--log-group-name",
                                                   "/aws/lambda/task-manager-create-task-dev", "--query", "logStreams[0].logStreamName", "--output", "text"],
                                             environment: env)
            #expect(streams.status == 0, "\(streams.stderr)")
            let tailed = try Subprocess.run(aws, ["--endpoint-url", endpoint, "logs", "get-log-events", "--log-group-name", "/aws/lambda/task-manager-create-task-dev",
                                                  "--log-stream-name", streams.stdout.trimmingCharacters(in: .whitespacesAndNewlines), "--start-from-head",
                                                  "--output", "json"], environment: env)
            #expect(tailed.status == 0 && tailed.stdout.contains("Published TaskCreated event"), "\(tailed.stderr)")
            let listed = try Subprocess.run(aws, ["--endpoint-url", endpoint, "cloudwatch", "list-metrics", "--namespace", "AWS/Lambda", "--output", "json"],
                                            environment: env)
            #expect(listed.status == 0 && listed.stdout.contains("task-manager-create-task-dev"), "\(listed.stderr)")
            let statistics = try Subprocess.run(aws, ["--endpoint-url", endpoint, "cloudwatch", "get-metric-statistics", "--namespace", "AWS/Lambda",
                                                      "--metric-name", "Invocations", "--start-time", "2000-01-01T00:00:00Z", "--end-time", "2100-01-01T00:00:00Z",
                                                      "--period", "86400", "--statistics", "Sum", "--output", "json"], environment: env)
            #expect(statistics.status == 0 && statistics.stdout.contains(#""Sum""#), "\(statistics.stderr)")
        }

        @Test func botocoreSpeakingCBORGetsTheSameCloudWatch() throws {
            guard let python = Subprocess.which("python3") else { Issue.record("python3 is not installed"); return }
            let (server, endpoint) = try serve()
            defer { server.stop() }
            _ = try Subprocess.run("/usr/bin/env", ["curl", "-s", "-X", "POST", endpoint + "/dev/tasks", "-H", "Content-Type: application/json",
                                                   "-d", #"{"title": "metrics please", "userId": "u"}"#])
            let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Scripts/cloudwatch_cbor.py").path
            let result = try Subprocess.run(python, [script, endpoint], timeout: 60)
            #expect(result.status == 0, "\(result.stderr)")
            let answer = try JSONParser.parse(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
            #expect(answer["alarms"]?.arrayValue?.count == 2)
            #expect(answer["next"]?.boolValue == true, "paging tokens survive CBOR")
            #expect(answer["stateUpdatedIsDate"]?.boolValue == true && answer["timestampsAreDates"]?.boolValue == true, "timestamps are tag 1")
            #expect(answer["series"]?.numberValue?.intValue == 1)
            #expect(answer["dashboards"]?.arrayValue?.first?.stringValue == "task-manager-dashboard-dev")
            #expect(answer["missing"]?.stringValue == "ResourceNotFound", "errors keep their code")
        }


        @Test func signatureCheckingRefusesAWrongSecret() throws {
            guard let aws = Subprocess.which("aws") else {
                Issue.record("the AWS CLI is not installed (scripts/setup.sh --test installs it)")
                return
            }
            let (server, endpoint) = try serve(["--auth", "AKIDGOOD:rightsecret"])
            defer { server.stop() }
            var env = ["AWS_ACCESS_KEY_ID": "AKIDGOOD", "AWS_SECRET_ACCESS_KEY": "rightsecret", "HOME": NSTemporaryDirectory(),
                       "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin", "AWS_DEFAULT_REGION": "us-east-1"]
            let good = try Subprocess.run(aws, ["--endpoint-url", endpoint, "logs", "describe-log-groups"], environment: env)
            #expect(good.status == 0, "\(good.stderr)")
            env["AWS_SECRET_ACCESS_KEY"] = "wrongsecret"
            let bad = try Subprocess.run(aws, ["--endpoint-url", endpoint, "logs", "describe-log-groups"], environment: env)
            #expect(bad.status != 0)
            #expect(bad.stderr.contains("InvalidSignatureException") || bad.stderr.contains("signature"))
            let mine = try Subprocess.run(Subprocess.taskopsBinary, ["alarms", "--endpoint-url", endpoint, "--project", "task-manager"], environment: env)
            #expect(mine.status == 5, "auth failures exit 5: \(mine.stderr)")
            #expect(!mine.stderr.contains("wrongsecret"), "secrets are never printed")
        }

        @Test func demoInTmuxApprovesATaskAndRestoresTheTerminal() throws {
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("taskops-e2e-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            let beforePath = dir.appendingPathComponent("stty.before").path, afterPath = dir.appendingPathComponent("stty.after").path
            let tmux = try TmuxSession(command: "stty -g > \(beforePath); \(Subprocess.taskopsBinary) demo --traffic 0; stty -g > \(afterPath)",
                                       width: 120, height: 40, environment: ["TERM": "xterm-256color", "LANG": "C.UTF-8"])
            defer { tmux.kill() }
            let started = try tmux.waitFor(text: "4 Metrics", timeout: 30)
            #expect(started.matched, "\(started.screen)")
            for title in ["1 Tasks", "2 Events", "3 Approvals"] { #expect(started.screen.contains(title)) }
            #expect(try tmux.waitFor(text: "alarms 0/8", timeout: 30).matched, "alarms loaded")
            // Create a high-priority task through the API the console watches, then approve it with keys.
            let endpoint = try #require(started.screen.split(separator: " ").first { $0.hasPrefix("http://127.0.0.1:") }).replacingOccurrences(of: "/dev", with: "")
            _ = try Subprocess.run("/usr/bin/env", ["curl", "-s", "-X", "POST", endpoint + "/dev/tasks", "-H", "Content-Type: application/json",
                                                   "-d", #"{"title": "Approve me e2e", "userId": "tester", "priority": "high"}"#])
            #expect(try tmux.waitFor(text: "(1 waiting)", timeout: 30).matched, "the task reached the approval queue")
            try tmux.send("3")
            try tmux.send("a")
            #expect(try tmux.waitFor(text: "'Approve me e2e'", timeout: 10).matched, "the confirmation names the task")
            try tmux.send("y")
            #expect(try tmux.waitFor(text: "(0 waiting)", timeout: 30).matched, "the row left the queue")
            try tmux.send("2")
            try tmux.send("/")
            try tmux.send("TaskApproved", literal: true)
            try tmux.send("Enter")
            #expect(try tmux.waitFor(text: "TaskApproved", timeout: 60).matched, "TaskApproved arrived in Events")
            try tmux.resize(width: 80, height: 24)
            #expect(try tmux.waitFor(text: "4 Metrics", timeout: 10).matched, "usable at 80x24")
            try tmux.send("q")
            #expect(try tmux.waitFor(text: "[exited 0]", timeout: 10).matched)
            let before = try String(contentsOfFile: beforePath, encoding: .utf8)
            let after = try String(contentsOfFile: afterPath, encoding: .utf8)
            #expect(before == after, "terminal modes restored")
        }
    }
}
