import TaskOpsCore

/// The console's behaviour as a pure function: state and input in, new state and effects out.
public enum ConsoleReducer {
    public static func reduce(_ state: ConsoleState, _ input: ConsoleInput) -> (ConsoleState, [ConsoleEffect]) {
        var s = state
        switch input {
        case .snapshot(let snapshot):
            s.snapshot = snapshot
            for (id, verdict) in snapshot.approvals.verdicts where s.outcomes[id] != verdict.rowText {
                s.outcomes[id] = verdict.rowText
                s.flash = verdict.summary
            }
            clampSelections(&s)
            if s.following { s.selection[.events] = max(0, PaneRows.count(.events, s) - 1) }
            return (s, [])
        case .decisions(let decision, let outcomes):
            for (id, outcome) in outcomes {
                switch outcome {
                case .ok: s.outcomes[id] = decision == .approve ? "approved ✓" : "rejected ✓"
                case .conflict(let current): s.outcomes[id] = "conflict: now \(current)"
                case .failed(let error): s.outcomes[id] = "error: \(error.code)"
                }
            }
            let ok = outcomes.values.filter { $0 == .ok }.count
            s.flash = "\(decision == .approve ? "Approved" : "Rejected") \(ok) of \(outcomes.count)"
                + (ok < outcomes.count ? " — see the rows for conflicts and errors" : "")
            s.marked.subtract(outcomes.keys)
            return (s, [])
        case .taskDeleted(let id, let error):
            s.flash = error.map { "Delete failed: \($0.message)" } ?? "Deleted task \(id)"
            return (s, [])
        case .taskSaved(let task, let error):
            guard case .form(var form) = s.mode else {
                s.flash = error.map { "Save failed: \($0.message)" } ?? task.map { "Saved task '\($0.title)'" }
                return (s, [])
            }
            form.submitting = false
            if let error {
                form.error = "\(error.message)" + (error.httpStatus.map { " (HTTP \($0))" } ?? "")
                s.mode = .form(form)
            } else {
                s.mode = .normal
                let verb = form.purpose == .create ? "Created" : "Updated"
                s.flash = "\(verb) task '\(task?.title ?? "")'"
            }
            return (s, [])
        case .executionPaths(let paths):
            s.executionPaths.merge(paths) { _, new in new }
            return (s, [])
        case .click(let x, let y, let width, let height):
            guard s.mode == .normal else { return (s, []) }
            let body = ConsoleRenderer.body(width: width, height: height)
            guard let (pane, frame) = ConsoleRenderer.layout(s, body).first(where: { x >= $0.1.x && x < $0.1.x + $0.1.width && y >= $0.1.y && y < $0.1.y + $0.1.height })
            else { return (s, []) }
            s.focus = pane
            let count = PaneRows.count(pane, s)
            if let row = PaneGeometry.row(at: y, pane, s, frame: frame, count: count) {
                s.selection[pane] = row
                if pane == .events, row < count - 1, s.following { s.following = false; s.pausedAtCount = s.snapshot.events.events.count }
            }
            return (s, [])
        case .flash(let text):
            s.flash = text
            return (s, [])
        case .key(let key):
            return reduceKey(s, key)
        }
    }

    static func reduceKey(_ state: ConsoleState, _ key: Key) -> (ConsoleState, [ConsoleEffect]) {
        var s = state
        switch s.mode {
        case .confirm(let confirmation):
            s.mode = .normal
            if key == .char("y") || key == .char("Y") {
                switch confirmation {
                case .decide(let decision, let ids): return (s, [.decide(decision, ids)])
                case .delete(let id): return (s, [.deleteTask(id)])
                }
            }
            s.flash = "Cancelled"
            return (s, [])
        case .command(let text):
            return commandKey(s, text, key)
        case .form(let form):
            return TaskFormKeys.reduce(s, form, key)
        case .filter(let text):
            return filterKey(s, text, key)
        case .help, .detail:
            if key == .escape || key == .char("q") || key == .enter || key == .char("?") { s.mode = .normal }
            return (s, [])
        case .normal:
            return normalKey(s, key)
        }
    }

    static func normalKey(_ state: ConsoleState, _ key: Key) -> (ConsoleState, [ConsoleEffect]) {
        var s = state
        s.flash = nil
        switch key {
        case .char("q"): s.quit = true; return (s, [.quit])
        case .tab: s.focus = PaneID(rawValue: (s.focus.rawValue + 1) % 4) ?? .tasks
        case .backTab: s.focus = PaneID(rawValue: (s.focus.rawValue + 3) % 4) ?? .tasks
        case .char("1"): s.focus = .tasks
        case .char("2"): s.focus = .events
        case .char("3"): s.focus = .approvals
        case .char("4"): s.focus = .metrics
        case .char("z"): s.zoomed.toggle()
        case .char("?"): s.mode = .help
        case .char(":"): s.mode = .command("")
        case .char("/"): s.mode = .filter(s.filters[s.focus] ?? "")
        case .enter:
            guard PaneRows.count(s.focus, s) > 0 else { break }
            s.mode = .detail
            let rows = PaneRows.approvals(s)
            if s.focus == .approvals, rows.indices.contains(s.selected(.approvals)) {
                let arns = rows[s.selected(.approvals)].executions.map(\.executionArn)
                if !arns.isEmpty { return (s, [.loadExecutionPaths(arns)]) }
            }
        case .escape: s.filters[s.focus] = nil
        case .up, .char("k"): move(&s, -1)
        case .down, .char("j"): move(&s, 1)
        case .pageUp: move(&s, -10)
        case .pageDown: move(&s, 10)
        case .home, .char("g"): move(&s, -1_000_000)
        case .end, .char("G"): move(&s, 1_000_000)
        case .char("f") where s.focus == .events:
            s.following = true
            s.selection[.events] = max(0, PaneRows.count(.events, s) - 1)
        case .char("w") where s.focus == .events: s.rawEvents.toggle()
        case .char("s") where s.focus == .tasks:
            s.taskSort = TaskSort(rawValue: (s.taskSort.rawValue + 1) % TaskSort.allCases.count) ?? .created
            s.flash = "Sorted by \(s.taskSort.label)"
        case .char(" ") where s.focus == .approvals:
            let rows = PaneRows.approvals(s)
            if rows.indices.contains(s.selected(.approvals)) {
                let id = rows[s.selected(.approvals)].task.taskId
                if s.marked.contains(id) { s.marked.remove(id) } else { s.marked.insert(id) }
                move(&s, 1)
            }
        case .char("a") where s.focus == .approvals, .char("r") where s.focus == .approvals:
            let decision: ApprovalDecision = key == .char("a") ? .approve : .reject
            if s.readonly { s.flash = "Read-only: approving and rejecting are disabled"; break }
            let rows = PaneRows.approvals(s)
            let ids = s.marked.isEmpty ? (rows.indices.contains(s.selected(.approvals)) ? [rows[s.selected(.approvals)].task.taskId] : [])
                                       : rows.map(\.task.taskId).filter { s.marked.contains($0) }
            if ids.isEmpty { s.flash = "Nothing selected"; break }
            s.mode = .confirm(.decide(decision, ids))
        case .char("n") where s.focus == .tasks:
            if s.readonly { s.flash = "Read-only: creating tasks is disabled"; break }
            s.mode = .form(.create())
        case .char("e") where s.focus == .tasks:
            if s.readonly { s.flash = "Read-only: editing is disabled"; break }
            let rows = PaneRows.tasks(s)
            if rows.indices.contains(s.selected(.tasks)) { s.mode = .form(.edit(rows[s.selected(.tasks)])) }
        case .char("d") where s.focus == .tasks:
            if s.readonly { s.flash = "Read-only: deleting is disabled"; break }
            let rows = PaneRows.tasks(s)
            if rows.indices.contains(s.selected(.tasks)) { s.mode = .confirm(.delete(rows[s.selected(.tasks)].taskId)) }
        default:
            break
        }
        return (s, [])
    }

    static func move(_ s: inout ConsoleState, _ delta: Int) {
        let count = PaneRows.count(s.focus, s)
        guard count > 0 else { s.selection[s.focus] = 0; return }
        let target = min(count - 1, max(0, s.selected(s.focus) + delta))
        s.selection[s.focus] = target
        if s.focus == .events {
            if target < count - 1, s.following { s.following = false; s.pausedAtCount = s.snapshot.events.events.count }
            if target == count - 1 { s.following = true }
        }
    }

    static func clampSelections(_ s: inout ConsoleState) {
        for pane in PaneID.allCases {
            let count = PaneRows.count(pane, s)
            s.selection[pane] = min(max(0, count - 1), s.selected(pane))
        }
    }

    static func filterKey(_ state: ConsoleState, _ text: String, _ key: Key) -> (ConsoleState, [ConsoleEffect]) {
        var s = state
        switch key {
        case .enter: s.mode = .normal; s.filters[s.focus] = text.isEmpty ? nil : text
        case .escape: s.mode = .normal
        case .backspace: s.mode = .filter(String(text.dropLast())); s.filters[s.focus] = String(text.dropLast())
        case .char(let c): s.mode = .filter(text + String(c)); s.filters[s.focus] = text + String(c)
        default: break
        }
        clampSelections(&s)
        return (s, [])
    }

    static func commandKey(_ state: ConsoleState, _ text: String, _ key: Key) -> (ConsoleState, [ConsoleEffect]) {
        var s = state
        switch key {
        case .escape: s.mode = .normal; return (s, [])
        case .backspace: s.mode = text.isEmpty ? .normal : .command(String(text.dropLast())); return (s, [])
        case .char(let c): s.mode = .command(text + String(c)); return (s, [])
        case .enter:
            s.mode = .normal
            return run(command: text.trimmingCharacters(in: .whitespaces), s)
        default: return (s, [])
        }
    }

    static func run(command: String, _ state: ConsoleState) -> (ConsoleState, [ConsoleEffect]) {
        var s = state
        let words = command.split(separator: " ").map(String.init)
        switch words.first ?? "" {
        case "q", "quit": s.quit = true; return (s, [.quit])
        case "tasks": s.focus = .tasks
        case "events": s.focus = .events
        case "approvals": s.focus = .approvals
        case "metrics": s.focus = .metrics
        case "refresh": s.flash = "Refreshing"; return (s, [.refresh])
        case "readonly": s.readonly = true; s.header.mode = "READ-ONLY"; s.flash = "Read-only for the rest of this session"
        case "dashboard":
            switch words.dropFirst().first {
            case "stack": s.flash = "Showing the built-in stack dashboard"; return (s, [.showDashboard(.stack)])
            case "deployed": s.flash = "Showing the deployed dashboard"; return (s, [.showDashboard(.deployed)])
            default: s.flash = "Usage: :dashboard stack|deployed"
            }
        case "filter":
            return (TaskFilterCommand.apply(Array(words.dropFirst()), to: s), [])
        case "theme":
            guard let name = words.dropFirst().first, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
                s.flash = "Usage: :theme NAME (default, light, high-contrast, mono, or a file in ~/.config/taskops/themes/)"
                break
            }
            return (s, [.switchTheme(name)])
        case "charts":
            if let name = words.dropFirst().first, let glyphs = ChartGlyphs(rawValue: name) {
                s.chartGlyphs = glyphs
                s.flash = "Charts drawn with \(glyphs.rawValue)"
            } else {
                s.flash = "Usage: :charts " + ChartGlyphs.allCases.map(\.rawValue).joined(separator: "|")
            }
        case "": break
        default: s.flash = "Unknown command :\(Sanitizer.clean(command)) — try :tasks :events :approvals :metrics :refresh :readonly :dashboard :theme :charts :q"
        }
        return (s, [])
    }
}

import Foundation
