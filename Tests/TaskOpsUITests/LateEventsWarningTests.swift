import Foundation
import Testing
import TaskOpsCore
@testable import TaskOpsUI

/// An event that came later than the events' overlap window allowed is warned about on the status
/// line (others like it may have been missed), for ten minutes.
@Suite struct LateEventsWarningTests {
    func statusLine(_ health: EventReadHealth, now: Date) -> String {
        var state = Fixtures.state()
        state.snapshot.events.readHealth = health
        return ConsoleRenderer.render(state, width: 200, height: 40, now: now).lines.suffix(2).joined(separator: "\n")
    }

    @Test func aLateArrivalIsShownUntilItIsOld() {
        let late = EventReadHealth(ingestionDelay: 95, window: 190, lateEvents: 1, lastLate: Fixtures.now, lastLateDelay: 95)
        #expect(statusLine(late, now: Fixtures.now.addingTimeInterval(30)).contains("late 95s (window 190s)"))
        #expect(!statusLine(late, now: Fixtures.now.addingTimeInterval(EventReadHealth.warningSpan + 1)).contains("late 95s"))
        #expect(!statusLine(EventReadHealth(ingestionDelay: 3, window: 120), now: Fixtures.now).contains("late "))
    }
}
