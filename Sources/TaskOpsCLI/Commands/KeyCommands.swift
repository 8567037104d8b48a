import TaskOpsCore
import TaskOpsUI

/// `taskops keys`: the effective key table (the defaults with `keys.toml` applied), scope by
/// scope, and every problem of the file with its line; exit status 78 when there is one.
public enum KeyCommands {
    public static func list(_ map: KeyMap, problems: [KeyBindingProblem], file: String, readonly: Bool, json: Bool,
                            output: CommandOutput, measure: TextMeasure) -> ExitStatus {
        let rows = map.listing(readonly: readonly)
        if json {
            output.print(JSONWriter.compact(.object([
                "file": .string(file), "readonly": .bool(readonly),
                "actions": .array(rows.map(self.json)),
                "problems": .array(problems.map { problem in
                    .object(["file": .string(problem.file), "line": problem.line.map { JSONValue.int($0) } ?? JSONValue.null, "message": .string(problem.message)])
                }),
            ])))
        } else {
            var table = TextTable(columns: [
                TextTable.Column("SCOPE", maxWidth: 10), TextTable.Column("ACTION", maxWidth: 20), TextTable.Column("KEYS", maxWidth: 30),
                TextTable.Column("FOOTER", maxWidth: 6), TextTable.Column("WRITES", maxWidth: 6), TextTable.Column("ASKS", maxWidth: 4),
                TextTable.Column("DESCRIPTION", maxWidth: 80),
            ])
            for row in rows {
                table.add([row.scope.rawValue, row.action, row.keyNames.isEmpty ? "(none)" : row.keyNames.joined(separator: ", "),
                           row.inFooter ? "yes" : "", row.writes ? "yes" : "", row.asksFirst ? "yes" : "", row.description])
            }
            output.print(table.render(measure))
        }
        for problem in problems { output.error("taskops: \(problem)") }
        return problems.isEmpty ? .ok : .config
    }

    static func json(_ row: KeyListing) -> JSONValue {
        .object([
            "scope": .string(row.scope.rawValue), "action": .string(row.action), "keys": .array(row.keyNames.map { .string($0) }),
            "description": .string(row.description), "footer": .bool(row.inFooter), "writes": .bool(row.writes), "asksFirst": .bool(row.asksFirst),
        ])
    }
}
