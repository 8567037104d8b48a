/// A theme's colour for a role: the terminal's default, a palette index (0-255) or an RGB value,
/// turned into what the terminal can show at its colour depth.
public enum ThemeColor: Sendable, Hashable {
    case terminalDefault
    case index(Int)
    case rgb(UInt8, UInt8, UInt8)

    /// `#rrggbb`.
    static func hex(_ text: String) -> ThemeColor? {
        guard text.count == 7, text.first == "#", let value = UInt32(text.dropFirst(), radix: 16) else { return nil }
        return .rgb(UInt8(value >> 16 & 0xff), UInt8(value >> 8 & 0xff), UInt8(value & 0xff))
    }

    /// The ncurses colour number at `depth` (-1 is the terminal's default). With a direct-colour
    /// terminal, numbers from 8 up are 0xRRGGBB; below 8 they are still the ANSI colours.
    public func terminalColor(_ depth: ColorDepth) -> Int32 {
        switch (self, depth) {
        case (.terminalDefault, _), (_, .mono): return -1
        case (.index(let i), .truecolor): return i < 8 ? Int32(i) : Self.direct(Self.rgbOfIndex(i))
        case (.index(let i), .indexed256): return Int32(i)
        case (.index(let i), .sixteen): return i < 16 ? Int32(i) : Int32(Self.nearest(Self.rgbOfIndex(i), among: 0..<16))
        case (.index(let i), .eight): return i < 8 ? Int32(i) : (i < 16 ? Int32(i - 8) : Int32(Self.nearest(Self.rgbOfIndex(i), among: 0..<8)))
        case (.rgb(let r, let g, let b), .truecolor): return Self.direct((r, g, b))
        case (.rgb(let r, let g, let b), .indexed256): return Int32(Self.nearest((r, g, b), among: 16..<256))
        case (.rgb(let r, let g, let b), .sixteen): return Int32(Self.nearest((r, g, b), among: 0..<16))
        case (.rgb(let r, let g, let b), .eight): return Int32(Self.nearest((r, g, b), among: 0..<8))
        }
    }

    typealias RGB = (r: UInt8, g: UInt8, b: UInt8)

    /// Packed for a direct-colour terminal; values below 8 would be read as ANSI colours, so nudge them.
    private static func direct(_ c: RGB) -> Int32 { max(8, Int32(c.r) << 16 | Int32(c.g) << 8 | Int32(c.b)) }

    /// xterm's palette: 16 ANSI colours, the 6×6×6 cube, then 24 greys.
    static func rgbOfIndex(_ index: Int) -> RGB {
        let ansi: [RGB] = [(0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
                           (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255)]
        switch index {
        case ..<0: return (0, 0, 0)
        case 0..<16: return ansi[index]
        case 16..<232:
            let levels: [UInt8] = [0, 95, 135, 175, 215, 255]
            let n = index - 16
            return (levels[n / 36], levels[n / 6 % 6], levels[n % 6])
        case 232..<256:
            let grey = UInt8(8 + (index - 232) * 10)
            return (grey, grey, grey)
        default: return (255, 255, 255)
        }
    }

    static func nearest(_ c: RGB, among range: Range<Int>) -> Int {
        func distance(_ a: RGB, _ b: RGB) -> Int {
            let dr = Int(a.r) - Int(b.r), dg = Int(a.g) - Int(b.g), db = Int(a.b) - Int(b.b)
            return 2 * dr * dr + 4 * dg * dg + 3 * db * db
        }
        return range.min { distance(rgbOfIndex($0), c) < distance(rgbOfIndex($1), c) } ?? 0
    }
}

/// How many colours the terminal shows, from `--color`, `NO_COLOR`, `COLORTERM` and terminfo's count.
public enum ColorDepth: String, Sendable, CaseIterable {
    case mono, eight = "8", sixteen = "16", indexed256 = "256", truecolor

    public static let flagValues = ["auto", "always", "never"] + allCases.filter { $0 != .mono }.map(\.rawValue)

    var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    /// A depth given with `--color` can lower what terminfo reports, never raise it: ncurses cannot
    /// send colours the terminal description does not have.
    public static func detect(flag: String, terminalColors: Int, hasColors: Bool, environment: [String: String]) -> ColorDepth {
        if flag == "never" { return .mono }
        if flag == "auto", !(environment["NO_COLOR"] ?? "").isEmpty { return .mono }
        let fromTerminfo: ColorDepth
        switch terminalColors {
        case (1 << 24)...: fromTerminfo = .truecolor
        case 256...: fromTerminfo = .indexed256
        case 16...: fromTerminfo = .sixteen
        case 8...: fromTerminfo = .eight
        default: fromTerminfo = .mono
        }
        let available = hasColors ? fromTerminfo : .mono
        if let forced = ColorDepth(rawValue: flag), forced != .mono { return available == .mono || forced.rank < available.rank ? forced : available }
        if flag == "always" { return available == .mono ? .eight : available }
        return available
    }
}
