// swift-tools-version: 6.1
import PackageDescription

let strict: [SwiftSetting] = [.enableUpcomingFeature("ExistentialAny")]

let package = Package(
    name: "taskops",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "taskops", targets: ["taskops"]),
        .executable(name: "taskops-bench", targets: ["taskops-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        // C shims: Swift cannot call variadic curl_easy_setopt or ncurses macros.
        .target(name: "CNcurses", linkerSettings: [.linkedLibrary("ncursesw"), .linkedLibrary("tinfo")]),
        .target(name: "CCurl", linkerSettings: [.linkedLibrary("curl")]),

        .target(name: "TaskOpsCore", swiftSettings: strict),
        .target(name: "AWSSigV4", dependencies: [.product(name: "Crypto", package: "swift-crypto")], swiftSettings: strict),
        .target(name: "TaskOpsAWS", dependencies: ["TaskOpsCore", "AWSSigV4", "CCurl"], swiftSettings: strict),
        .target(name: "TaskOpsService", dependencies: ["TaskOpsCore"], swiftSettings: strict),
        .target(name: "TaskOpsSim", dependencies: ["TaskOpsCore", "AWSSigV4"], swiftSettings: strict),
        .target(name: "TaskOpsSimServer", dependencies: [
            "TaskOpsSim", "TaskOpsCore", "AWSSigV4",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdCore", package: "hummingbird"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
        ], swiftSettings: strict),
        .target(name: "TaskOpsUI", dependencies: [
            "TaskOpsCore", "TaskOpsService", "CNcurses",
            .product(name: "TOMLKit", package: "TOMLKit"),
        ], swiftSettings: strict),
        .target(name: "TaskOpsCLI", dependencies: [
            "TaskOpsCore", "TaskOpsAWS", "TaskOpsService", "TaskOpsUI",
            .product(name: "TOMLKit", package: "TOMLKit"),
        ], swiftSettings: strict),
        .executableTarget(name: "taskops", dependencies: [
            "TaskOpsCore", "TaskOpsAWS", "TaskOpsService", "TaskOpsSim", "TaskOpsSimServer", "TaskOpsUI", "TaskOpsCLI",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "TOMLKit", package: "TOMLKit"),
        ], swiftSettings: strict),

        // Benchmarks: figures and ratios to their references, never pass/fail (scripts/bench.sh).
        .executableTarget(name: "taskops-bench", dependencies: [
            "TaskOpsCore", "AWSSigV4", "TaskOpsAWS", "TaskOpsService", "TaskOpsSim", "TaskOpsSimServer", "TaskOpsUI",
        ], swiftSettings: strict),

        // Shared test support: hostile-string corpus, fakes, manual clocks.
        .target(name: "TaskOpsTesting", dependencies: ["TaskOpsCore"], swiftSettings: strict),

        .testTarget(name: "TaskOpsCoreTests", dependencies: ["TaskOpsCore", "TaskOpsTesting"]),
        .testTarget(name: "AWSSigV4Tests", dependencies: ["AWSSigV4"], exclude: ["Vectors"]),
        .testTarget(name: "TaskOpsAWSTests", dependencies: ["TaskOpsAWS", "TaskOpsCore", "TaskOpsSim", "TaskOpsSimServer", "TaskOpsTesting"], exclude: ["Scripts"]),
        .testTarget(name: "TaskOpsServiceTests", dependencies: ["TaskOpsService", "TaskOpsCore", "TaskOpsAWS", "TaskOpsSim", "TaskOpsSimServer", "AWSSigV4", "TaskOpsTesting"]),
        .testTarget(name: "TaskOpsSimTests", dependencies: ["TaskOpsSim", "TaskOpsSimServer", "TaskOpsCore", "AWSSigV4"]),
        .testTarget(name: "TaskOpsUITests", dependencies: ["TaskOpsUI", "TaskOpsService", "TaskOpsCore", "TaskOpsTesting", "TaskOpsAWS", "TaskOpsSim", "TaskOpsSimServer", "AWSSigV4"],
                    exclude: ["Snapshots"]),
        .testTarget(name: "TaskOpsCLITests", dependencies: ["TaskOpsCLI", "TaskOpsCore", "TaskOpsTesting", "TaskOpsAWS", "TaskOpsUI", "TaskOpsService", "TaskOpsSim", "TaskOpsSimServer", "AWSSigV4"], exclude: ["Scripts"]),
    ]
)
