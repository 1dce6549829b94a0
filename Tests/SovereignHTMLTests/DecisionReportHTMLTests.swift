import SovereignCatalog
import SovereignHTML
@testable import SovereignScoring
import Testing

@Suite struct DecisionReportHTMLTests {
  static let ranking: Ranking = {
    var offerings: [RankedOffering] = []
    for (index, id) in ["a", "b"].enumerated() {
      offerings.append(RankedOffering(
        rank: index + 1, providerID: "p", providerName: "P <&>", offeringID: id, offeringName: "Offer \(id.uppercased())",
        score: 1 - Double(index) / 2, eligible: true, gates: [], criteria: [], distances: nil, flags: [],
        standing: .proven, bounds: ScoreBounds(worst: 0.2, best: 0.9)))
    }
    let requirements = Requirements(name: "R", dataKind: .health, residency: ["FR"], gates: Requirements.Gates(immuneTo: []), niceToHave: [])
    return Ranking(date: CalendarDate(year: 2026, month: 12, day: 1)!, requirements: requirements, method: .weightedSum, criteria: [], offerings: offerings, nearestMisses: [])
  }()

  @Test func rankAcceptabilityChartAppearsOnlyWithARobustnessResult() throws {
    let without = DecisionReportHTML.render(DecisionReport(ranking: Self.ranking))
    #expect(without.contains("Rank acceptability is shown when the ranking is run with --robustness."))
    let matrix = try DecisionMatrix(
      alternatives: ["a", "b"], criteria: [DecisionCriterion("x", weight: 0.5), DecisionCriterion("y", weight: 0.5)],
      values: [[1, 0], [0, 1]])
    let smaa = try SMAA(matrix: matrix).run(SMAA.Options(scenarios: 1_000, seed: 7, threads: 1))
    let with = DecisionReportHTML.render(DecisionReport(ranking: Self.ranking, robustness: smaa))
    #expect(with.contains("aria-label=\"Rank acceptability (SMAA-2)"))
    #expect(with.contains("Rank 1</p>") || with.contains("Rank 1"))
    #expect(!with.contains("is shown when the ranking is run with --robustness"))
    // Both alternatives' first-rank shares are drawn with their offering names.
    #expect(with.contains(">Offer A</text>") && with.contains(">Offer B</text>"))
  }

  @Test func providerNamesAreEscapedAndFooterStatesProvenance() {
    let report = DecisionReport(
      ranking: Self.ranking,
      provenance: .init(toolVersion: "9.9", catalogFingerprint: "abc", fetchedLists: [.init(source: "hds", url: "https://esante.gouv.fr/x", retrievedAt: "2026-11-30T08:00:00Z")]))
    let html = DecisionReportHTML.render(report)
    #expect(html.contains("<td>P &lt;&amp;&gt;</td>"))
    #expect(html.contains("<dd>sovereign 9.9</dd>"))
    #expect(html.contains("<dd><code>abc</code></dd>"))
    #expect(html.contains("<a href=\"https://esante.gouv.fr/x\">hds</a>, retrieved 2026-11-30T08:00:00Z"))
  }
}
