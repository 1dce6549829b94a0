import Foundation
import Sovereign
import Testing

// The library example of docs/robustness.md ("## Library"), compiled and run as is through the
// product an application depends on; `theDocsShowTheTestedExample` checks the page shows this code.

func robustnessLibraryExample() throws -> (SMAAResult, WeightSweepResult, RobustnessReport, [WeightSweepResult]) {
  let matrix = try DecisionMatrix(
    alternatives: ["A", "B", "C", "D", "E"],
    criteria: [
      DecisionCriterion("compliance", weight: 0.40), DecisionCriterion("price", weight: 0.25, direction: .cost),
      DecisionCriterion("capabilities", weight: 0.20), DecisionCriterion("exposure", weight: 0.15, direction: .cost),
    ],
    values: [[8, 120, 35, 1.0], [6, 80, 50, 3.0], [9, 200, 20, 1.5], [5, 60, 45, 4.0], [7, 100, 30, 2.0]])

  // SMAA-2: each weight varies ±25 % (renormalised), 10,000 scenarios, seed 42.
  let smaa = try SMAA(matrix: matrix, method: .weightedSum)
  let result = try smaa.run(.init(scenarios: 10_000, seed: 42, weights: .around([0.40, 0.25, 0.20, 0.15], spread: 0.25)))
  for i in result.reportOrder {
    print(result.alternatives[i], result.firstRankAcceptability(i), result.centralWeights[i] ?? [], result.confidenceFactors[i] ?? 0)
  }

  // Weight sweep of compliance: A stays first for its weight in [5/26, 25/39], B below, C above.
  let sweep = try WeightSweep(matrix: matrix, method: .weightedSum).sweep(criterion: 0)
  print(sweep.lower, sweep.upper, sweep.below?.takers ?? [], sweep.above?.takers ?? [])

  // On the catalog, as `sovereign rank FILE --robustness 10000` and `--sweep` do.
  let catalog = try Catalog.bundled()
  let ranker = Ranker(catalog: catalog)
  let ranking = try ranker.rank(Requirements(name: "Health data", dataKind: .health, residency: ["FR"]))
  let report = try ranker.robustness(of: ranking, scenarios: 10_000, seed: 1)
  for offering in report.offerings.prefix(5) {
    print(offering.offeringID, offering.firstRankAcceptability, offering.eligibility, offering.unknownFacts)
  }
  let sweeps = try ranker.sweeps(of: ranking) ?? []   // every criterion; nil for a name the file does not weight
  return (result, sweep, report, sweeps)
}

@Suite struct RobustnessLibraryExampleTests {
  @Test func theDocumentedExampleRuns() throws {
    let (result, sweep, report, sweeps) = try robustnessLibraryExample()
    #expect(abs(result.rankAcceptability.map { $0[0] }.reduce(0, +) - 1) < 1e-12)
    #expect(abs(sweep.lower - 5.0 / 26) < 1e-12 && abs(sweep.upper - 25.0 / 39) < 1e-12)
    #expect(sweep.below?.takers == ["B"] && sweep.above?.takers == ["C"])
    #expect(!report.offerings.isEmpty && report.scenarios == 10_000)
    #expect(sweeps.map(\.criterion) == ["sovereignty", "certifications", "capabilities", "openness"])
  }

  @Test func theDocsShowTheTestedExample() throws {
    let shown = try ReadmeExampleTests.swiftBlock(
      after: "## Library", in: ReadmeExampleTests.root.appending(path: "docs/robustness.md"))
    let tested = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
      .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
    var position = 0
    for line in shown where line != "import Sovereign" {
      let found = tested[position...].firstIndex(of: line)
      #expect(found != nil, "docs/robustness.md line not in the tested example (or out of order): \(line)")
      position = (found ?? position) + 1
    }
    #expect(shown.count > 10)
  }
}
