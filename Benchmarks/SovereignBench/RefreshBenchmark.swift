import Foundation
import SovereignFetch

/// Parse time of the full-size official lists (``RefreshFixtures``) through the fetch parsers,
/// from bytes already in memory ("after the download"): median and maximum of `repeats` runs.
enum RefreshBenchmark {
  static func run(repeats: Int) {
    let hds = Array(RefreshFixtures.hdsListHTML().utf8)
    measure("hds-list", bytes: hds, repeats: repeats) { try HDSListParser.parse($0).count }
    // The real ANSSI catalogue of 5 December 2025 (the parser is written against its layout; the
    // synthetic one of RefreshFixtures predates it), as `pdftotext -layout` gives it.
    guard let catalogue = realCatalogueText() else {
      print(#"{"bench": "refresh", "list": "secnumcloud-catalogue", "skipped": "pdftotext or the real catalogue fixture is missing"}"#)
      return
    }
    measure("secnumcloud-catalogue", bytes: catalogue, repeats: repeats) { try SecNumCloudCatalogueParser.parse($0).count }
  }

  /// The text of Tests/SovereignFetchTests/Fixtures/real/anssi-catalogue-2025-12.pdf (run from
  /// the package root), or nil without pdftotext.
  static func realCatalogueText() -> [UInt8]? {
    let pdf = "Tests/SovereignFetchTests/Fixtures/real/anssi-catalogue-2025-12.pdf"
    guard FileManager.default.fileExists(atPath: pdf) else { return nil }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["pdftotext", "-layout", pdf, "-"]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return nil }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return process.terminationStatus == 0 && !data.isEmpty ? Array(data) : nil
  }

  static func measure(_ name: String, bytes: [UInt8], repeats: Int, parse: ([UInt8]) throws -> Int) {
    let clock = ContinuousClock()
    var times: [Double] = []
    var records = 0
    for _ in 0..<max(1, repeats) {
      let start = clock.now
      do { records = try parse(bytes) } catch { fatalError("\(name): \(error)") }
      let (s, atto) = (clock.now - start).components
      times.append((Double(s) + Double(atto) * 1e-18) * 1000)
    }
    times.sort()
    print(
      """
      {"bench": "refresh", "list": "\(name)", "bytes": \(bytes.count), "records": \(records), "repeats": \(times.count), \
      "median_ms": \(String(format: "%.2f", times[times.count / 2])), "max_ms": \(String(format: "%.2f", times.last!))}
      """)
  }
}
