/// The footer's key hints, drawn from the key table of the pane or mode in use and fitted to the
/// width: when they do not all fit, the lowest-ranked go first; the rest keep the table's order.
enum KeyHints {
    struct Item {
        var text: String
        var rank: Int
    }

    /// Hints for `context`: one per footer action, or one per group of them.
    static func items(_ map: KeyMap, _ context: KeyContext, readonly: Bool) -> [Item] {
        let shown = map.actions(in: context, readonly: readonly).filter { $0.inFooter && !$0.keys.isEmpty }
        var items: [Item] = []
        var grouped: Set<KeyHintGroup> = []
        for action in shown {
            guard let group = action.group else {
                items.append(Item(text: KeyLabels.merged([action]) + " " + action.hint, rank: action.footerRank ?? 0))
                continue
            }
            guard grouped.insert(group).inserted else { continue }
            let members = shown.filter { $0.group == group }
            items.append(Item(text: KeyLabels.merged(members) + " " + action.hint, rank: members.compactMap(\.footerRank).min() ?? 0))
        }
        return items
    }

    /// The items that fit in `width` columns, two spaces apart.
    static func fitted(_ items: [Item], width: Int) -> String {
        var kept = Set<Int>()
        var used = 0
        for index in items.indices.sorted(by: { items[$0].rank < items[$1].rank }) {
            let cost = DisplayWidth.of(items[index].text) + (kept.isEmpty ? 0 : 2)
            if used + cost <= width { kept.insert(index); used += cost }
        }
        return items.indices.filter(kept.contains).map { items[$0].text }.joined(separator: "  ")
    }

    /// The whole hints row for the state's mode.
    static func line(_ state: ConsoleState, width: Int) -> String {
        let map = state.keyMap
        let context = KeyContext.of(state)
        let hints = { (room: Int) in fitted(items(map, context, readonly: state.readonly), width: room) }
        switch state.mode {
        case .confirm(let confirmation):
            let yes = map.action(named: "confirm", in: .confirm)?.keys.first.map(KeyNotation.label) ?? "y"
            let no = map.action(named: "cancel", in: .confirm)?.keys.first.map(KeyNotation.label) ?? "n"
            return Overlays.question(confirmation, state) + "  [\(yes)/\(no)]"
        case .command(let text): return ":" + text + "▏  " + hints(width - DisplayWidth.of(text) - 4)
        case .filter(let text): return "/" + text + "▏  " + hints(width - DisplayWidth.of(text) - 4)
        case .form(let form): return form.submitting ? "Saving…" : hints(width)
        case .normal: return state.flash ?? hints(width)
        case .help, .detail: return hints(width)
        }
    }
}
