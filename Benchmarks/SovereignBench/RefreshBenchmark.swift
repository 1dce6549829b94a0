import Foundation
import SovereignFetch

/// Parse time of the full-size official lists (``RefreshFixtures``) through the fetch parsers,
/// from bytes already in memory ("after the download"): median and maximum of `repeats` runs.
enum RefreshBenchmark {
  static func run(repeats: Int) {
    let hds = Array(RefreshFixtures.hdsListHTML().utf8)
    let catalogue = Array(RefreshFixtures.catalogueText().utf8)
    measure("hds-list", bytes: hds, repeats: repeats) { try HDSListParser.parse($0).count }
    measure("secnumcloud-catalogue", bytes: catalogue, repeats: repeats) { try SecNumCloudCatalogueParser.parse($0).count }
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
