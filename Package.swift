// swift-tools-version:6.1
import PackageDescription

// The module graph is the architecture (docs/architecture.md): each arrow is a dependency, and a
// back-edge does not compile.
//
//   JixiaoKit (core) ← JixiaoStore, JixiaoReports, JixiaoGenerate, JixiaoTerminal ← JixiaoTUI ← jixiao
let package = Package(
    name: "Jixiao",
    platforms: [.macOS(.v13)],
    products: [
        // What another program would link to read, check, score and print drafts. The test-data
        // generator and the terminal are not part of it.
        .library(name: "JixiaoKit", targets: ["JixiaoKit", "JixiaoStore", "JixiaoReports"]),
        .executable(name: "jixiao", targets: ["jixiao"]),
        .executable(name: "jixiao-bench", targets: ["jixiao-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // Core: JSON, numbers, templates, formulas, the model and its evaluation, checks, scoring.
        // Foundation only: no file beyond reading templates, no terminal, no ZIP.
        .target(name: "JixiaoKit"),
        // Drafts on disk: the format, atomic saves, the lock, recovery files (POSIX calls).
        .target(name: "JixiaoStore", dependencies: ["JixiaoKit"]),
        // Scorecard, wording of reports, text/HTML/CSV/XLSX printouts; owns ZIPFoundation.
        .target(name: "JixiaoReports", dependencies: ["JixiaoKit", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // Generated test drafts, for the benchmark and the tests; not in the product library.
        .target(name: "JixiaoGenerate", dependencies: ["JixiaoKit"]),
        // ncursesw through a module map; shim.h wraps the macros Swift cannot import.
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        // Screen grid, keys, display widths, line and text editors, and the one file that talks to ncurses.
        .target(name: "JixiaoTerminal", dependencies: ["JixiaoKit", "CNcursesw"]),
        // The terminal UI: state, update, views, and the driver that carries out effects.
        .target(name: "JixiaoTUI", dependencies: ["JixiaoKit", "JixiaoStore", "JixiaoReports", "JixiaoTerminal"]),
        .executableTarget(
            name: "jixiao",
            dependencies: ["JixiaoKit", "JixiaoStore", "JixiaoReports", "JixiaoGenerate", "JixiaoTUI",
                           .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(name: "jixiao-bench", dependencies: ["JixiaoKit", "JixiaoStore", "JixiaoReports", "JixiaoGenerate", "JixiaoTUI", "JixiaoTerminal"]),
        // Golden files are read by path in the tests, not compiled or bundled.
        .testTarget(name: "JixiaoKitTests", dependencies: ["JixiaoKit", "JixiaoStore", "JixiaoReports", "JixiaoGenerate"], exclude: ["Golden"]),
        .testTarget(name: "JixiaoTUITests", dependencies: ["JixiaoTUI", "JixiaoTerminal", "JixiaoKit", "JixiaoStore", "JixiaoReports", "JixiaoGenerate"],
                    exclude: ["Golden"]),
    ]
)
