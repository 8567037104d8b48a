import Foundation
import Testing
import TaskOpsCore

@Suite struct TextHelpersTests {
    static let pieces = ["", " ", "\t", "\r\n", "\n", "a", "é", "\u{2028}", "\u{85}", "\u{A0}", "\u{3000}", "x y", "日本", "\u{200B}", "\r", "\u{1F600}", "\u{301}"]

    /// Every combination of ends and middles gives exactly what Foundation gives.
    @Test(arguments: [CharacterSet.newlines, .whitespaces, .whitespacesAndNewlines])
    func matchesFoundation(_ set: CharacterSet) {
        for a in Self.pieces {
            for b in Self.pieces {
                for c in Self.pieces {
                    let text = a + b + c
                    #expect(text.cheaplyTrimming(set) == text.trimmingCharacters(in: set), "\(Array(text.unicodeScalars))")
                    let sub = ("<" + text + ">").dropFirst().dropLast()
                    #expect(sub.cheaplyTrimming(set) == sub.trimmingCharacters(in: set))
                }
            }
        }
    }

    @Test func byteSearchFindsWhatRangeOfFinds() {
        let texts = ["Received TaskCreated event: {}", "aaab", "日本語 task 1234", "", "x", "Task Task Task", "éé\u{301} task é"]
        let needles = ["Received ", " event: ", "aab", "task ", "Task ", "é", "x", "zz", "本語"]
        for text in texts {
            for needle in needles {
                let mine = text.byteRange(of: needle).map { String(text[$0]) }
                let theirs = text.range(of: needle, options: .literal).map { String(text[$0]) }
                #expect(mine == theirs, "\(text) / \(needle)")
                if let found = text.byteRange(of: needle) {
                    #expect(text.distance(from: text.startIndex, to: found.lowerBound) == text.distance(from: text.startIndex, to: text.range(of: needle, options: .literal)!.lowerBound))
                }
            }
        }
        #expect("a event: b event: c".byteRange(of: " event: ", from: "a event: b event: c".index("a event: b event: c".startIndex, offsetBy: 3)).map { $0.lowerBound.utf16Offset(in: "a event: b event: c") } == 10)
    }
}
