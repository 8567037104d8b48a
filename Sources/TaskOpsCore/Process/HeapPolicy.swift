#if canImport(Glibc)
import Glibc
#endif

/// How the console's process uses glibc's heap. The console holds its tasks and events in a few
/// big arrays and builds new ones as polls come in. glibc raises its mmap threshold after the
/// first big block is freed (up to 32 MiB), after which big arrays come from the heap and the space
/// they free stays resident as holes (8 MB after one sort of 100k tasks). A fixed threshold keeps
/// every block of 1 MiB or more (a 100k-item array, a block of a page's tasks) in a mapping of its
/// own, given back to the system when freed; smaller ones, such as the cell grid each frame is
/// drawn into, still reuse heap space instead of being mapped and faulted in afresh.
public enum HeapPolicy {
    public static let ownMappingFrom: Int32 = 1024 * 1024

    /// Sets the threshold; false where there is no glibc `mallopt`.
    @discardableResult
    public static func giveBackLargeBlocksWhenFreed() -> Bool {
        #if canImport(Glibc)
        typealias MallocOption = @convention(c) (Int32, Int32) -> Int32
        let mmapThreshold: Int32 = -3  // M_MMAP_THRESHOLD, which Swift's Glibc module does not export
        guard let symbol = dlsym(nil, "mallopt") else { return false }
        return unsafeBitCast(symbol, to: MallocOption.self)(mmapThreshold, ownMappingFrom) == 1
        #else
        return false
        #endif
    }
}
