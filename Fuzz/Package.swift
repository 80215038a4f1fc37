// swift-tools-version:6.0
// The fuzz target over the YAML loader and the front-matter splitter. Built only by
// scripts/fuzz.sh, with libFuzzer: swift build -Xswiftc -sanitize=fuzzer -Xswiftc -parse-as-library
import PackageDescription

let package = Package(
    name: "SeedFuzz",
    dependencies: [.package(path: "..")],
    targets: [
        .executableTarget(
            name: "SeedFuzz",
            dependencies: [.product(name: "SeedCompiler", package: "seedc")]
        ),
    ]
)
