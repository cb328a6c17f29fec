// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Muster",
    // Every word Muster shows comes from one catalogue per language in CourseKit's resources.
    defaultLocalization: "en",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "muster", targets: ["muster"]),
        .library(name: "CourseKit", targets: ["CourseKit"]),
        // Reports as aligned text, for `muster report` and the head office's `muster-hq report`.
        .library(name: "ReportText", targets: ["ReportText"]),
        // The tests' helpers (seeded random, clocks, temp dirs), for the head office's tests too.
        .library(name: "TestSupport", targets: ["TestSupport"]),
        .library(name: "LibraryTestSupport", targets: ["LibraryTestSupport"]),
        // The head office: every course of a region in PostgreSQL (HeadOffice/).
        .executable(name: "muster-hq", targets: ["muster-hq"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        // The only C in the project and the only place curses is declared.
        .systemLibrary(
            name: "CNcursesw",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        // The course library: model, store, course files, names. No UI.
        .target(
            name: "CourseKit",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.process("Resources")]
        ),
        // Fictional data at scale for `muster dev generate`, the bench commands and tests; writes
        // through CourseKit's per-table writers like every other writer.
        .target(
            name: "MusterDev",
            dependencies: ["CourseKit", "SplitMix", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // Live sync's HTTP transport: carries CourseKit's opaque, end-to-end encrypted exchange
        // messages between peers; the only importer of FlyingFox.
        .target(
            name: "SyncNet",
            dependencies: [
                "CourseKit", .product(name: "FlyingFox", package: "FlyingFox"), .product(name: "FlyingSocks", package: "FlyingFox"),
            ]
        ),
        // The one seedable random generator, for the dev generators and the tests; no dependencies.
        .target(name: "SplitMix"),
        // Pure-Swift terminal toolkit: cells, widths, keys, widgets, runtime.
        .target(name: "TerminalUI"),
        // Reports and tables as plain text aligned by display width; shared with the head office.
        .target(name: "ReportText", dependencies: ["CourseKit", "TerminalUI"]),
        // The only importer of CNcursesw.
        .target(name: "TerminalUICurses", dependencies: ["CNcursesw", "TerminalUI"]),
        // Muster's screens and app logic; never imports curses.
        .target(name: "MusterApp", dependencies: ["CourseKit", "TerminalUI", "SyncNet"]),
        .executableTarget(
            name: "muster",
            dependencies: [
                "CourseKit", "TerminalUI", "TerminalUICurses", "MusterApp", "MusterDev", "SyncNet", "ReportText",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            plugins: ["BuildCommit"]
        ),
        // Writes the commit the binary is built from into `muster` (for --version and doctor).
        .plugin(name: "BuildCommit", capability: .buildTool()),
        // Test helpers with no library in them: temp dirs, clock, seeded random, snapshots, tmux, the binary.
        .target(name: "TestSupport", dependencies: ["SplitMix"], path: "Tests/TestSupport"),
        // Course and roster fixtures for the tests that open a library.
        .target(name: "LibraryTestSupport", dependencies: ["CourseKit", "TestSupport"], path: "Tests/LibraryTestSupport"),
        // The head office (HeadOffice/): `muster-hq` keeps every course of a region in PostgreSQL.
        // HQKit is the head office as a library: schema, ingest, pull, report and status over a
        // PostgreSQL connection; the rules (merge, marks, completion) stay in CourseKit. Its
        // targets live in this package rather than one of their own: a second root package
        // compiled CourseKit, GRDB, swift-crypto and every other shared module again (the head
        // office's package alone took 1,163 CPU-seconds to build on a fresh machine).
        // PostgreSQL's own client library, libpq, rather than postgres-nio: SwiftNIO, NIOSSL and
        // its second copy of BoringSSL were about 530 of a fresh build's CPU-seconds, and the
        // head office needs one blocking connection at a time, which libpq is.
        .systemLibrary(
            name: "CLibPQ",
            path: "HeadOffice/Sources/CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),
        .target(
            name: "HQKit",
            dependencies: ["CourseKit", "CLibPQ"],
            path: "HeadOffice/Sources/HQKit"
        ),
        .executableTarget(
            name: "muster-hq",
            dependencies: [
                "HQKit", "CourseKit", "ReportText", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "HeadOffice/Sources/muster-hq"
        ),
        .testTarget(
            name: "CourseKitTests",
            dependencies: [
                "CourseKit", "MusterDev", "TestSupport", "LibraryTestSupport", .product(name: "GRDB", package: "GRDB.swift"),
                // The live convergence proof runs its exchanges over HTTP.
                "SyncNet",
                // The sync tests forge a bundle's signature with a key of their own.
                .product(name: "Crypto", package: "swift-crypto"),
            ], exclude: ["__Snapshots__"]),
        .testTarget(name: "SyncNetTests", dependencies: ["SyncNet", "CourseKit", "TestSupport"]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", "TestSupport"], exclude: ["__Snapshots__"]),
        .testTarget(name: "TerminalUICursesTests", dependencies: ["TerminalUICurses", "TerminalUI", "TestSupport"]),
        .testTarget(name: "ReportTextTests", dependencies: ["ReportText", "TestSupport"]),
        .testTarget(
            name: "MusterAppTests",
            dependencies: [
                "MusterApp", "TerminalUI", "CourseKit", "MusterDev", "TestSupport", "LibraryTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ], exclude: ["__Snapshots__"]),
        // Against the PostgreSQL that scripts/test-hq starts (MUSTER_HQ_URL); skipped without one.
        .testTarget(
            name: "HQKitTests",
            dependencies: ["HQKit", "CourseKit", "TestSupport", "LibraryTestSupport"],
            path: "HeadOffice/Tests/HQKitTests"
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: [
                "TestSupport", "LibraryTestSupport", .product(name: "GRDB", package: "GRDB.swift"),
            ]),
    ],
    swiftLanguageModes: [.v6]
)
