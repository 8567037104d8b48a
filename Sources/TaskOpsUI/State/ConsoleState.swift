import Foundation
import TaskOpsCore

public enum PaneID: Int, Sendable, CaseIterable {
    case tasks, events, approvals, metrics

    public var title: String {
        switch self {
        case .tasks: return "Tasks"
        case .events: return "Events"
        case .approvals: return "Approvals"
        case .metrics: return "Metrics"
        }
    }
}

/// What the header says about where the console points.
public struct HeaderInfo: Sendable, Equatable {
    public var stack: String
    public var region: String
    public var endpoint: String
    public var mode: String
    public init(stack: String, region: String, endpoint: String, mode: String) {
        self.stack = stack
        self.region = region
        self.endpoint = endpoint
        self.mode = mode
    }
}

public enum Key: Sendable, Hashable {
    case char(Character)
    /// A control key: `ctrl(a)` is Ctrl-A (keys the terminal keeps, such as Ctrl-C, never arrive).
    case ctrl(Character)
    case up, down, left, right, tab, backTab, enter, escape, backspace, pageUp, pageDown, home, end
}

/// A question waiting for y/n.
public enum Confirmation: Sendable, Equatable {
    case decide(ApprovalDecision, [String])
    case delete(String)
}

public enum Mode: Sendable, Equatable {
    case normal
    case confirm(Confirmation)
    case command(String)
    case form(TaskForm)
    case filter(String)
    case help
    case detail
}

public enum TaskSort: Int, Sendable, CaseIterable {
    case created, updated, title, status, priority, user
    var label: String { ["created", "updated", "title", "status", "priority", "user"][rawValue] }
}

/// The whole UI state: pure data, changed only by `ConsoleReducer.reduce`.
public struct ConsoleState: Sendable {
    public var snapshot = StackSnapshot()
    public var header: HeaderInfo
    public var readonly: Bool
    public var ascii: Bool
    public var chartGlyphs: ChartGlyphs
    public var focus: PaneID = .tasks
    public var zoomed = false
    public var mode: Mode = .normal
    public var selection: [PaneID: Int] = [:]
    public var filters: [PaneID: String] = [:]
    public var taskSort: TaskSort = .created
    /// Tasks shown only with this status / user (`:filter status=… user=…`).
    public var taskStatusFilter: String?
    public var taskUserFilter: String?
    public var marked: Set<String> = []
    public var outcomes: [String: String] = [:]
    /// Events: following the newest, or paused at the count seen when paused.
    public var following = true
    public var pausedAtCount = 0
    public var rawEvents = false
    /// Show the access-log lines of the console's own requests (folded out by default).
    public var showOwnEvents = false
    public var flash: String?
    /// Execution ARN → its path through the workflow, loaded when an approval's detail opens.
    public var executionPaths: [String: ExecutionPathLookup] = [:]
    /// Server time minus local time (the simulator may run faster than real time).
    public var serverOffset: TimeInterval = 0
    public var quit = false
    /// The keys: defaults and the user's `keys.toml`; read-only drops the writing actions from it.
    public var keyMap: KeyMap
    /// First line of the help or detail overlay shown.
    public var overlayScroll = 0
    /// The screen's size, for what the reducer must know of the layout (how far an overlay scrolls).
    public var screenWidth = 80
    public var screenHeight = 24
    /// Filtered and sorted row orders, shared by copies of this state (see `PaneRowsCache`).
    let rowsCache = PaneRowsCache()

    public init(header: HeaderInfo, readonly: Bool = false, ascii: Bool = false, chartGlyphs: ChartGlyphs? = nil,
                keyMap: KeyMap = .defaults) {
        self.header = header
        self.readonly = readonly
        self.keyMap = keyMap
        self.ascii = ascii
        self.chartGlyphs = ascii ? .ascii : (chartGlyphs ?? .braille)
    }

    public func selected(_ pane: PaneID) -> Int { selection[pane] ?? 0 }
}
