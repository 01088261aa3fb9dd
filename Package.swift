// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "rigger",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "rigger", targets: ["rigger"]),
        .library(name: "RiggerCore", targets: ["RiggerCore"]),
        .library(name: "RiggerApps", targets: ["RiggerApps"]),
        .library(name: "RiggerCluster", targets: ["RiggerCluster"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CNCursesW",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        .target(
            name: "RiggerCore",
            dependencies: [
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // What reads the cluster and checks a bundle against it: runs kubectl and helm, so it sits
        // apart from the core's pure model, which it depends on.
        .target(
            name: "RiggerCluster",
            dependencies: [
                "RiggerCore",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(
            name: "RiggerApps",
            dependencies: [
                "RiggerCore",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The YAML files under presets/, compiled in so that the binary needs no files beside it.
        .target(
            name: "RiggerPresets",
            plugins: ["EmbedPresets"]
        ),
        // Writes the sources of the two build plugins; C library only, so it builds in seconds.
        .executableTarget(name: "RiggerBuildTool"),
        .plugin(name: "EmbedPresets", capability: .buildTool(), dependencies: ["RiggerBuildTool"]),
        .plugin(name: "StampBuildCommit", capability: .buildTool(), dependencies: ["RiggerBuildTool"]),
        .target(
            name: "RiggerTUI",
            dependencies: ["RiggerCore", "RiggerCluster", "CNCursesW"]
        ),
        .executableTarget(
            name: "rigger",
            dependencies: [
                "RiggerCore",
                "RiggerCluster",
                "RiggerApps",
                "RiggerTUI",
                "RiggerPresets",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            plugins: ["StampBuildCommit"]
        ),
        // What every test target shares: the checkout's paths, the built binary, reviewed files, prepared
        // bundles, real charts, stand-in clusters and tmux sessions.
        .target(
            name: "RiggerTestSupport",
            dependencies: [
                "RiggerCore",
                "RiggerCluster",
                "RiggerApps",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Yams", package: "Yams"),
            ],
            path: "Tests/RiggerTestSupport"
        ),
        .testTarget(
            name: "RiggerCoreTests",
            dependencies: [
                "RiggerCore",
                "RiggerCluster",
                "RiggerApps",
                "RiggerTestSupport",
                .product(name: "Yams", package: "Yams"),
            ],
            exclude: ["Fixtures", "Golden"]
        ),
        // Each app's own tests: its questions, renderers and golden bundles, its bundles on its real chart.
        .testTarget(
            name: "RiggerAppsTests",
            dependencies: [
                "RiggerCore",
                "RiggerApps",
                "RiggerTestSupport",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // What reads a cluster (stand-in tools replaying recorded ones) and `rigger check`.
        .testTarget(
            name: "RiggerClusterTests",
            dependencies: ["RiggerCore", "RiggerCluster", "RiggerApps", "RiggerTestSupport"]
        ),
        // The built binary as an operator runs it: the command line, its manual and completions, the release.
        .testTarget(
            name: "RiggerCLITests",
            dependencies: ["RiggerCore", "RiggerApps", "RiggerTestSupport"]
        ),
        .testTarget(
            name: "RiggerTUITests",
            dependencies: ["RiggerTUI", "RiggerCore", "RiggerCluster", "RiggerApps", "RiggerTestSupport"],
            exclude: ["Snapshots"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
