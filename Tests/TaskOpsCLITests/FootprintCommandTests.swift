import Foundation
import Testing
import TaskOpsCore

extension ProcessDriven {
    /// `taskops footprint` runs the console's polls against `taskops serve` and reports its own load:
    /// one list of the tasks and nothing more while nothing changes.
    @Suite(.serialized) struct FootprintCommandTests {
        @Test func anIdleConsoleListsOnceAndSaysWhatItCosts() async throws {
            let (server, endpoint, _) = try ServeProcess.start()
            defer { server.stop() }
            let home = try ServeProcess.temporaryDirectory()
            let env = ServeProcess.environment(home: home, ["AWS_ACCESS_KEY_ID": "AKIDTEST", "AWS_SECRET_ACCESS_KEY": "secret"])
            let common = ["--api-url", endpoint + "/dev", "--endpoint-url", endpoint]
            for title in ["one", "two", "three"] {
                let created = try Subprocess.run(Subprocess.taskopsBinary, ["task", "create", "--title", title, "--user", "ops", "--priority", "low"] + common,
                                                 environment: env)
                #expect(created.status == 0, "\(created.stderr)")
            }
            // Both measured at once, each waited for aside: ten seconds of a blocked cooperative thread
            // would hold up the other tests' simulators.
            async let json = Subprocess.runAside(Subprocess.taskopsBinary, ["footprint", "--seconds", "10", "--json"] + common, environment: env)
            async let plain = Subprocess.runAside(Subprocess.taskopsBinary, ["footprint", "--seconds", "10"] + common, environment: env)
            let (result, text) = try await (json, plain)
            #expect(result.status == 0, "\(result.stderr)")
            let report = try JSONParser.parse(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
            #expect(report["measured"]?["taskApiRequests"]?.numberValue?.intValue == 1, "one list, then only records: \(result.stdout)")
            #expect(report["taskList"]?["mode"]?.stringValue == "watching")
            #expect(report["taskList"]?["lists"]?.numberValue?.intValue == 1)
            #expect((report["measured"]?["logsRequests"]?.numberValue?.intValue ?? 0) >= 5, "the records are read meanwhile")
            #expect((report["totalCostPerHour"]?.numberValue?.doubleValue ?? 0) > 0)
            #expect(report["prices"]?["region"]?.stringValue == "us-east-1")
            #expect(report["errors"]?.objectValue?.isEmpty == true, "\(result.stdout)")

            #expect(text.status == 0, "\(text.stderr)")
            #expect(text.stdout.contains("Task API requests") && text.stdout.contains("listed once, kept from the stack's records"), "\(text.stdout)")
            #expect(text.stdout.contains("a month for one console left open"))
        }

        @Test func tooShortOrTooLongIsAUsageError() throws {
            let result = try Subprocess.run(Subprocess.taskopsBinary, ["footprint", "--seconds", "2", "--api-url", "http://127.0.0.1:9/dev"], environment: [:])
            #expect(result.status == 64, "\(result.stderr)")
            #expect(result.stderr.contains("--seconds must be 10…3600"))
        }
    }
}
