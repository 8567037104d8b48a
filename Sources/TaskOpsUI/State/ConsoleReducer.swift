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

    /// A key goes to the action the key table binds it to in the current pane or mode; a key
    /// bound to a writing action that read-only mode took away says so; any other key types into
    /// a prompt or the form, cancels a confirmation, or does nothing.
    static func reduceKey(_ state: ConsoleState, _ key: Key) -> (ConsoleState, [ConsoleEffect]) {
        var s = state
        let context = KeyContext.of(s)
        if case .pane = context { s.flash = nil }
        if case .form(let form) = s.mode, form.submitting { return TaskFormKeys.whileSaving(s, key) }
        if let action = s.keyMap.action(for: key, in: context, readonly: s.readonly) { return action.perform(s) }
        if s.readonly, let refusal = s.keyMap.refusal(for: key, in: context) {
            if context == .form || context == .confirm { s.mode = .normal }
            s.flash = refusal
            return (s, [])
        }
        switch s.mode {
        case .confirm: return PromptKeyActions.cancelConfirmation(s)
        case .form(let form): return TaskFormKeys.type(s, form, key)
        case .filter(let text): return TextPromptKeys.filter(s, text, key)
        case .command(let text): return TextPromptKeys.command(s, text, key)
        case .normal, .help, .detail: return (s, [])
        }
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
}
