import Foundation
import Testing
@testable import TaskOpsUI

@Suite struct ThemeTests {
    static let themesDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("themes").path

    @Test(arguments: ["default", "light", "high-contrast", "mono"])
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
        } throws: { ($0 as? Theme.LoadError)?.description == "x.toml:3: colour for 'ok' must be a name (red, bright-blue, default…) or 0-255" }
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
}
