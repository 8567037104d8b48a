/// Reverses a key's order (newest first).
struct Descending<Value: Comparable>: Comparable {
    let value: Value
    init(_ value: Value) { self.value = value }
    static func < (a: Self, b: Self) -> Bool { b.value < a.value }
}

/// Two keys compared in turn.
struct Pair<First: Comparable, Second: Comparable>: Comparable {
    let first: First
    let second: Second
    init(_ first: First, _ second: Second) {
        self.first = first
        self.second = second
    }
    static func < (a: Self, b: Self) -> Bool { (a.first, a.second) < (b.first, b.second) }
}
