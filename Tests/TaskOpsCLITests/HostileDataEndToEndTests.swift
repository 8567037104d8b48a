import AWSSigV4
import Foundation
import Testing
import TaskOpsAWS
import TaskOpsCore
import TaskOpsTesting

extension ProcessDriven {
    /// Hostile strings put into tasks through the simulator's Task API come back exactly through the
    /// CLI's `--json`, and nothing of them that a terminal would act on reaches a terminal: neither
    /// the CLI's text output nor the bytes the console writes to a pty.
    @Suite(.serialized) struct HostileDataEndToEndTests {
        /// Every hostile string the API accepts as a title (an empty title is refused: it is falsy).
        static let titles = HostileStrings.all.filter { !$0.isEmpty }

        struct Seeded {
            let server: ChildProcess
            let endpoint: String
            let ids: [String: String]
            /// Alarm name → the hostile reason it was set with.
            let reasons: [String: String]
            var common: [String] { ["--api-url", endpoint + "/dev", "--endpoint-url", endpoint] }
        }

        /// `taskops serve` holding one task per hostile title, hostile user ids and priorities (which
        /// the handlers write into log lines), and high-priority ones that reach the approval queue.
        func seeded() async throws -> Seeded {
            let (server, endpoint, _) = try ServeProcess.start()
            let api = TaskAPIClient(baseURL: endpoint + "/dev", transport: CurlTransport())
            var ids: [String: String] = [:]
            for (index, title) in Self.titles.enumerated() {
                let user = index % 5 == 0 ? String(Self.titles[(index * 7) % Self.titles.count].prefix(200)) : "user\(index)"
                let priority = index % 11 == 0 ? "high" : (index % 3 == 0 ? String(title.prefix(100)) : "low")
                let task = try await api.createTask(TaskDraft(title: title, userId: user.isEmpty ? "u" : user, description: title, priority: priority))
                ids[task.taskId] = title
            }
            // Every alarm in a state whose reason is hostile, set over the wire as an operator's drill would.
            let cloudWatch = StackClients(region: "us-east-1", endpoints: .resolve(region: "us-east-1", override: endpoint, environment: [:]), apiURL: nil,
                                          credentials: StaticCredentialsProvider(AWSCredentials(accessKeyId: "AK", secretAccessKey: "S"))).cloudWatch
            var reasons: [String: String] = [:]
            for (index, name) in StackNames().alarmNames.enumerated() {
                let reason = String(Self.titles[(index * 37 + 11) % Self.titles.count].prefix(1000))
                _ = try await cloudWatch.client.call("SetAlarmState", ["AlarmName": .string(name), "StateValue": .string(index % 2 == 0 ? "ALARM" : "OK"),
                                                                        "StateReason": .string(reason)])
                reasons[name] = reason
            }
            return Seeded(server: server, endpoint: endpoint, ids: ids, reasons: reasons)
        }

        static func controlScalars(_ text: String, allowNewlines: Bool) -> [UInt32] {
            text.unicodeScalars.map(\.value).filter { value in
                (value < 0x20 && !(allowNewlines && value == 0x0A)) || (0x7F...0x9F).contains(value)
                    || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
            }
        }

        @Test func jsonRoundTripsEveryTitleExactly() async throws {
            let seeded = try await seeded()
            defer { seeded.server.stop() }
            let env = ServeProcess.environment(home: try ServeProcess.temporaryDirectory(), ["AWS_ACCESS_KEY_ID": "AKIDTEST", "AWS_SECRET_ACCESS_KEY": "secret"])
            let list = try Subprocess.run(Subprocess.taskopsBinary, ["tasks", "--json", "--limit", "5000"] + seeded.common, environment: env)
            #expect(list.status == 0, "\(list.stderr)")
            #expect(Self.controlScalars(list.stdout, allowNewlines: true).isEmpty, "--json output holds raw control characters")
            let tasks = try #require(try JSONParser.parse(list.stdout.trimmingCharacters(in: .whitespacesAndNewlines))["tasks"]?.arrayValue)
            #expect(tasks.count == seeded.ids.count)
            for task in tasks {
                let id = try #require(task["taskId"]?.stringValue)
                #expect(task["title"]?.stringValue == seeded.ids[id], "title of \(id) changed in `tasks --json`")
                #expect(task["description"]?.stringValue == seeded.ids[id], "description of \(id) changed")
            }
            // `task get --json` for a spread of them, including the 10k-character and escape-laden ones.
            let sample = seeded.ids.filter { $0.value.count >= 5000 || $0.value.contains("\u{1B}") || $0.value.contains("\u{202E}") || $0.value.contains("\0") }
            #expect(sample.count >= 20)
            for (id, title) in sample {
                let result = try Subprocess.run(Subprocess.taskopsBinary, ["task", "get", id, "--json"] + seeded.common, environment: env)
                #expect(result.status == 0, "\(result.stderr)")
                #expect(Self.controlScalars(result.stdout, allowNewlines: true).isEmpty)
                let task = try JSONParser.parse(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
                #expect(task["title"]?.stringValue == title, "title of \(id) changed in `task get --json`")
            }
        }

        @Test func alarmReasonsRoundTripThroughJSON() async throws {
            let seeded = try await seeded()
            defer { seeded.server.stop() }
            let env = ServeProcess.environment(home: try ServeProcess.temporaryDirectory(), ["AWS_ACCESS_KEY_ID": "AKIDTEST", "AWS_SECRET_ACCESS_KEY": "secret"])
            let result = try Subprocess.run(Subprocess.taskopsBinary, ["alarms", "--json"] + seeded.common, environment: env)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(Self.controlScalars(result.stdout, allowNewlines: true).isEmpty, "--json output holds raw control characters")
            let alarms = try #require(try JSONParser.parse(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)).arrayValue)
            #expect(alarms.count == seeded.reasons.count)
            for alarm in alarms {
                let name = try #require(alarm["name"]?.stringValue)
                #expect(alarm["reason"]?.stringValue == seeded.reasons[name], "reason of \(name) changed in `alarms --json`")
            }
        }

        @Test func textOutputIsInert() async throws {
            let seeded = try await seeded()
            defer { seeded.server.stop() }
            let env = ServeProcess.environment(home: try ServeProcess.temporaryDirectory(), ["AWS_ACCESS_KEY_ID": "AKIDTEST", "AWS_SECRET_ACCESS_KEY": "secret"])
            let someId = try #require(seeded.ids.first { $0.value.contains("\u{1B}]52") }?.key)
            for arguments in [["tasks", "--limit", "5000"], ["events", "--since", "30m"], ["approvals"], ["alarms"], ["task", "get", someId]] {
                let result = try Subprocess.run(Subprocess.taskopsBinary, arguments + seeded.common, environment: env)
                #expect(result.status == 0, "\(arguments): \(result.stderr)")
                #expect(Self.controlScalars(result.stdout + result.stderr, allowNewlines: true).isEmpty, "\(arguments) wrote control characters")
                for payload in PtyBytes.payloads { #expect(!result.stdout.contains(payload), "\(arguments) wrote the payload \(payload)") }
            }
        }

        @Test func consoleWritesNothingActiveToThePty() async throws {
            let seeded = try await seeded()
            defer { seeded.server.stop() }
            let home = try ServeProcess.temporaryDirectory()
            let capture = home + "/pty.bytes", go = home + "/go"
            let env = ServeProcess.environment(home: home, ["AWS_ACCESS_KEY_ID": "AKIDTEST", "AWS_SECRET_ACCESS_KEY": "secret",
                                                            "TERM": "xterm-256color", "LANG": "C.UTF-8"])
            let command = "while [ ! -e \(go) ]; do sleep 0.1; done; \(Subprocess.taskopsBinary) console " + seeded.common.joined(separator: " ")
            let tmux = try TmuxSession(command: command, width: 160, height: 50, environment: env)
            defer { tmux.kill() }
            try tmux.run(["pipe-pane", "-o", "-t", tmux.name, "cat >> \(capture)"])
            #expect(FileManager.default.createFile(atPath: go, contents: nil))
            #expect(try tmux.waitFor(text: "Tasks (\(seeded.ids.count)", timeout: 40).matched, "every task listed")
            // Walk every pane: zoomed tasks page by page, a detail view, events raw and parsed, approvals.
            try tmux.send("z")
            for _ in 0..<(seeded.ids.count / 10 + 2) { try tmux.send("PageDown") }
            for key in ["Enter", "Escape", "g", "Enter", "Escape", "z", "2", "z", "w", "PageUp", "PageUp", "w", "Enter", "Escape", "z", "3", "Enter", "Escape", "4", "Enter", "Escape", "j", "Enter", "Escape", "j", "j", "Enter", "Escape", "3"] {
                try tmux.send(key)
                usleep(150_000)
            }
            #expect(try tmux.waitFor(text: "3 Approvals", timeout: 10).matched)
            try tmux.send("q")
            #expect(try tmux.waitFor(text: "[exited 0]", timeout: 20).matched)
            usleep(300_000)
            let bytes = try #require(FileManager.default.contents(atPath: capture))
            #expect(bytes.count > 10_000, "the capture holds the session")
            let problems = PtyBytes.problems(in: [UInt8](bytes))
            #expect(problems.isEmpty, "\(problems.joined(separator: "; "))")
        }
    }
}
