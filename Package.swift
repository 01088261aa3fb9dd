// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "rigger",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "rigger", targets: ["rigger"]),
        .library(name: "RiggerCore", targets: ["RiggerCore"]),
        .library(name: "RiggerApps", targets: ["RiggerApps"]),
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
            dependencies: ["RiggerCore", "CNCursesW"]
        ),
        .executableTarget(
            name: "rigger",
            dependencies: [
                "RiggerCore",
                "RiggerApps",
                "RiggerTUI",
                "RiggerPresets",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            plugins: ["StampBuildCommit"]
        ),
        .testTarget(
            name: "RiggerCoreTests",
            dependencies: [
                "RiggerCore",
                "RiggerApps",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Yams", package: "Yams"),
            ],
            exclude: ["Fixtures", "Golden"]
        ),
        .testTarget(
            name: "RiggerTUITests",
            dependencies: ["RiggerTUI", "RiggerCore", "RiggerApps"],
            exclude: ["Snapshots"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
