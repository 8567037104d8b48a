import Foundation
import Testing
@testable import TaskOpsCore

@Suite struct StackTimeTests {
    @Test func pythonIsoFormatOmitsZeroFraction() {
        let whole = Date(timeIntervalSince1970: 1_795_000_000)
        #expect(StackTime.pythonISO(whole) == "2026-11-18T11:06:40")
        let fractional = Date(timeIntervalSince1970: 1_795_000_000.123456)
        #expect(StackTime.pythonISO(fractional).hasPrefix("2026-11-18T11:06:40.12345"))
        #expect(StackTime.isoMillisZ(fractional) == "2026-11-18T11:06:40.123Z")
    }

    @Test func parsesNaiveAndZonedForms() throws {
        let naive = try #require(StackTime.parse("2026-11-24T10:11:12.123456"))
        let zoned = try #require(StackTime.parse("2026-11-24T10:11:12.123456Z"))
        #expect(abs(naive.timeIntervalSince(zoned)) < 0.000_01)
        let offset = try #require(StackTime.parse("2026-11-24T12:11:12+02:00"))
        #expect(abs(offset.timeIntervalSince1970 - StackTime.parse("2026-11-24T10:11:12")!.timeIntervalSince1970) < 0.001)
        #expect(StackTime.parse("yesterday") == nil)
        #expect(StackTime.parse("2026-13-01T00:00:00") == nil)
    }

    @Test func httpDateRoundTrips() throws {
        let date = Date(timeIntervalSince1970: 1_795_000_000)
        let text = StackTime.httpDate(date)
        #expect(text == "Wed, 18 Nov 2026 11:06:40 GMT")
        #expect(StackTime.parseHTTPDate(text) == date)
        #expect(StackTime.amzDate(date) == "20261118T110640Z")
    }
}
