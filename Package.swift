// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "seedc",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "seedc", targets: ["seedc"]),
        .library(name: "SeedCompiler", targets: ["SeedCompiler"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(
            name: "SeedCompiler",
            dependencies: [
                "CYAML",
                "CCmarkGFM",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .executableTarget(
            name: "seedc",
            dependencies: [
                "SeedCompiler",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "SeedCompilerTests",
            dependencies: ["SeedCompiler"]
        ),
        .testTarget(
            name: "seedcTests",
            dependencies: ["seedc"]
        ),
    ]
)
