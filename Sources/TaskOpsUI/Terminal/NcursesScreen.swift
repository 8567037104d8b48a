import CNcurses
import Foundation

/// The real terminal through ncursesw. Every curses call happens on the UI thread.
public final class NcursesScreen: TerminalScreen {
    private var previous: CellGrid?
    public let depth: ColorDepth
    public var colors: Bool { depth != .mono }
    public let unicode: Bool
    private var pairs: [Role: Int16] = [:]

    /// Starts curses. `colorMode` is "auto", "always", "never" or a depth (8, 16, 256, truecolor);
    /// `NO_COLOR` turns colour off under "auto".
    public init(colorMode: String, environment: [String: String], theme: Theme = .fallback) {
        setlocale(LC_ALL, "")
        unicode = taskops_is_utf8_locale() != 0
        taskops_save_terminal_modes()
        _ = initscr()
        _ = cbreak()
        _ = noecho()
        _ = nonl()
        _ = keypad(taskops_stdscr(), true)
        _ = curs_set(0)
        // Reads never wait: the runner sleeps in poll(2) on the terminal and its wake pipe.
        wtimeout(taskops_stdscr(), 0)
        // No typeahead check while a frame is written: curses would flush and poll the keyboard
        // once a line (two system calls for each changed line). A frame is a few hundred bytes and
        // a key pressed meanwhile is read right after it.
        _ = typeahead(-1)
        _ = set_escdelay(25)
        depth = ColorDepth.detect(flag: colorMode, terminalColors: has_colors() ? Int(taskops_colors()) : 0, hasColors: has_colors(),
                                  environment: environment)
        if depth != .mono {
            _ = start_color()
            _ = use_default_colors()
            apply(theme)
        }
        _ = mousemask(taskops_button1_mask(), nil)
        taskops_prepare_emergency_restore()
        atexit { _ = endwin() }
    }

    public func stop() {
        _ = endwin()
    }

    public var size: (width: Int, height: Int) { (Int(taskops_cols()), Int(taskops_lines())) }

    /// Sets the colour pairs from `theme` (at start and when `:theme` switches) and repaints.
    public func apply(_ theme: Theme) {
        guard depth != .mono else { return }
        for (index, role) in Role.allCases.enumerated() {
            let color = theme.colors[role] ?? Theme.fallback.colors[role] ?? .terminalDefault
            _ = taskops_init_pair(Int32(index + 1), color.terminalColor(depth), -1)
            pairs[role] = Int16(index + 1)
        }
        invalidate()
    }

    /// Forces the next draw to repaint everything (after a resize or resume).
    public func invalidate() {
        previous = nil
        _ = clearok(taskops_stdscr(), true)
    }

    @discardableResult
    public func draw(_ grid: CellGrid) -> Int {
        var written = 0
        let full = previous.map { $0.width != grid.width || $0.height != grid.height } ?? true
        if full { _ = werase(taskops_stdscr()) }
        for y in 0..<grid.height {
            if !full, let previous, Self.sameBits(previous, grid, row: y) { continue }
            for x in 0..<grid.width {
                let cell = grid[x, y]
                if !full, let previous, previous[x, y] == cell { continue }
                if cell.text.isEmpty { continue }
                // The last cell of the screen scrolls some terminals: leave it alone.
                if y == grid.height - 1 && x == grid.width - 1 { continue }
                var attrs = attr_t(0)
                if cell.bold { attrs |= attr_t(taskops_a_bold()) }
                if cell.reverse || cell.role == .selected { attrs |= attr_t(taskops_a_reverse()) }
                if !colors && (cell.role == .focusBorder || cell.role == .title || cell.role == .error) { attrs |= attr_t(taskops_a_bold()) }
                if !colors && cell.role == .dim { attrs |= attr_t(taskops_a_dim()) }
                let pair = colors ? (pairs[cell.role] ?? 0) : 0
                var wide = Array(cell.text.unicodeScalars.prefix(5).map { wchar_t(bitPattern: $0.value) })
                wide.append(0)
                _ = taskops_put_cell(Int32(y), Int32(x), wide, attrs, pair)
                written += 1
            }
        }
        _ = refresh()
        previous = grid
        return written
    }

    /// Whether row `y` of two grids of one size holds the same bytes: then every cell is equal (a
    /// cell has no padding, and a string's bytes are its storage or its inline text). Rows whose
    /// bytes differ go to the cell-by-cell comparison, so this only ever skips work.
    static func sameBits(_ a: CellGrid, _ b: CellGrid, row y: Int) -> Bool {
        let stride = MemoryLayout<Cell>.stride, offset = y * a.width * stride, length = a.width * stride
        guard length > 0, a.width == b.width, a.cells.count == b.cells.count else { return length == 0 }
        return a.cells.withUnsafeBytes { left in
            b.cells.withUnsafeBytes { right in
                memcmp(left.baseAddress! + offset, right.baseAddress! + offset, length) == 0
            }
        }
    }

    /// Reads one key; nil when no input is waiting.
    public func readKey() -> KeyEvent? {
        var ch: wint_t = 0
        let result = wget_wch(taskops_stdscr(), &ch)
        if result == taskops_err() { return nil }
        if result == KEY_CODE_YES {
            let code = Int32(ch)
            if code == taskops_key_resize() { return .resize }
            if code == taskops_key_mouse() {
                var event = MEVENT()
                if getmouse(&event) == OK { return .mouse(x: Int(event.x), y: Int(event.y)) }
                return .ignored
            }
            switch code {
            case KEY_UP: return .key(.up)
            case KEY_DOWN: return .key(.down)
            case KEY_LEFT: return .key(.left)
            case KEY_RIGHT: return .key(.right)
            case KEY_BTAB: return .key(.backTab)
            case KEY_ENTER: return .key(.enter)
            case KEY_BACKSPACE: return .key(.backspace)
            case KEY_PPAGE: return .key(.pageUp)
            case KEY_NPAGE: return .key(.pageDown)
            case KEY_HOME: return .key(.home)
            case KEY_END: return .key(.end)
            default: return .ignored
            }
        }
        switch ch {
        case 9: return .key(.tab)
        case 10, 13: return .key(.enter)
        case 27: return .key(.escape)
        case 127, 8: return .key(.backspace)
        case 1...26: return Unicode.Scalar(UInt32(ch) + 0x60).map { .key(.ctrl(Character($0))) } ?? .ignored
        default:
            guard let scalar = Unicode.Scalar(UInt32(ch)), scalar.value >= 0x20 else { return .ignored }
            return .key(.char(Character(scalar)))
        }
    }
}

public enum KeyEvent: Sendable, Equatable {
    case key(Key)
    case resize
    case mouse(x: Int, y: Int)
    /// Input the console has no use for (an unbound function key, a control character).
    case ignored
}
