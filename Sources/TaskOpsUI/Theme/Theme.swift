import Foundation
import TOMLKit
import TaskOpsCore

/// Colours per semantic role, from a `themes/*.toml` file:
///
/// ```toml
/// name = "default"
/// [colors]          # role = colour name (black, red, …, bright-white, default), 0-255 or "#rrggbb"
/// ok = "green"
/// error = "bright-red"
/// ```
/// Unknown roles are reported; roles left out keep the default theme's colour.
public struct Theme: Sendable, Equatable {
    public var name: String
    /// Foreground colour per role.
    public var colors: [Role: ThemeColor]

    public static let colorNames: [String: Int] = [
        "default": -1, "black": 0, "red": 1, "green": 2, "yellow": 3, "blue": 4, "magenta": 5, "cyan": 6, "white": 7,
        "bright-black": 8, "gray": 8, "grey": 8, "bright-red": 9, "bright-green": 10, "bright-yellow": 11, "bright-blue": 12,
        "bright-magenta": 13, "bright-cyan": 14, "bright-white": 15,
    ]

    public static let roleNames: [String: Role] = [
        "normal": .normal, "dim": .dim, "header": .header, "title": .title, "selected": .selected, "focus-border": .focusBorder,
        "border": .border, "ok": .ok, "pending": .pending, "warn": .warn, "error": .error, "accent": .accent, "marked": .marked,
        "series1": .series1, "series2": .series2, "series3": .series3, "series4": .series4,
    ]

    public struct LoadError: Error, Sendable, Equatable, CustomStringConvertible {
        public var file: String
        public var line: Int?
        public var message: String
        public var description: String { "\(file)\(line.map { ":\($0)" } ?? ""): \(message)" }
    }

    public static func parse(_ text: String, file: String, base: Theme? = nil) throws(LoadError) -> (Theme, [LoadError]) {
        let table: TOMLTable
        if let problem = TOMLHeaderCheck.problem(in: text) { throw LoadError(file: file, line: problem.line, message: problem.message) }
        do { table = try TOMLTable(string: text) } catch let error as TOMLParseError {
            throw LoadError(file: file, line: error.source.begin.line, message: error.description)
        } catch {
            throw LoadError(file: file, message: "\(error)")
        }
        var theme = base ?? .fallback
        var warnings: [LoadError] = []
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        func line(of key: String) -> Int? {
            lines.firstIndex { $0.trimmingCharacters(in: .whitespaces).hasPrefix(key) }.map { $0 + 1 }
        }
        theme.name = table["name"]?.string ?? (file as NSString).lastPathComponent.replacingOccurrences(of: ".toml", with: "")
        guard let colors = table["colors"]?.table else {
            if table["colors"] != nil { throw LoadError(file: file, line: line(of: "[colors]"), message: "'colors' must be a table") }
            return (theme, warnings)
        }
        for key in colors.keys {
            guard let role = roleNames[key] else {
                warnings.append(LoadError(file: file, line: line(of: key), message: "unknown role '\(key)' ignored"))
                continue
            }
            let value = colors[key]
            if let name = value?.string, let color = colorNames[name.lowercased()] {
                theme.colors[role] = color < 0 ? .terminalDefault : .index(color)
            } else if let text = value?.string, let color = ThemeColor.hex(text) {
                theme.colors[role] = color
            } else if let number = value?.int, (0...255).contains(number) {
                theme.colors[role] = .index(number)
            } else {
                throw LoadError(file: file, line: line(of: key), message: "colour for '\(key)' must be a name (red, bright-blue, default…), 0-255 or #rrggbb")
            }
        }
        return (theme, warnings)
    }

    /// The colours used when no theme file can be read.
    public static let fallback = Theme(name: "default", colors: [
        .normal: .terminalDefault, .dim: .index(8), .header: .index(6), .title: .index(6), .selected: .index(6), .focusBorder: .index(6),
        .border: .index(8), .ok: .index(2), .pending: .index(4), .warn: .index(3), .error: .index(1), .accent: .index(5), .marked: .index(3),
        .series1: .index(6), .series2: .index(5), .series3: .index(3), .series4: .index(2),
    ])

    /// Finds `name` in the user's themes folder, then the shipped `themes/` folder; falls back to
    /// the built-in default with a message naming the file and line.
    public static func load(name: String, environment: [String: String], shippedDirectory: String?) -> (Theme, [String]) {
        let config = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.config")
        let candidates = [config + "/taskops/themes/\(name).toml"] + (shippedDirectory.map { ["\($0)/\(name).toml"] } ?? [])
        for path in candidates where FileManager.default.fileExists(atPath: path) {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return (.fallback, ["\(path): cannot be read; using the default theme"]) }
            do {
                let (theme, warnings) = try parse(text, file: path)
                return (theme, warnings.map(\.description))
            } catch {
                return (.fallback, ["\(error.description); using the default theme"])
            }
        }
        return (.fallback, name == "default" ? [] : ["theme '\(name)' not found in \(candidates.joined(separator: " or ")); using the default theme"])
    }
}
