import Foundation
import Testing
@testable import TaskOpsUI

@Suite struct ThemeTests {
    static let themesDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("themes").path

    @Test(arguments: ["default", "light", "high-contrast", "mono", "ocean"])
    func shippedThemesLoadCleanly(_ name: String) throws {
        let text = try String(contentsOfFile: "\(Self.themesDirectory)/\(name).toml", encoding: .utf8)
        let (theme, warnings) = try Theme.parse(text, file: "\(name).toml")
        #expect(warnings.isEmpty)
        #expect(theme.name == name)
        #expect(Set(theme.colors.keys) == Set(Role.allCases), "every role has a colour")
    }

    @Test func shippedDefaultMatchesTheBuiltInFallback() throws {
        let text = try String(contentsOfFile: "\(Self.themesDirectory)/default.toml", encoding: .utf8)
        #expect(try Theme.parse(text, file: "default.toml").0 == Theme.fallback)
    }

    @Test func badFilesNameTheLineAndFallBack() {
        #expect {
            try Theme.parse("name = \"x\"\n[colors]\nok = \"chartreuse\"\n", file: "x.toml")
        } throws: { ($0 as? Theme.LoadError)?.description == "x.toml:3: colour for 'ok' must be a name (red, bright-blue, default…), 0-255 or #rrggbb" }
        #expect(throws: Theme.LoadError.self) { try Theme.parse("[colors\n", file: "y.toml") }
        let warned = try? Theme.parse("[colors]\nokk = \"red\"\n", file: "z.toml")
        #expect(warned?.1.first?.description == "z.toml:2: unknown role 'okk' ignored")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("themes-\(UUID())")
        try? FileManager.default.createDirectory(at: dir.appendingPathComponent("taskops/themes"), withIntermediateDirectories: true)
        try? "[colors]\nok = 999\n".write(to: dir.appendingPathComponent("taskops/themes/broken.toml"), atomically: true, encoding: .utf8)
        let (theme, messages) = Theme.load(name: "broken", environment: ["XDG_CONFIG_HOME": dir.path], shippedDirectory: nil)
        #expect(theme == .fallback)
        #expect(messages.first?.contains("broken.toml:2") == true)
        #expect(Theme.load(name: "nope", environment: ["XDG_CONFIG_HOME": dir.path], shippedDirectory: nil).1.first?.contains("not found") == true)
    }

    @Test func coloursDegradeToWhatTheTerminalShows() throws {
        let red = try #require(ThemeColor.hex("#ff0000"))
        #expect(red.terminalColor(.truecolor) == 0xff0000)
        #expect(red.terminalColor(.indexed256) == 196)
        #expect(red.terminalColor(.sixteen) == 9)
        #expect(red.terminalColor(.eight) == 1)
        #expect(red.terminalColor(.mono) == -1)
        #expect(ThemeColor.index(9).terminalColor(.eight) == 1, "bright colours fall back to their plain ones")
        #expect(ThemeColor.index(2).terminalColor(.truecolor) == 2, "ANSI colours stay ANSI on direct-colour terminals")
        #expect(ThemeColor.index(244).terminalColor(.sixteen) == 8, "a mid grey becomes bright black")
        #expect(ThemeColor.hex("#12345") == nil && ThemeColor.hex("#gg0000") == nil)
        let (ocean, _) = try Theme.parse("[colors]\nok = \"#2ecc71\"\n", file: "o.toml")
        #expect(ocean.colors[.ok] == .rgb(0x2e, 0xcc, 0x71))
    }

    @Test func depthComesFromTheTerminalAndTheFlag() {
        #expect(ColorDepth.detect(flag: "auto", terminalColors: 256, hasColors: true, environment: [:]) == .indexed256)
        #expect(ColorDepth.detect(flag: "auto", terminalColors: 1 << 24, hasColors: true, environment: [:]) == .truecolor)
        #expect(ColorDepth.detect(flag: "auto", terminalColors: 256, hasColors: true, environment: ["NO_COLOR": "1"]) == .mono)
        #expect(ColorDepth.detect(flag: "always", terminalColors: 256, hasColors: true, environment: ["NO_COLOR": "1"]) == .indexed256)
        #expect(ColorDepth.detect(flag: "never", terminalColors: 256, hasColors: true, environment: [:]) == .mono)
        #expect(ColorDepth.detect(flag: "16", terminalColors: 256, hasColors: true, environment: [:]) == .sixteen)
        #expect(ColorDepth.detect(flag: "truecolor", terminalColors: 256, hasColors: true, environment: [:]) == .indexed256, "never above terminfo")
        #expect(ColorDepth.detect(flag: "auto", terminalColors: 0, hasColors: false, environment: [:]) == .mono)
    }

    @Test func themeCommandAsksTheConsoleToSwitch() {
        var state = ConsoleState(header: HeaderInfo(stack: "s", region: "r", endpoint: "e", mode: "DEMO"))
        for key in ":theme light" { state = ConsoleReducer.reduce(state, .key(.char(key))).0 }
        let (_, effects) = ConsoleReducer.reduce(state, .key(.enter))
        #expect(effects == [.switchTheme("light")])
        #expect(effects.allSatisfy { $0.isLocal })
        for key in ":theme ../../etc/passwd" { state = ConsoleReducer.reduce(state, .key(.char(key))).0 }
        let (refused, none) = ConsoleReducer.reduce(state, .key(.enter))
        #expect(none.isEmpty && refused.flash?.hasPrefix("Usage: :theme") == true, "names only, never paths")
    }
}
