// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Jixiao",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "JixiaoKit", targets: ["JixiaoKit"]),
        .executable(name: "jixiao", targets: ["jixiao"]),
        .executable(name: "jixiao-bench", targets: ["jixiao-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // Pure model: templates, formulas, checks, scoring, drafts, reports. Foundation only.
        .target(name: "JixiaoKit", dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // ncursesw through a module map; shim.h wraps the macros Swift cannot import.
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        .target(name: "JixiaoTUI", dependencies: ["JixiaoKit", "CNcursesw"]),
        .executableTarget(
            name: "jixiao",
            dependencies: ["JixiaoKit", "JixiaoTUI", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(name: "jixiao-bench", dependencies: ["JixiaoKit", "JixiaoTUI"]),
        // Golden files are read by path in the tests, not compiled or bundled.
        .testTarget(name: "JixiaoKitTests", dependencies: ["JixiaoKit"], exclude: ["Golden"]),
        .testTarget(name: "JixiaoTUITests", dependencies: ["JixiaoTUI", "JixiaoKit"], exclude: ["Golden"]),
    ]
)
