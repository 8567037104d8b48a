import Foundation
import Testing
import TaskOpsCore

/// A program a test needs (python3 with moto, hypercorn…). Where it is missing the test is skipped,
/// except under CI (`CI=true`): the test script installs every tool, so a missing one there is a
/// broken setup and the test runs to fail with the reason instead of passing unnoticed.
struct ToolRequirement: Sendable {
    /// Why the tool cannot run here (nil when it can).
    let unavailableReason: String?
    let underCI: Bool

    init(unavailableReason: String?, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.unavailableReason = unavailableReason
        underCI = environment["CI"]?.lowercased() == "true"
    }

    /// Whether the test runs: when the tool is there, and always under CI.
    var runs: Bool { unavailableReason == nil || underCI }

    /// A missing tool, thrown by `check()`: the test fails with this description.
    struct Missing: Error, CustomStringConvertible {
        let description: String
    }

    /// Throws (so the test fails, under CI) when the tool is missing; call first in the test.
    func check() throws {
        if let reason = unavailableReason {
            throw Missing(description: "\(reason); CI=true, so the test fails rather than being skipped (scripts/setup.sh --test installs it)")
        }
    }

    static let python3 = ToolRequirement(unavailableReason: ChildProcess.which("python3") == nil ? "python3 is not installed" : nil)
    static let moto = ToolRequirement(unavailableReason: MotoServer.unavailableReason)
    static let hypercorn = ToolRequirement(unavailableReason: {
        guard let python = ChildProcess.which("python3") else { return "python3 is not installed" }
        let probe = try? ChildProcess.run(python, ["-c", "import hypercorn, h2"], timeout: 60)
        return probe?.status == 0 ? nil : "hypercorn (with h2) is not installed for python3"
    }())
}

@Suite struct ToolRequirementTests {
    @Test func aMissingToolSkipsLocallyAndFailsUnderCI() {
        let local = ToolRequirement(unavailableReason: "moto[server] is not installed", environment: [:])
        #expect(!local.runs, "skipped where nobody promised the tool")
        let ci = ToolRequirement(unavailableReason: "moto[server] is not installed", environment: ["CI": "true"])
        #expect(ci.runs, "under CI the test runs")
        #expect(throws: ToolRequirement.Missing.self, "and fails with the reason") { try ci.check() }
        let present = ToolRequirement(unavailableReason: nil, environment: ["CI": "true"])
        #expect(present.runs)
        #expect(throws: Never.self) { try present.check() }
    }
}
