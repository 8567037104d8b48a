/// The `?` overlay, drawn from the key table: a section per pane listing each action with its
/// keys, the `:` commands, then a section per overlay and prompt; two columns when the width allows, one when narrow,
/// with descriptions wrapping under themselves.
enum KeyHelp {
    struct Entry {
        var keys: String
        var description: String
    }

    struct Section {
        var title: String
        var entries: [Entry]
    }

    static let commands: [Entry] = [
        Entry(keys: ":tasks :events", description: "go to Tasks, Events"),
        Entry(keys: ":approvals", description: "go to Approvals"),
        Entry(keys: ":metrics", description: "go to Metrics"),
        Entry(keys: ":refresh", description: "read every source again now"),
        Entry(keys: ":readonly", description: "no writes for the rest of the session"),
        Entry(keys: ":dashboard", description: "stack|deployed: the dashboard drawn"),
        Entry(keys: ":filter", description: "status=S user=U on Tasks; alone clears"),
        Entry(keys: ":theme NAME", description: "switch theme (default, light, mono…)"),
        Entry(keys: ":charts", description: "braille|blocks|ascii chart glyphs"),
        Entry(keys: ":q", description: "quit"),
    ]

    /// The section headings as the help writes them, for the overlay to set apart.
    static let headings: Set<String> = Set((KeyScope.allCases.map(\.title) + ["Commands"]).map { $0.uppercased() })

    static func sections(_ map: KeyMap, focus: PaneID, readonly: Bool) -> [Section] {
        func entries(_ actions: [KeyAction]) -> [Entry] {
            actions.filter { !$0.keys.isEmpty }.map {
                Entry(keys: KeyLabels.list($0.keys), description: $0.description + ($0.asksFirst ? " (asks first)" : ""))
            }
        }
        let global = map.actions(in: .pane(focus), readonly: readonly).filter { $0.scope == .global }
        var sections = [Section(title: KeyScope.global.title, entries: entries(global))]
        for pane in PaneID.allCases {
            let own = map.actions(in: .pane(pane), readonly: readonly).filter { $0.scope == .pane(pane) }
            sections.append(Section(title: pane.title, entries: entries(own)))
        }
        sections.append(Section(title: "Commands", entries: commands))
        for context in [KeyContext.overlay, .confirm, .form, .filter, .command] {
            sections.append(Section(title: context.scopes[0].title, entries: entries(map.actions(in: context, readonly: readonly))))
        }
        return sections.filter { !$0.entries.isEmpty }
    }

    static func lines(_ state: ConsoleState, width: Int) -> [String] {
        let sections = sections(state.keyMap, focus: state.focus, readonly: state.readonly)
        let all = sections.flatMap(\.entries)
        let keyWidth = min(16, all.map { DisplayWidth.of($0.keys) }.max() ?? 0)
        let columnWidth = all.map { DisplayWidth.of(oneLine($0, keyWidth: keyWidth)) }.max() ?? 0
        let twoColumns = 2 * columnWidth + 4 <= width
        var lines = state.readonly ? ["Read-only: the keys that write are off.", ""] : []
        for (index, section) in sections.enumerated() {
            if index > 0 { lines.append("") }
            lines.append(section.title.uppercased())
            if twoColumns {
                let rows = (section.entries.count + 1) / 2
                for row in 0..<rows {
                    let left = oneLine(section.entries[row], keyWidth: keyWidth)
                    let right = row + rows < section.entries.count ? oneLine(section.entries[row + rows], keyWidth: keyWidth) : ""
                    lines.append(right.isEmpty ? left : pad(left, to: columnWidth + 4) + right)
                }
            } else {
                for entry in section.entries { lines += entryLines(entry, keyWidth: keyWidth, width: width) }
            }
        }
        return lines
    }

    static func oneLine(_ entry: Entry, keyWidth: Int) -> String { pad(entry.keys, to: keyWidth) + "  " + entry.description }

    /// One entry: keys padded to their column, the description wrapped under itself.
    static func entryLines(_ entry: Entry, keyWidth: Int, width: Int) -> [String] {
        let keys = pad(entry.keys, to: keyWidth) + "  "
        let indent = max(DisplayWidth.of(keys), keyWidth + 2)
        let pieces = WordWrap.lines(entry.description, width: max(8, width - indent))
        return [keys + pieces[0]] + pieces.dropFirst().map { String(repeating: " ", count: indent) + $0 }
    }

    static func pad(_ text: String, to width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - DisplayWidth.of(text)))
    }
}
