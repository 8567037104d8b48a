/// Makes text from the stack inert before it reaches the screen: escape sequences (CSI, OSC, DCS,
/// APC, PM, SOS) are dropped whole and shown as `␛`, C0/C1 controls and DEL become visible
/// symbols, bidi overrides and isolates are shown as `⁇` so they cannot reorder the line, and line
/// breaks and tabs become spaces.
public enum Sanitizer {
    public static func clean(_ text: String) -> String {
        if PrintableASCII.contains(only: text) { return text }
        var out = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let p = pending { pending = nil; return p }
            return scalars.next()
        }
        while let scalar = next() {
            switch scalar.value {
            case 0x1B:
                out.append("␛")
                skipEscape(&scalars, &pending)
            case 0x9B, 0x9D, 0x90, 0x98, 0x9E, 0x9F:
                // C1 forms of CSI, OSC, DCS, SOS, PM, APC: drop their payload too.
                out.append("␛")
                skipString(&scalars, csi: scalar.value == 0x9B)
            case 0x09, 0x0A, 0x0D:
                out.append(" ")
            case 0x00..<0x20:
                out.append(Unicode.Scalar(0x2400 + scalar.value) ?? "?")
            case 0x7F:
                out.append("␡")
            case 0x80..<0xA0:
                out.append("¿")
            case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C:
                out.append("⁇")
            default:
                out.append(scalar)
            }
        }
        return String(out)
    }

    private static func skipEscape(_ it: inout String.UnicodeScalarView.Iterator, _ pending: inout Unicode.Scalar?) {
        guard let kind = it.next() else { return }
        switch kind {
        case "[": skipString(&it, csi: true)
        case "]", "P", "X", "^", "_": skipString(&it, csi: false)
        default:
            // Two-character escapes (ESC c, ESC 7…): the second character is consumed with it.
            if kind.value < 0x20 { pending = kind }
        }
    }

    /// Skips a CSI (until a final byte 0x40–0x7E) or a string (until BEL, ST or ESC \).
    private static func skipString(_ it: inout String.UnicodeScalarView.Iterator, csi: Bool) {
        var count = 0
        while let s = it.next() {
            count += 1
            if count > 4096 { return }
            if csi {
                if (0x40...0x7E).contains(s.value) { return }
                if s.value < 0x20 || s.value > 0x7E { return }
            } else if s.value == 0x07 || s.value == 0x9C {
                return
            } else if s.value == 0x1B {
                _ = it.next()
                return
            }
        }
    }
}
