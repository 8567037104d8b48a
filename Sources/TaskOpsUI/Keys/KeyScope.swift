/// Where a key action applies: everywhere in the panes, in one pane, or in one overlay or dialog.
/// The names are the section names of `keys.toml`.
public enum KeyScope: String, Sendable, CaseIterable {
    case global, tasks, events, approvals, metrics, overlay, confirm, form, filter, command

    public static func pane(_ pane: PaneID) -> KeyScope {
        switch pane {
        case .tasks: return .tasks
        case .events: return .events
        case .approvals: return .approvals
        case .metrics: return .metrics
        }
    }

    /// Whether printable keys type text here, so only named and ctrl keys may be bound.
    public var takesText: Bool { self == .form || self == .filter || self == .command }

    /// The heading of this scope's section in the help and `taskops keys`.
    public var title: String {
        switch self {
        case .global: return "Everywhere"
        case .tasks: return "Tasks"
        case .events: return "Events"
        case .approvals: return "Approvals"
        case .metrics: return "Metrics"
        case .overlay: return "Help and detail"
        case .confirm: return "Confirmation"
        case .form: return "Task dialog"
        case .filter: return "Filter prompt"
        case .command: return "Command prompt"
        }
    }
}

/// Where a key is looked up: a focused pane (its own actions, then the global ones) or a mode.
public enum KeyContext: Sendable, Equatable, Hashable {
    case pane(PaneID)
    case overlay, confirm, form, filter, command

    /// Every context, for conflict checks and `taskops keys`.
    public static let all: [KeyContext] = PaneID.allCases.map { .pane($0) } + [.overlay, .confirm, .form, .filter, .command]

    /// The scopes whose actions answer here, the more specific first.
    public var scopes: [KeyScope] {
        switch self {
        case .pane(let pane): return [.pane(pane), .global]
        case .overlay: return [.overlay]
        case .confirm: return [.confirm]
        case .form: return [.form]
        case .filter: return [.filter]
        case .command: return [.command]
        }
    }

    public static func of(_ state: ConsoleState) -> KeyContext {
        switch state.mode {
        case .normal: return .pane(state.focus)
        case .help, .detail: return .overlay
        case .confirm: return .confirm
        case .form: return .form
        case .filter: return .filter
        case .command: return .command
        }
    }
}
