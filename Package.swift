// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "outreach",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "outreach", targets: ["outreach"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
        .package(url: "https://github.com/vapor/postgres-nio", exact: "1.33.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibEdit",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        // Domain value types: sectors, questions, playbooks, partners, sessions, answers, notes.
        .target(name: "OutreachCore"),
        // Loading and validating plugins and playbooks from YAML files on the search paths.
        .target(
            name: "OutreachCatalog",
            dependencies: [
                "OutreachCore",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // SQLite persistence through GRDB: records, migrations, queries.
        .target(
            name: "OutreachStore",
            dependencies: [
                "OutreachCore", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        // The team database: the same store on a PostgreSQL server through postgres-nio, with
        // row-level security for private notes, its own migrations and the lead roles.
        .target(
            name: "OutreachPostgres",
            dependencies: ["OutreachCore", "OutreachStore", .product(name: "PostgresNIO", package: "postgres-nio")]
        ),
        // Documents read from the store: the value case and its renderers, coverage, coaching.
        .target(
            name: "OutreachReports",
            dependencies: ["OutreachCore", "OutreachStore"]
        ),
        // The session engine every front end drives (start, answer, skip, back, goto, note, pause,
        // finish), and scripted runs from answers files. No terminal code.
        .target(
            name: "OutreachSessions",
            dependencies: ["OutreachCore", "OutreachCatalog", "OutreachStore", "OutreachReports"]
        ),
        // The terminal front end: line reading, command registry, completion, rendering.
        .target(
            name: "OutreachShell",
            dependencies: [
                "OutreachCore", "OutreachCatalog", "OutreachStore", "OutreachPostgres", "OutreachReports", "OutreachSessions", "CLibEdit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "outreach",
            dependencies: [
                "OutreachShell",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // The linker's symbol list for release builds (RELEASE in the Makefile).
            exclude: ["exports.map"]
        ),
        // `make bench`: speed and scale against references measured in the same run.
        .executableTarget(
            name: "outreach-bench",
            dependencies: [
                "OutreachShell", "OutreachSessions", "OutreachReports", "OutreachStore", "OutreachPostgres", "OutreachCatalog", "OutreachCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        // The bench's start-up reference: opens a database with GRDB and checks its migrations, nothing else.
        .executableTarget(
            name: "outreach-bare-open",
            dependencies: [.product(name: "GRDB", package: "GRDB.swift")]
        ),
        // Shared by the test targets: repository paths, temporary folders, golden files, the shell
        // harness and the report fixture.
        .target(
            name: "OutreachTestSupport",
            dependencies: ["OutreachCore", "OutreachCatalog", "OutreachStore", "OutreachPostgres", "OutreachReports", "OutreachShell"],
            path: "Tests/OutreachTestSupport"
        ),
        // `make fuzz`: libFuzzer targets for the YAML loaders and the bundle reader. A plain build
        // makes them replay the files they are given; `make fuzz` builds them with the fuzzer.
        .systemLibrary(name: "CLibFuzzer"),
        .target(name: "OutreachFuzzing", dependencies: ["OutreachCore", "OutreachCatalog", "OutreachStore", "CLibFuzzer"]),
        .executableTarget(name: "fuzz-plugin", dependencies: ["OutreachFuzzing"]),
        .executableTarget(name: "fuzz-playbook", dependencies: ["OutreachFuzzing"]),
        .executableTarget(name: "fuzz-answers", dependencies: ["OutreachFuzzing"]),
        .executableTarget(name: "fuzz-bundle", dependencies: ["OutreachFuzzing"]),
        .testTarget(name: "OutreachCoreTests", dependencies: ["OutreachCore"]),
        .testTarget(
            name: "OutreachCatalogTests",
            dependencies: ["OutreachCatalog"],
            resources: []
        ),
        .testTarget(name: "OutreachStoreTests", dependencies: ["OutreachStore", "OutreachPostgres", "OutreachTestSupport"]),
        .testTarget(name: "OutreachReportsTests", dependencies: ["OutreachReports", "OutreachTestSupport"]),
        .testTarget(name: "OutreachSessionsTests", dependencies: ["OutreachSessions", "OutreachShell", "OutreachTestSupport"]),
        .testTarget(name: "OutreachShellTests", dependencies: [
            "OutreachShell", "OutreachTestSupport", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "EndToEndTests", dependencies: ["OutreachStore", "OutreachTestSupport"]),
        .testTarget(name: "OutreachPostgresTests", dependencies: ["OutreachPostgres", "OutreachTestSupport"]),
    ]
)
