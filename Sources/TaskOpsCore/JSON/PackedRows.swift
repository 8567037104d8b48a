/// Many packed objects in one block: the tasks one poll brings share a byte array and a list of
/// shapes, so each costs its bytes and six more instead of an array (and a heap block) of its own.
/// Never changed once built, so sharing it across threads is safe.
final class PackedRows: Sendable {
    let bytes: [UInt8]
    /// Row `i` is `bytes[ends[i - 1]..<ends[i]]` (from 0 for the first).
    let ends: [UInt32]
    let shapes: [PackedShape]
    let shapeOfRow: [UInt16]

    init(bytes: [UInt8], ends: [UInt32], shapes: [PackedShape], shapeOfRow: [UInt16]) {
        self.bytes = bytes
        self.ends = ends
        self.shapes = shapes
        self.shapeOfRow = shapeOfRow
    }

    var count: Int { ends.count }

    func object(_ row: Int) -> PackedJSONObject {
        let start = row == 0 ? 0 : Int(ends[row - 1])
        return PackedJSONObject(shape: shapes[Int(shapeOfRow[row])], bytes: bytes[start..<Int(ends[row])])
    }
}

/// Fills `PackedRows`. A block takes rows while it has fewer than 65,535 and under 2 GiB of bytes,
/// so its 16-bit shape ids and 32-bit ends hold (no one row comes near 2 GiB).
struct PackedRowsBuilder {
    static let maximumRows = Int(UInt16.max)
    static let maximumBytes = 1 << 31

    private var bytes: [UInt8] = []
    private var ends: [UInt32] = []
    private var shapes = LocalTable<PackedShape>()
    private var shapeOfRow: [UInt16] = []

    var count: Int { ends.count }

    var hasRoom: Bool { count < Self.maximumRows && bytes.count < Self.maximumBytes }

    /// Packs `object` straight into the block (see `PackedJSONObject.init`).
    mutating func append(_ object: JSONObject, internedKeys: Set<String>) {
        let shape = PackedCoder.pack(object, internedKeys: internedKeys, into: &bytes)
        ends.append(UInt32(bytes.count))
        shapeOfRow.append(shapes.id(of: shape))
    }

    /// The rows built, held at their size.
    func build() -> PackedRows {
        PackedRows(bytes: bytes.atItsSize, ends: ends.atItsSize, shapes: shapes.values.atItsSize, shapeOfRow: shapeOfRow.atItsSize)
    }
}

/// Values a block refers to by a 16-bit index, each kept once.
struct LocalTable<Value: Hashable> {
    private(set) var values: [Value] = []
    private var ids: [Value: UInt16] = [:]

    mutating func id(of value: Value) -> UInt16 {
        if let id = ids[value] { return id }
        values.append(value)
        let id = UInt16(values.count - 1)
        ids[value] = id
        return id
    }
}

extension Array {
    /// A copy holding no spare capacity (an array grown by appending holds up to twice its size).
    var atItsSize: [Element] { withUnsafeBufferPointer { Array($0) } }
}
