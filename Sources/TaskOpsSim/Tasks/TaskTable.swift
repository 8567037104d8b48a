import TaskOpsCore

/// The DynamoDB table `{project}-tasks-{env}`: hash `taskId`, range `createdAt`, GSIs
/// `StatusIndex` (status, createdAt) and `UserIdIndex` (userId, createdAt).
struct TaskTable {
    /// Items in insertion order (a Scan returns them in this stable order).
    private(set) var items: [JSONObject] = []
    private var indexByID: [String: Int] = [:]

    var count: Int { items.count }

    func item(id: String) -> JSONObject? { indexByID[id].map { items[$0] } }

    mutating func put(_ item: JSONObject) {
        guard let id = item["taskId"]?.stringValue else { return }
        if let index = indexByID[id] { items[index] = item } else { indexByID[id] = items.count; items.append(item) }
    }

    mutating func delete(id: String) {
        guard let index = indexByID[id] else { return }
        items.remove(at: index)
        indexByID = Dictionary(uniqueKeysWithValues: items.enumerated().compactMap { offset, item in item["taskId"]?.stringValue.map { ($0, offset) } })
    }

    /// Newest first on an index; insertion order on a scan. Returns the page and, when the limit
    /// stopped the read, the last evaluated key as DynamoDB would give it.
    func query(status: String?, userId: String?, limit: Int) -> (items: [JSONObject], lastKey: JSONObject?) {
        var selected: [JSONObject]
        var keyFields = ["taskId", "createdAt"]
        if let status {
            selected = items.filter { $0["status"] == .string(status) }
            selected.sort { ($0["createdAt"]?.displayText ?? "") > ($1["createdAt"]?.displayText ?? "") }
            keyFields.append("status")
        } else if let userId {
            selected = items.filter { $0["userId"] == .string(userId) }
            selected.sort { ($0["createdAt"]?.displayText ?? "") > ($1["createdAt"]?.displayText ?? "") }
            keyFields.append("userId")
        } else {
            selected = items
        }
        guard selected.count > limit else { return (selected, nil) }
        let page = Array(selected.prefix(limit))
        let last = page[page.count - 1]
        let key = JSONObject(keyFields.compactMap { field in last[field].map { (field, $0) } })
        return (page, key)
    }

    /// Items whose TTL has passed (DynamoDB deletes them some time later, with no event).
    mutating func expire(nowEpoch: Int) {
        let expired = items.filter { item in
            guard let ttl = item["ttl"]?.numberValue?.intValue else { return false }
            return ttl < nowEpoch
        }
        for item in expired { if let id = item["taskId"]?.stringValue { delete(id: id) } }
    }
}
