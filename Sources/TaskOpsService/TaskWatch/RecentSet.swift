/// A set that remembers only its newest `capacity` members (oldest forgotten first): enough to
/// recognise a repeat among recent events without growing for as long as the console runs.
struct RecentSet<Element: Hashable>: Sendable where Element: Sendable {
    private var members: Set<Element> = []
    private var order: [Element] = []
    private var head = 0
    let capacity: Int

    init(capacity: Int) { self.capacity = max(1, capacity) }

    func contains(_ element: Element) -> Bool { members.contains(element) }

    /// Adds `element`; false when it was already there.
    @discardableResult
    mutating func insert(_ element: Element) -> Bool {
        guard members.insert(element).inserted else { return false }
        if order.count < capacity {
            order.append(element)
        } else {
            members.remove(order[head])
            order[head] = element
            head = (head + 1) % capacity
        }
        return true
    }
}
