import Foundation

// Children measured in a fresh process: `--child pty-frames SCENE`, `--child rss TASKS EVENTS`, `--child sim-memory HOURS RATE`.
let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "--child" {
    switch arguments.dropFirst().first {
    case "pty-frames":
        guard let scene = arguments.dropFirst(2).first.flatMap(PtyFrameChild.Scene.init(rawValue:)) else { exit(2) }
        PtyFrameChild.run(scene)
    case "sim-memory":
        let counts = arguments.dropFirst(2).compactMap { Int($0) }
        guard counts.count == 2 else { exit(2) }
        SimulatorMemoryChild.run(hours: counts[0], requestsPerSecond: counts[1])
    case "rss":
        let counts = arguments.dropFirst(2).compactMap { Int($0) }
        guard counts.count == 2 else { exit(2) }
        ResidentMemoryChild.run(tasks: counts[0], events: counts[1])
    default:
        exit(2)
    }
    exit(0)
}

guard let options = BenchOptions.parse(arguments) else {
    FileHandle.standardError.write(Data((BenchOptions.usage + "\n").utf8))
    exit(2)
}

/// Prints progress to stderr so stdout stays the table alone.
func progress(_ text: String) { FileHandle.standardError.write(Data("· \(text)\n".utf8)) }

var figures: [Figure] = []
if options.wants("render") { progress("render"); figures += RenderFigures.run(repeats: options.repeats * 3) }
if options.wants("screen") { progress("memory screen"); figures += MemoryScreenFigures.run() }
if options.wants("pty") { progress("pty bytes"); figures += PtyBytesFigures.run(repeats: options.repeats) }
if options.wants("calls") { progress("dashboard calls"); figures += await DashboardCallsFigures.run() }
if options.wants("live") { progress("live service"); figures += await LiveServiceFigures.run(span: options.all ? 60 : 15, repeats: options.repeats, alsoAtAccountLimit: options.all) }
if options.wants("footprint") {
    progress("footprint on the stack")
    figures += await FootprintFigures.run()
    progress("change → on screen")
    figures += await ChangeLatencyFigures.run(samples: max(3, min(options.repeats, 7)))
    progress("drift soak")
    figures += await DriftSoakFigures.run()
}
if options.wants("rss") { progress("resident memory"); figures += ResidentMemoryFigures.run(repeats: options.repeats) }
if options.wants("simmem") { progress("simulator memory over virtual hours"); figures += SimulatorMemoryFigures.run(hours: options.all ? 30 : 1) }
if options.wants("throughput") { progress("throughput"); figures += await ThroughputFigures.run(seconds: 3, repeats: options.repeats) }
if options.all && options.wants("idle") { progress("idle CPU (60 s)"); figures += IdleCPUFigures.run(seconds: 60) }
print(FigureTable.render(figures))
