import Testing
@testable import TaskOpsCLI

@Suite struct ConfigFileTests {
    @Test func readsEveryKey() throws {
        let config = try ConfigFile.parse("""
            project = "shop"
            env = "prod"
            region = "eu-west-1"
            api_url = "https://abc123.execute-api.eu-west-1.amazonaws.com/prod"
            readonly = true

            [poll]
            tasks = 5
            events = 0.2
            logs_calls_per_second = 2
            """, file: "config.toml")
        #expect(config.project == "shop")
        #expect(config.env == "prod")
        #expect(config.readonly == true)
        #expect(config.poll.tasks == 5)
        #expect(config.poll.events == 1, "raised to the floor")
        #expect(config.poll.logsCallsPerSecond == 2)
        #expect(config.warnings.map(\.line) == [9])
    }

    @Test func syntaxErrorNamesFileAndLine() {
        #expect {
            try ConfigFile.parse("project = \"a\"\nenv = \n", file: "c.toml")
        } throws: { error in
            let error = error as? ConfigError
            return error?.file == "c.toml" && error?.line == 2
        }
    }

    @Test func wrongTypeNamesTheLine() {
        #expect {
            try ConfigFile.parse("project = \"a\"\n\nreadonly = \"yes\"\n", file: "c.toml")
        } throws: { error in
            (error as? ConfigError)?.description == "c.toml:3: 'readonly' must be true or false"
        }
    }

    @Test func unknownKeysWarnWithLines() throws {
        let config = try ConfigFile.parse("projetc = \"a\"\n[poll]\nevnets = 3\n", file: "c.toml")
        #expect(config.warnings.map(\.description) == ["c.toml:1: unknown key 'projetc' ignored", "c.toml:3: unknown key 'poll.evnets' ignored"])
    }

    @Test func reconcileIntervalIsReadWithItsFloor() throws {
        let config = try ConfigFile.parse("[poll]\nreconcile = 600\n", file: "c.toml")
        #expect(config.poll.reconcile == 600)
        let low = try ConfigFile.parse("[poll]\n\nreconcile = 5\n", file: "c.toml")
        #expect(low.poll.reconcile == 30)
        #expect(low.warnings.map(\.description) == ["c.toml:3: 'poll.reconcile' raised to the 30 s minimum"])
        #expect(throws: ConfigError.self) { try ConfigFile.parse("[poll]\nreconcile = -1\n", file: "c.toml") }
    }

    @Test func logsRateAboveAccountLimitIsRefused() {
        #expect(throws: ConfigError.self) { try ConfigFile.parse("[poll]\nlogs_calls_per_second = 9\n", file: "c.toml") }
    }

    @Test func missingDefaultFileIsEmptyButExplicitOneIsAnError() throws {
        #expect(try ConfigFile.load(path: "/nonexistent/taskops.toml", mustExist: false) == ConfigFile())
        #expect(throws: ConfigError.self) { try ConfigFile.load(path: "/nonexistent/taskops.toml", mustExist: true) }
    }
}
