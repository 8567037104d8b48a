import Foundation
import TOMLKit
import TaskOpsCore

/// `~/.config/taskops/keys.toml`: rebinds actions by name, everywhere or in one section.
///
/// ```toml
/// approve = ["a", "ctrl-a"]     # top level: wherever an action of that name is
/// [events]                      # one pane (its own actions and the global ones) or one mode:
/// move-down = ["j", "down", "ctrl-n"]   # global, tasks, events, approvals, metrics, overlay,
/// [form]                                # confirm, form, filter, command
/// save = ["enter", "ctrl-o"]
/// ```
/// Every problem (syntax, unknown section or action, a key that is not one, a conflict) is
/// reported with its file and line, and the binding concerned keeps its default keys.
public enum KeyBindingsFile {
    /// `$XDG_CONFIG_HOME/taskops/keys.toml`, else `~/.config/taskops/keys.toml`.
    public static func defaultPath(environment: [String: String]) -> String {
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty { return xdg + "/taskops/keys.toml" }
        return (environment["HOME"] ?? NSHomeDirectory()) + "/.config/taskops/keys.toml"
    }

    /// Reads `path`; a missing file is the defaults (an error only when the file was asked for by name).
    public static func load(path: String, mustExist: Bool = false) -> (KeyMap, [KeyBindingProblem]) {
        guard FileManager.default.fileExists(atPath: path) else {
            return (.defaults, mustExist ? [KeyBindingProblem(file: path, line: nil, message: "file not found")] : [])
        }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            return (.defaults, [KeyBindingProblem(file: path, line: nil, message: "cannot be read as UTF-8 text; using the default keys")])
        }
        return parse(text, file: path)
    }

    public static func parse(_ text: String, file: String, defaults: KeyMap = .defaults) -> (KeyMap, [KeyBindingProblem]) {
        let table: TOMLTable
        if let problem = TOMLHeaderCheck.problem(in: text) {
            return (defaults, [KeyBindingProblem(file: file, line: problem.line, message: problem.message + "; using the default keys")])
        }
        do { table = try TOMLTable(string: text) } catch let error as TOMLParseError {
            let problem = KeyBindingProblem(file: file, line: error.source.begin.line, message: error.description + "; using the default keys")
            return (defaults, [problem])
        } catch {
            return (defaults, [KeyBindingProblem(file: file, line: nil, message: "\(error); using the default keys")])
        }
        var reader = KeyOverrideReader(file: file, lines: TOMLKeyLines(text), defaults: defaults)
        for name in table.keys {
            guard let value = table[name] else { continue }
            if let section = value.table {
                reader.readSection(name, section)
            } else {
                reader.read(name, value, section: nil)
            }
        }
        var resolver = KeyOverrideResolver(defaults: defaults, overrides: reader.overrides, file: file)
        let map = resolver.resolve()
        let problems = (reader.problems + resolver.problems).sorted { ($0.line ?? 0) < ($1.line ?? 0) }
        return (map, problems)
    }
}
