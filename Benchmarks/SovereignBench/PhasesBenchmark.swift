import Foundation
import Sovereign

/// Where the time of `sovereign rank FILE --format csv` goes inside the process, phase by phase:
/// decoding the bundled catalog, parsing the requirements, the exposure of every offering (on one
/// thread and on all cores; and on one thread as `rank` makes it for the bundled catalog, from
/// the assessments the build made), gates + criteria + TOPSIS, and the CSV. The first run of each phase
/// (`cold_ms`: it also pays the Swift runtime's first use of the types involved) is reported apart
/// from the median of the following `repeats` runs (`warm_ms`).
enum PhasesBenchmark {
  static func run(file: String, repeats: Int) {
    guard let yaml = FileManager.default.contents(atPath: file) else {
      FileHandle.standardError.write(Data("sovereign-bench phases: cannot read \(file)\n".utf8))
      exit(66)
    }
    let today = CalendarDate.today()
    let catalog = measure("decode-bundled-catalog", repeats: repeats) {
      try! Catalog.decodeBundledAgain()
    }
    let requirements = measure("read-requirements", repeats: repeats) {
      try! RequirementsReader.read(data: yaml, file: file, vocabulary: RequirementsVocabulary(catalog: catalog))
    }
    _ = measure("exposure-one-thread", repeats: repeats) {
      let engine = ExposureEngine(catalog: catalog, asOf: today)
      return catalog.offerings.map { engine.assess(offering: $0) }
    }
    // What `sovereign rank` does on the bundled catalog instead, on one thread: the assessments
    // the build made, decoded, and dated where made on the day's basis; any other assessed
    // (both without the ownership reports, as the ranking).
    let archive = Array(Data(base64Encoded: Catalog.bundledExposureArchive)!)
    _ = measure("decode-exposure-archive", repeats: repeats) { try! ExposureArchive.decode(archive) }
    _ = measure("exposure-one-thread-archive", repeats: repeats) {
      let engine = ExposureEngine(catalog: catalog, asOf: today)
      let made = Dictionary(grouping: try! ExposureArchive.decode(archive), by: \.assessment.offeringID)
      return catalog.offerings.map { offering in
        made[offering.id].flatMap { engine.assessment(of: offering, from: $0) } ?? engine.assess(offering: offering, ownership: false)
      }
    }
    let exposure = measure("exposure", repeats: repeats) { EngineExposure(catalog: catalog, asOf: today) }
    let ranker = Ranker(catalog: catalog, exposure: exposure, today: today, csf: nil)
    let ranking = measure("rank", repeats: repeats) { try! ranker.rank(requirements) }
    _ = measure("csv", repeats: repeats) { RankingCSV.render(ranking) }
  }

  static func measure<T>(_ phase: String, repeats: Int, _ body: () -> T) -> T {
    let clock = ContinuousClock()
    func time() -> (T, Double) {
      let start = clock.now
      let value = body()
      let (s, atto) = (clock.now - start).components
      return (value, (Double(s) + Double(atto) * 1e-18) * 1000)
    }
    let (value, cold) = time()
    var times = (0..<max(1, repeats)).map { _ in time().1 }
    times.sort()
    print(
      #"{"bench": "phases", "phase": "\#(phase)", "cold_ms": \#(String(format: "%.3f", cold)), "#
        + #""warm_ms": \#(String(format: "%.3f", times[times.count / 2])), "repeats": \#(times.count)}"#)
    return value
  }
}
