import CNcurses
import Foundation
import TaskOpsCore

nonisolated(unsafe) private var quitSignal: Int32 = 0

private func requestQuit(_ signal: Int32) { quitSignal = signal }

private func restoreAndDie(_ signal: Int32) {
    _ = endwin()
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
        public init(colorMode: String = "auto", ascii: Bool = false, readonly: Bool = false, theme: Theme = .fallback, charts: ChartGlyphs? = nil,
                    loadTheme: @escaping @Sendable (String) -> (Theme, [String]) = { _ in (.fallback, []) }, message: String? = nil) {
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

    public init(header: HeaderInfo, options: Options, snapshot: @escaping @Sendable () -> StackSnapshot,
                changeCount: @escaping @Sendable () -> Int, serverNow: @escaping @Sendable () -> Date = { Date() }, perform: @escaping @Sendable (ConsoleEffect) async -> ConsoleInput?) {
        self.header = header
        self.options = options
        self.snapshot = snapshot
        self.changeCount = changeCount
        self.serverNow = serverNow
        self.perform = perform
    }

    /// Runs on a dedicated thread (curses wants one thread) and returns when the user quits.
    public func run() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let thread = Thread { [self] in
                loop()
                continuation.resume()
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    private func post(_ input: ConsoleInput) {
        inboxLock.withLock { inbox.append(input) }
    }

    private func loop() {
        for sig in [SIGINT, SIGTERM, SIGHUP] { signal(sig, requestQuit) }
        for sig in [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT] { signal(sig, restoreAndDie) }
        let screen = NcursesScreen(colorMode: options.colorMode, environment: ProcessInfo.processInfo.environment, theme: options.theme)
        defer { screen.stop() }
        let environment = ProcessInfo.processInfo.environment
        var state = ConsoleState(header: header, readonly: options.readonly, ascii: options.ascii || !screen.unicode,
                                 chartGlyphs: options.charts ?? ChartGlyphs.detect(utf8: screen.unicode, term: environment["TERM"]))
        state.flash = options.message
        var lastChange = -1
        var lastDraw = Date.distantPast
        var dirty = true
        while !state.quit && quitSignal == 0 {
            let change = changeCount()
            if change != lastChange {
                lastChange = change
                (state, _) = ConsoleReducer.reduce(state, .snapshot(snapshot()))
                dirty = true
            }
            let pending = inboxLock.withLock { () -> [ConsoleInput] in defer { inbox.removeAll() }; return inbox }
            for input in pending {
                (state, _) = ConsoleReducer.reduce(state, input)
                dirty = true
            }
            if let event = screen.readKey() {
                switch event {
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
            // Ages in the status line tick once a second even when nothing else changes.
            if dirty || Date().timeIntervalSince(lastDraw) >= 1 {
                let (w, h) = screen.size
                state.serverOffset = serverNow().timeIntervalSinceNow
                screen.draw(ConsoleRenderer.render(state, width: w, height: h, now: Date()))
                lastDraw = Date()
                dirty = false
            }
        }
    }
}
