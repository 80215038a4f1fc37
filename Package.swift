// swift-tools-version:6.1
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
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
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
        /// libpq's header only: the library is loaded with dlopen when a PostgreSQL
        /// database is used (SeedDatabase's LibPQ), so the binary does not link it.
        .systemLibrary(
            name: "CLibPQ",
            providers: [.apt(["libpq-dev"])]
        ),
        .systemLibrary(
            name: "CCrypt",
            pkgConfig: "libxcrypt",
            providers: [.apt(["libcrypt-dev"])]
        ),
        /// glibc's `mallopt` (the seedc executable fixes the mmap threshold at start).
        .systemLibrary(name: "CMalloc"),
        /// arc4random_buf, arc4random, hypot and hypotf defined in the executable, so the
        /// release needs no glibc newer than 2.34 (glibc_floor.c says why).
        .target(name: "CGlibcFloor"),
        .target(
            name: "SeedCompiler",
            dependencies: [
                "CYAML",
                "CCmarkGFM",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            exclude: ["Rendering/Python/seed_runtime.py"],
            // scripts/fuzz.sh instruments the library for libFuzzer here, not with
            // -Xswiftc, which would also reach the EmbedText build tool and break its link.
            swiftSettings: Context.environment["SEEDC_FUZZ"] == "1" ? [.unsafeFlags(["-sanitize=fuzzer"])] : [],
            plugins: ["EmbedPythonRuntime"]
        ),
        /// Turns a text file into a Swift string literal at build time (the Python runtime).
        .executableTarget(name: "EmbedText"),
        .plugin(name: "EmbedPythonRuntime", capability: .buildTool(), dependencies: ["EmbedText"]),
        /// The database side of `seedc plan` and `apply`: SQLite through GRDB, PostgreSQL
        /// through libpq, bcrypt through libxcrypt. All I/O with databases lives here.
        .target(
            name: "SeedDatabase",
            dependencies: [
                "SeedCompiler",
                "CLibPQ",
                "CCrypt",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        /// The file system: the confined content root every read goes through, input
        /// files read in pieces, the planner's spill file, outputs staged and replaced
        /// whole, and the comparison of outputs with seeds/.
        .target(
            name: "SeedFiles",
            dependencies: ["SeedCompiler"]
        ),
        /// Each command's whole flow (build, check, plan, apply, init, capture, schema)
        /// and the one reporter of every message; the executable only parses options.
        .target(
            name: "SeedFlows",
            dependencies: ["SeedCompiler", "SeedFiles", "SeedDatabase"]
        ),
        .executableTarget(
            name: "seedc",
            dependencies: [
                "SeedFlows",
                "SeedCompiler",
                .target(name: "CMalloc", condition: .when(platforms: [.linux])),
                .target(name: "CGlibcFloor", condition: .when(platforms: [.linux])),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "SeedCompilerTests",
            dependencies: ["SeedCompiler"]
        ),
        .testTarget(
            name: "SeedDatabaseTests",
            dependencies: ["SeedDatabase"]
        ),
        .testTarget(
            name: "SeedFlowsTests",
            dependencies: ["SeedFlows", "SeedFiles", "SeedDatabase"]
        ),
        .testTarget(
            name: "seedcTests",
            dependencies: ["seedc"]
        ),
    ]
)
