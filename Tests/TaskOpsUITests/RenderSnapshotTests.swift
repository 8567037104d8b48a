import Foundation
import Testing
@testable import TaskOpsUI

/// Every pane, overlay and dialog drawn from a fixed state at three terminal sizes and compared
/// with the text and roles stored under `Snapshots/`: a layout change is a diff to review.
/// `RECORD_SNAPSHOTS=1 swift test --filter RenderSnapshotTests` records them again.
@Suite struct RenderSnapshotTests {
    struct Size: Sendable, CustomStringConvertible {
        var width: Int
        var height: Int
        var description: String { "\(width)x\(height)" }
    }

    static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40), Size(width: 200, height: 60)]

    @Test(arguments: SnapshotScene.allCases, sizes)
    func sceneMatchesItsSnapshot(scene: SnapshotScene, size: Size) throws {
        let grid = ConsoleRenderer.render(try scene.state(), width: size.width, height: size.height, now: SnapshotFixtures.now)
        RenderSnapshot.assertMatches(grid, named: "\(scene.rawValue)-\(size)")
    }

    /// A stored file no scene draws any more would pass unnoticed; it must go when its scene goes.
    @Test func everyStoredSnapshotHasAScene() throws {
        guard !RenderSnapshot.recording else { return }
        let names = Set(SnapshotScene.allCases.flatMap { scene in Self.sizes.map { "\(scene.rawValue)-\($0).txt" } })
        let stored = try FileManager.default.contentsOfDirectory(atPath: RenderSnapshot.directory.path).filter { $0.hasSuffix(".txt") }
        #expect(!stored.isEmpty, "no snapshots stored; record them with RECORD_SNAPSHOTS=1")
        for file in stored { #expect(names.contains(file), "\(file) belongs to no scene; delete it") }
    }
}
