/// How text is made safe and measured for a terminal; the console's sanitizer and width table
/// are plugged in by the executable so the CLI and the panes agree.
public struct TextMeasure: Sendable {
    public var sanitize: @Sendable (String) -> String
    public var width: @Sendable (String) -> Int

    public init(sanitize: @escaping @Sendable (String) -> String, width: @escaping @Sendable (String) -> Int) {
        self.sanitize = sanitize
        self.width = width
    }

    /// Cuts `text` to at most `limit` columns, ending with `…` when cut.
    public func truncate(_ text: String, to limit: Int, ellipsis: String = "…") -> String {
        guard limit > 0 else { return "" }
        if width(text) <= limit { return text }
        var out = ""
        var used = 0
        let room = limit - width(ellipsis)
        for character in text {
            let w = width(String(character))
            if used + w > room { break }
            out.append(character)
            used += w
        }
        return out + ellipsis
    }

    public func pad(_ text: String, to columns: Int, right: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, columns - width(text)))
        return right ? fill + text : text + fill
    }
}
