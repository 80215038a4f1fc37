// swift-tools-version:6.0
// The fuzz target over the YAML loader and the front-matter splitter. Built only by
// scripts/fuzz.sh, with libFuzzer: SEEDC_FUZZ=1 swift build (the variable makes the
// parent package instrument SeedCompiler; -Xswiftc would also reach its build tool).
import Foundation
import PackageDescription

/// SwiftPM names a path dependency after its folder, which is whatever the clone is called.
let parent = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent.lowercased()

let package = Package(
    name: "SeedFuzz",
    dependencies: [.package(path: "..")],
    targets: [
        .target(name: "CFuzzer"),
        .executableTarget(
            name: "SeedFuzz",
            dependencies: ["CFuzzer", .product(name: "SeedCompiler", package: parent)],
            swiftSettings: [.unsafeFlags(["-sanitize=fuzzer"])],
            linkerSettings: [.unsafeFlags(["-sanitize=fuzzer"])]
        ),
    ]
)
