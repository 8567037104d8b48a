/// Command-line options of the benchmark.
struct BenchOptions {
    /// Also run the long figures (idle CPU for 60 s in tmux, a longer live-service span).
    var all = false
    var repeats = 7
    /// Only the figures whose group name contains one of these (empty: every group).
    var only: [String] = []

    static let usage = """
        usage: taskops-bench [--quick | --all] [--repeats N] [--only GROUP[,GROUP…]]
          --quick     skip the long figures (default)
          --all       also measure idle CPU of `taskops demo` for 60 s in tmux
          --repeats   samples per figure (default 7); tables show min / median
          --only      render, screen, pty, calls, live, footprint, rss, simmem, throughput, idle
        """

    static func parse(_ arguments: [String]) -> BenchOptions? {
        var options = BenchOptions()
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            switch argument {
            case "--quick": options.all = false
            case "--all": options.all = true
            case "--repeats":
                guard let value = rest.popFirst().flatMap({ Int($0) }), value > 0 else { return nil }
                options.repeats = value
            case "--only":
                guard let value = rest.popFirst() else { return nil }
                options.only = value.split(separator: ",").map(String.init)
            default: return nil
            }
        }
        return options
    }

    func wants(_ group: String) -> Bool { only.isEmpty || only.contains(group) }
}
