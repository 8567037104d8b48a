import Foundation
import Testing
import TaskOpsCore
import TaskOpsTesting

@Suite struct CBORTests {
    static func hex(_ text: String) -> [UInt8] {
        stride(from: 0, to: text.count, by: 2).map { UInt8(text.dropFirst($0).prefix(2), radix: 16) ?? 0 }
    }

    /// Examples from RFC 8949 Appendix A.
    @Test(arguments: [
        ("00", "0"), ("17", "23"), ("1818", "24"), ("1903e8", "1000"), ("1a000f4240", "1000000"),
        ("1bffffffffffffffff", "18446744073709551615"), ("20", "-1"), ("3903e7", "-1000"),
        ("f90000", "0.0"), ("f93c00", "1.0"), ("fb3ff199999999999a", "1.1"), ("fa47c35000", "100000.0"), ("f9c400", "-4.0"),
        ("f4", "false"), ("f5", "true"), ("f6", "null"), ("60", "\"\""), ("6449455446", "\"IETF\""), ("62c3bc", "\"\\u00fc\""),
        ("83010203", "[1, 2, 3]"), ("8301820203820405", "[1, [2, 3], [4, 5]]"), ("a26161016162820203", "{\"a\": 1, \"b\": [2, 3]}"),
        ("9f018202039f0405ffff", "[1, [2, 3], [4, 5]]"), ("7f657374726561646d696e67ff", "\"streaming\""),
        ("bf61610161629f0203ffff", "{\"a\": 1, \"b\": [2, 3]}"), ("c11a514b67b0", "1363896240"), ("4401020304", "\"AQIDBA==\""),
    ])
    func decodesTheRFCExamples(_ encoded: String, _ json: String) throws {
        #expect(JSONWriter.python(try CBORDecoder.decode(Self.hex(encoded))) == json)
    }

    @Test func roundTripsWhatTheSimulatorSends() throws {
        let value = JSONValue.object(["Timestamps": .array([.int(1_795_000_000)]), "Values": .array([.double(1.5), .int(-3), .int(0)]),
                                      "Label": .string("Ünïcödé 🚀"), "Empty": .object([:]), "Null": .null, "Flag": .bool(true)])
        let bytes = CBOREncoder.encode(value, timestampKeys: ["Timestamps"])
        #expect(bytes.contains(0xc1), "timestamps carry tag 1")
        #expect(try CBORDecoder.decode(bytes) == value)
        for text in HostileStrings.all {
            #expect(try CBORDecoder.decode(CBOREncoder.encode(.string(text))) == .string(text))
        }
    }

    @Test(arguments: ["", "18", "1b00000000", "5a7fffffff", "9b00000000ffffffff", "a1", "a10102", "9f01", "ff", "f8", "1c", "8101ff"])
    func refusesMalformedInput(_ encoded: String) {
        #expect(throws: CBORDecoder.Failure.self) { try CBORDecoder.decode(Self.hex(encoded)) }
    }

    @Test func refusesDeepNesting() {
        #expect(throws: CBORDecoder.Failure.self) { try CBORDecoder.decode(Array(repeating: 0x81, count: 10_000) + [0x00]) }
    }
}
