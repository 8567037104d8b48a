import CNcurses
import Foundation
import TaskOpsCore

nonisolated(unsafe) private var quitSignal: Int32 = 0
/// The wake pipe's write end, for signal handlers: a signal may land on any thread, and the UI
/// thread sleeping in poll(2) must hear of it (write(2) is async-signal-safe).
nonisolated(unsafe) private var signalWakeFD: Int32 = -1
/// ncurses' own SIGWINCH handler, called from ours so it still learns the new size.
nonisolated(unsafe) private var cursesResizeHandler: (@convention(c) (Int32) -> Void)?

private func wakeFromSignal() {
    var byte: UInt8 = 1
    if signalWakeFD >= 0 { _ = write(signalWakeFD, &byte, 1) }
}

private func requestQuit(_ signal: Int32) {
    quitSignal = signal
    wakeFromSignal()
}

private func noteResize(_ signal: Int32) {
    cursesResizeHandler?(signal)
    wakeFromSignal()
}

/// A fatal signal may land in the middle of a curses call; `endwin()` is not safe there, so the
/// terminal is put back with bytes and modes prepared at start.
private func restoreAndDie(_ signal: Int32) {
    taskops_emergency_restore()
    Foundation.signal(signal, SIG_DFL)
    raise(signal)
}

/// Runs the console: reads keys, folds them and new snapshots through the reducer, hands effects
/// to the caller, and draws only when something changed. Blocks its own thread until quit.
public final class ConsoleRunner: @unchecked Sendable {
    public struct Options: Sendable {
        public var colorMode: String
        public var ascii: Bool
        public var readonly: Bool
        public var theme: Theme
        /// Chart glyphs; nil picks them from the terminal.
        public var charts: ChartGlyphs?
        /// Finds a theme by name for `:theme` (returns the default with messages when it cannot).
        public var loadTheme: @Sendable (String) -> (Theme, [String])
        /// Shown on the status line at start (e.g. a theme file that could not be read).
        public var message: String?
        /// The keys: the defaults with the user's `keys.toml` applied.
        public var keyMap: KeyMap
        public init(colorMode: String = "auto", ascii: Bool = false, readonly: Bool = false, theme: Theme = .fallback, charts: ChartGlyphs? = nil,
                    loadTheme: @escaping @Sendable (String) -> (Theme, [String]) = { _ in (.fallback, []) }, message: String? = nil,
                    keyMap: KeyMap = .defaults) {
            self.keyMap = keyMap
            self.colorMode = colorMode
            self.ascii = ascii
            self.readonly = readonly
            self.theme = theme
            self.charts = charts
            self.loadTheme = loadTheme
            self.message = message
        }
    }

    let header: HeaderInfo
    let options: Options
    let snapshot: @Sendable () -> StackSnapshot
    let changeCount: @Sendable () -> Int
    let serverNow: @Sendable () -> Date
    let perform: @Sendable (ConsoleEffect) async -> ConsoleInput?
    private let inboxLock = NSLock()
    private var inbox: [ConsoleInput] = []
    /// The UI thread sleeps in poll(2) on the terminal and this pipe; `wake()` writes to it.
    private let wakePipe: WakePipe

    public init(header: HeaderInfo, options: Options, snapshot: @escaping @Sendable () -> StackSnapshot,
                changeCount: @escaping @Sendable () -> Int, serverNow: @escaping @Sendable () -> Date = { Date() }, perform: @escaping @Sendable (ConsoleEffect) async -> ConsoleInput?) {
        self.header = header
        self.options = options
        self.snapshot = snapshot
        self.changeCount = changeCount
        self.serverNow = serverNow
        self.perform = perform
        self.wakePipe = WakePipe()
    }

    /// Puts our SIGWINCH handler in front of the one curses installed: it calls curses' and then
    /// wakes the UI thread, so a resize is drawn at once rather than at the next tick.
    private func chainResizeSignal() {
        var current = sigaction()
        guard sigaction(SIGWINCH, nil, &current) == 0, current.sa_flags & Int32(SA_SIGINFO) == 0 else { return }
        let handler = current.__sigaction_handler.sa_handler
        if let handler, unsafeBitCast(handler, to: Int.self) > 1 { cursesResizeHandler = handler }
        var ours = sigaction()
        ours.__sigaction_handler.sa_handler = noteResize
        ours.sa_flags = current.sa_flags & ~Int32(SA_SIGINFO)
        ours.sa_mask = current.sa_mask
        _ = sigaction(SIGWINCH, &ours, nil)
    }

    /// Wakes the UI thread to look for a new snapshot (call it when the store changes).
    public func wake() { wakePipe.signal() }

    /// Runs on a dedicated thread (curses wants one thread) and returns when the user quits.
    public func run() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let thread = Thread { [self] in
                // Named so the thread can be told apart in /proc and in profilers. Directly: Foundation's
                // `Thread.name` names the thread only once `start()` has recorded it, and a new thread
                // that runs before its parent returns from pthread_create stayed unnamed (seen under load).
                _ = taskops_name_current_thread("taskops-ui")
                loop()
                continuation.resume()
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    private func post(_ input: ConsoleInput) {
        inboxLock.withLock { inbox.append(input) }
        wake()
    }

    private func loop() {
        for sig in [SIGINT, SIGTERM, SIGHUP] { signal(sig, requestQuit) }
        for sig in [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT] { signal(sig, restoreAndDie) }
        signalWakeFD = wakePipe.writeDescriptor
        defer { signalWakeFD = -1 }
        let screen = NcursesScreen(colorMode: options.colorMode, environment: ProcessInfo.processInfo.environment, theme: options.theme)
        defer { screen.stop() }
        chainResizeSignal()
        let environment = ProcessInfo.processInfo.environment
        var state = ConsoleState(header: header, readonly: options.readonly, ascii: options.ascii || !screen.unicode,
                                 chartGlyphs: options.charts ?? ChartGlyphs.detect(utf8: screen.unicode, term: environment["TERM"]), keyMap: options.keyMap)
        state.flash = options.message
        var lastChange = -1
        var lastDraw = Date.distantPast
        var dirty = true
        var base: CellGrid?
        // A poll lands as a few store changes milliseconds apart (data, then freshness): they are
        // folded and drawn together once the first is `settle` old.
        let settle: TimeInterval = 0.03
        var changeSeenAt: Date?
        while !state.quit && quitSignal == 0 {
            if changeSeenAt == nil, changeCount() != lastChange { changeSeenAt = Date() }
            if let seen = changeSeenAt, Date().timeIntervalSince(seen) >= settle {
                lastChange = changeCount()
                (state, _) = ConsoleReducer.reduce(state, .snapshot(snapshot()))
                changeSeenAt = nil
                dirty = true
            }
            let pending = inboxLock.withLock { () -> [ConsoleInput] in defer { inbox.removeAll() }; return inbox }
            for input in pending {
                (state, _) = ConsoleReducer.reduce(state, input)
                dirty = true
            }
            while let event = screen.readKey() {
                (state.screenWidth, state.screenHeight) = screen.size
                switch event {
                case .ignored:
                    continue
                case .resize:
                    screen.invalidate()
                case .mouse(let x, let y):
                    let (w, h) = screen.size
                    (state, _) = ConsoleReducer.reduce(state, .click(x: x, y: y, width: w, height: h))
                case .key(let key):
                    let (next, effects) = ConsoleReducer.reduce(state, .key(key))
                    state = next
                    for effect in effects {
                        if case .switchTheme(let name) = effect {
                            let (theme, problems) = options.loadTheme(name)
                            screen.apply(theme)
                            state.flash = problems.first ?? "Theme \(theme.name)" + (screen.colors ? "" : " (no colours on this terminal)")
                        }
                    }
                    for effect in effects where effect != .quit && !effect.isLocal {
                        Task { [perform] in
                            if let result = await perform(effect) { self.post(result) }
                        }
                    }
                }
                dirty = true
            }
            // Ages in the status line tick once a second even when nothing else changes; then only
            // what the clock moves is drawn again over the panes kept from the last change.
            if dirty || Date().timeIntervalSince(lastDraw) >= 1 {
                let (w, h) = screen.size
                if dirty || base?.width != w || base?.height != h { base = ConsoleRenderer.base(state, width: w, height: h) }
                state.serverOffset = serverNow().timeIntervalSinceNow
                screen.draw(ConsoleRenderer.finish(base ?? CellGrid(width: w, height: h), state, now: Date()))
                lastDraw = Date()
                dirty = false
            }
            if state.quit || quitSignal != 0 { break }
            // Sleep until a key, a new snapshot or an effect's result, the next tick, or the moment
            // a change seen has settled.
            var sleep = 1 - Date().timeIntervalSince(lastDraw)
            if let seen = changeSeenAt { sleep = min(sleep, settle - Date().timeIntervalSince(seen)) }
            if wakePipe.wait(forInputOn: STDIN_FILENO, seconds: sleep) == .terminalGone { break }
        }
    }
}
