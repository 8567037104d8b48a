/// The create / edit dialog drawn over the panes: one line per field, the focused one marked, and
/// the refusal (local check or the API's message) under them.
enum TaskFormView {
    static func render(_ form: TaskForm, into grid: inout CellGrid, width: Int, height: Int, ascii: Bool) {
        let fields = form.fields
        let w = min(width - 4, 72)
        let h = min(height - 2, fields.count + 6)
        let frame = Frame(x: (width - w) / 2, y: (height - h) / 2, width: w, height: h)
        guard frame.width > 20, frame.height > 4 else { return }
        grid.fill(x: frame.x, y: frame.y, width: frame.width, height: frame.height)
        grid.box(frame, title: form.title, focused: true, ascii: ascii)
        let labelWidth = 12
        let maxX = frame.x + frame.width - 1
        for (index, field) in fields.enumerated() where index < frame.innerHeight - 3 {
            let y = frame.y + 1 + index
            let focused = field == form.focus
            grid.put((focused ? "› " : "  ") + field.rawValue, x: frame.x + 1, y: y, maxX: frame.x + 1 + labelWidth, role: focused ? .title : .dim, bold: focused)
            let value = form.values[field] ?? ""
            let shown = field.choices != nil ? "◂ \(value) ▸" : value + (focused ? "▏" : "")
            // Long values show their end, where typing happens.
            let room = maxX - (frame.x + 2 + labelWidth)
            let visible = DisplayWidth.of(Sanitizer.clean(shown)) > room ? "…" + String(Sanitizer.clean(shown).suffix(max(0, room - 1))) : shown
            grid.put(visible, x: frame.x + 2 + labelWidth, y: y, maxX: maxX, role: focused ? .normal : .dim, reverse: focused && field.choices != nil)
        }
        let messageY = frame.y + frame.height - 2
        if let error = form.error {
            grid.put("✗ " + error, x: frame.x + 2, y: messageY, maxX: maxX, role: .error, bold: true)
        } else {
            grid.put(form.submitting ? "Saving…" : "Enter saves · Esc cancels", x: frame.x + 2, y: messageY, maxX: maxX, role: .dim)
        }
    }
}
