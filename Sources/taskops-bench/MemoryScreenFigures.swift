import TaskOpsUI

/// Cells written per refresh through the in-memory screen (the same diff the curses screen does).
enum MemoryScreenFigures {
    static func run() -> [Figure] {
        let state = FrameScenes.loaded()
        let full = FrameScenes.grid(state)
        let changed = FrameScenes.grid(FrameScenes.oneRowChanged(state))
        let screen = MemoryScreen(width: FrameScenes.width, height: FrameScenes.height)
        let fullCells = Double(screen.draw(full))
        let unchangedCells = Double(screen.draw(full))
        let oneRowCells = Double(screen.draw(changed))
        let reference = "full: \(Int(fullCells)) cells"
        return [
            Figure("cells written per refresh, nothing changed (memory screen)", measured: "\(Int(unchangedCells)) cells", target: "0",
                   reference: reference, ratio: Format.ratio(unchangedCells, fullCells), meetsTarget: unchangedCells == 0),
            Figure("cells written per refresh, one row changed (memory screen)", measured: "\(Int(oneRowCells)) cells", target: "≤ 2 % of full",
                   reference: reference, ratio: Format.ratio(oneRowCells, fullCells), meetsTarget: oneRowCells <= fullCells * 0.02),
        ]
    }
}
