// swift-tools-version:6.1
import PackageDescription

// The head office's own package: `muster-hq` keeps every course of a region in PostgreSQL. It
// lives apart from the laptop package so that building `muster` and its tests never pays for the
// PostgreSQL client (postgres-nio and SwiftNIO take minutes to build on two cores).
let package = Package(
    name: "HeadOffice",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "muster-hq", targets: ["muster-hq"])
    ],
    dependencies: [
        .package(name: "Muster", path: ".."),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // The head office as a library: schema, ingest, pull, report and status over a
        // PostgreSQL connection; the rules (merge, marks, completion) stay in CourseKit.
        .target(
            name: "HQKit",
            dependencies: [
                .product(name: "CourseKit", package: "Muster"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        .executableTarget(
            name: "muster-hq",
            dependencies: [
                "HQKit", .product(name: "CourseKit", package: "Muster"), .product(name: "ReportText", package: "Muster"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "HQKitTests",
            dependencies: [
                "HQKit", .product(name: "CourseKit", package: "Muster"), .product(name: "TestSupport", package: "Muster"),
                .product(name: "LibraryTestSupport", package: "Muster"),
            ]),
    ],
    swiftLanguageModes: [.v6]
)
