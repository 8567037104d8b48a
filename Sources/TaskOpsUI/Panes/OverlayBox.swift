/// A box centred over the panes holding lines of text, wrapped to its width and scrolled when
/// they do not all fit (the title then says which lines show).
struct OverlayBox {
    var frame: Frame
    /// The lines as wrapped to the box.
    var lines: [String]

    init(_ lines: [String], width: Int, height: Int) {
        let w = min(width - 4, max(40, (lines.map { DisplayWidth.of(Sanitizer.clean($0)) }.max() ?? 0) + 4))
        self.lines = lines.flatMap { Overlays.wrap(Sanitizer.clean($0), width: max(1, w - 4)) }
        let h = min(height - 2, self.lines.count + 2)
        frame = Frame(x: (width - w) / 2, y: (height - h) / 2, width: w, height: h)
    }

    var visibleLines: Int { frame.innerHeight }
    var maximumScroll: Int { max(0, lines.count - visibleLines) }

    /// Lines equal to one of `headings` are drawn as headings.
    func draw(into grid: inout CellGrid, title: String, scroll: Int, ascii: Bool, headings: Set<String> = []) {
        let start = min(max(0, scroll), maximumScroll)
        let shown = lines.dropFirst(start).prefix(visibleLines)
        let range = maximumScroll > 0 ? " \(start + 1)-\(start + shown.count) of \(lines.count)" : ""
        grid.fill(x: frame.x, y: frame.y, width: frame.width, height: frame.height)
        grid.box(frame, title: title + range, focused: true, ascii: ascii)
        for (i, line) in shown.enumerated() {
            let heading = headings.contains(line)
            grid.put(line, x: frame.x + 2, y: frame.y + 1 + i, maxX: frame.x + frame.width - 1, role: heading ? .title : .normal, bold: heading,
                     sanitize: false)
        }
    }
}
