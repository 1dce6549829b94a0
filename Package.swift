// swift-tools-version:6.1
import PackageDescription

/// `sovereign`: which hosting offers can legally and technically take sensitive European data.
///
/// Layers (pure core, I/O at the edges):
/// - `SovereignCatalog`: the catalog model, strict YAML loading with file:line:column diagnostics,
///   validation, and the bundled catalog (embedded at build time by `EmbedCatalogPlugin`).
/// - `SovereignExposure`: which non-EU laws reach an offering, SecNumCloud 19.6 eligibility.
/// - `SovereignScoring`: requirements, gates, criteria, TOPSIS / weighted sum, exports.
/// - `SovereignCSF`: the EU Cloud Sovereignty Framework calculator (SEAL, Sovereignty Score),
///   answers derived from catalog facts, intervals for unknown answers.
/// - `SovereignHTML`: HTML pages (the decision report, the server's pages) with Plot: page shell,
///   CSS, verdict badges, SVG charts; every piece of data escaped.
/// - `SovereignFetch`: libcurl client, certification-list parsers, dated snapshot store.
/// - `Sovereign`: the one library product an application depends on (re-exports the above).
/// - `SovereignCLI`: the `sovereign` executable, a thin shell over the library.
let package = Package(
  name: "sovereign",
  platforms: [.macOS(.v13)],
  products: [
    .library(name: "Sovereign", targets: ["Sovereign"]),
    .executable(name: "sovereign", targets: ["SovereignCLI"]),
    .executable(name: "sovereign-bench", targets: ["SovereignBench"]),
    .executable(name: "sovereign-fuzz", targets: ["SovereignFuzz"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
    .package(url: "https://github.com/apple/swift-nio", from: "2.81.0"),
    .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
    .package(url: "https://github.com/JohnSundell/Plot", from: "0.14.0"),
  ],
  targets: [
    // Build-time tool and plugin that validate data/ with the strict loader (an invalid catalog
    // fails the build) and embed it, compiled, into the SovereignCatalog module: no YAML parsing
    // at run time, and no resource bundle beside the binary (Bundle.module traps without it).
    // The tool also assesses the offerings whose assessment no date changes (the exposure engine
    // needs the catalog model only) and embeds the results beside the catalog.
    .executableTarget(name: "EmbedCatalogTool", dependencies: ["SovereignCatalogCore", "SovereignExposure"], path: "Sources/EmbedCatalogTool"),
    .plugin(name: "EmbedCatalogPlugin", capability: .buildTool(), dependencies: ["EmbedCatalogTool"]),

    // The catalog model, strict loading and presentation (sources in Sources/SovereignCatalog),
    // without the bundled data, so the build-time tool can link it.
    .target(
      name: "SovereignCatalogCore",
      dependencies: [.product(name: "Yams", package: "Yams")],
      path: "Sources/SovereignCatalog"
    ),
    // What applications import: SovereignCatalogCore re-exported plus `Catalog.bundled()`.
    .target(
      name: "SovereignCatalog",
      dependencies: ["SovereignCatalogCore"],
      path: "Sources/SovereignCatalogBundled",
      plugins: ["EmbedCatalogPlugin"]
    ),
    // On the catalog model alone (not the bundled data), so the build-time tool can link it.
    .target(name: "SovereignExposure", dependencies: ["SovereignCatalogCore"]),
    .target(name: "SovereignCSF", dependencies: ["SovereignCatalog", "SovereignExposure"]),
    .target(name: "SovereignScoring", dependencies: ["SovereignCatalog", "SovereignExposure", "SovereignCSF"]),
    // HTML pages (report, server pages) built with Plot's typed DSL: page shell, CSS, SVG charts.
    .target(
      name: "SovereignHTML",
      dependencies: ["SovereignCatalog", "SovereignExposure", "SovereignScoring", .product(name: "Plot", package: "Plot")]
    ),
    // libcurl, opened with dlopen on first use (see Sources/CCurl/include/ccurl.h); its headers
    // come from libcurl4-openssl-dev (scripts/bootstrap).
    .target(name: "CCurl", linkerSettings: [.linkedLibrary("dl")]),
    .target(name: "SovereignFetch", dependencies: ["SovereignCatalog", "CCurl"]),
    .target(
      name: "Sovereign",
      dependencies: ["SovereignCatalog", "SovereignExposure", "SovereignScoring", "SovereignFetch", "SovereignCSF", "SovereignHTML"]
    ),
    // `sovereign serve`: the JSON API and the pages over HTTP (Hummingbird); kept out of the
    // `Sovereign` product so an application that embeds the library does not build a server.
    .target(
      name: "SovereignServer",
      dependencies: [
        "Sovereign",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "HTTPTypes", package: "swift-http-types"),
        .product(name: "Plot", package: "Plot"),
      ]
    ),
    .executableTarget(
      name: "SovereignCLI",
      dependencies: [
        "Sovereign",
        "SovereignServer",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),

    // Evidence of speed and robustness (see BENCHMARKS.md, ROBUSTNESS.md). Both build in a plain
    // `swift build`; neither is run by the tests. `sovereign-fuzz` is a corpus replayer unless
    // scripts/fuzz builds it with `-sanitize=fuzzer -D SOVEREIGN_FUZZING` in `.build-fuzz`.
    .executableTarget(name: "SovereignBench", dependencies: ["Sovereign"], path: "Benchmarks/SovereignBench"),
    .executableTarget(name: "SovereignFuzz", dependencies: ["Sovereign"], path: "Fuzz/SovereignFuzz"),

    // Catalog texts and file helpers shared by the test suites (Foundation only; not a product).
    .target(name: "SovereignTestSupport", path: "Tests/SovereignTestSupport"),
    .testTarget(name: "SovereignCatalogTests", dependencies: ["SovereignCatalog", "SovereignCatalogCore", "SovereignTestSupport"]),
    .testTarget(name: "SovereignExposureTests", dependencies: ["SovereignExposure", "SovereignCatalog", "SovereignTestSupport"]),
    .testTarget(name: "SovereignScoringTests", dependencies: ["SovereignScoring", "SovereignCSF"]),
    .testTarget(name: "SovereignHTMLTests", dependencies: ["SovereignHTML", "SovereignTestSupport"]),
    .testTarget(name: "SovereignCSFTests", dependencies: ["SovereignCSF", "SovereignTestSupport"]),
    .testTarget(name: "SovereignFetchTests", dependencies: ["SovereignFetch", "SovereignTestSupport"], exclude: ["Fixtures"]),
    .testTarget(name: "SovereignCLITests", dependencies: ["Sovereign", "SovereignTestSupport"], exclude: ["Fixtures"]),
    .testTarget(name: "SovereignServerTests", dependencies: ["SovereignServer", "SovereignTestSupport"]),
  ]
)

for target in package.targets where target.type != .system && target.type != .plugin {
  var settings = target.swiftSettings ?? []
  settings.append(.enableUpcomingFeature("ExistentialAny"))
  settings.append(.enableUpcomingFeature("MemberImportVisibility"))
  target.swiftSettings = settings
}

// Fuzzing build (scripts/fuzz sets SOVEREIGN_FUZZ=1 and uses its own scratch path, .build-fuzz):
// the package's own library modules get libFuzzer coverage instrumentation and `sovereign-fuzz`
// is linked with libFuzzer. Done here and not with `-Xswiftc -sanitize=fuzzer` or `--sanitize`,
// which Swift 6.3 also applies to the EmbedCatalogTool host tool (it then fails to link).
if Context.environment["SOVEREIGN_FUZZ"] == "1" {
  let instrumented: Set = [
    "SovereignCatalogCore", "SovereignCatalog", "SovereignExposure", "SovereignCSF", "SovereignScoring", "SovereignFetch", "SovereignFuzz",
  ]
  for target in package.targets where instrumented.contains(target.name) {
    target.swiftSettings = (target.swiftSettings ?? []) + [.unsafeFlags(["-sanitize=fuzzer"]), .define("SOVEREIGN_FUZZING")]
    if target.name == "SovereignFuzz" {
      target.linkerSettings = (target.linkerSettings ?? []) + [.unsafeFlags(["-sanitize=fuzzer"])]
    }
  }
  // The build-time EmbedCatalogTool links the instrumented catalog code (and, with -Xcc
  // -fsanitize=fuzzer-no-link, instrumented CYaml): it needs libFuzzer's coverage runtime without
  // libFuzzer's main, which scripts/fuzz finds in the toolchain and passes here.
  if let runtime = Context.environment["SOVEREIGN_FUZZ_RUNTIME"], !runtime.isEmpty,
    let tool = package.targets.first(where: { $0.name == "EmbedCatalogTool" })
  {
    tool.linkerSettings = (tool.linkerSettings ?? []) + [.unsafeFlags([runtime, "-lstdc++"])]
  }
}
