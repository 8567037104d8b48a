import Testing
@testable import TaskOpsUI

/// The panes' columns as data: where every column fits, the widths are the ones the panes used to
/// compute by hand; where they do not, the lowest priority goes first and the fill column keeps room.
@Suite struct ColumnTableTests {
    @Test func approvalsKeepTheirOldWidthsWhereTheyFit() {
        for width in 72...200 {
            let layout = ApprovalsPane.columns.layout(width: width)
            #expect(layout.widths == [2, 8, 8, 12, width - 64, 12, 16], "\(width)")
            #expect(layout.headers == ["", "WAITING", "PRIO", "USER", "TITLE", "EXECUTIONS", "RESULT"])
        }
    }

    @Test func eventsKeepTheirOldWidthsWhereTheyFit() {
        for width in 48...200 {
            let source = width >= 90 ? 22 : 12
            #expect(EventsPane.columns.layout(width: width).widths == [8, source, 13, width - source - 24], "\(width)")
        }
    }

    @Test func tasksKeepTheirTitleWidthAndShowTheWholeId() {
        for width in 48..<100 {
            let layout = TasksPane.columns.layout(width: width)
            #expect(layout.headers == ["TITLE", "STATUS", "PRIO", "USER", "ID"])
            #expect(layout.widths == [width - 40, 11, 7, 10, 8], "\(width): the title as before, the id no longer cut")
        }
        for width in 100...200 {
            let layout = TasksPane.columns.layout(width: width)
            #expect(layout.headers == ["TITLE", "STATUS", "PRIORITY", "USER", "CREATED", "UPDATED", "ID"])
            #expect(layout.widths.reduce(0, +) + layout.widths.count - 1 == width, "\(width): every column fits")
        }
    }

    @Test func narrowPanesDropTheLeastUsefulColumnsFirst() {
        #expect(TasksPane.columns.layout(width: 38).headers == ["TITLE", "STATUS", "PRIO"])
        #expect(TasksPane.columns.layout(width: 38).widths == [18, 11, 7])
        #expect(ApprovalsPane.columns.layout(width: 38).headers == ["", "WAITING", "TITLE", "RESULT"])
        #expect(EventsPane.columns.layout(width: 38).headers == ["TIME", "KIND", "TEXT"])
        #expect(EventsPane.columns.layout(width: 38).widths == [8, 13, 15])
        #expect(TasksPane.columns.layout(width: 3).shown == [0], "the column that matters most stays")
    }

    @Test func pickTakesTheCellsOfTheColumnsShown() {
        let layout = TasksPane.columns.layout(width: 38)
        #expect(layout.pick(["t", "s", "p", "u", "c", "m", "i"]).map(\.0) == ["t", "s", "p"])
    }
}
