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
    var robustness = RobustnessReport(
      scenarios: 1_000, seed: 7, method: .weightedSum, criteria: ["x", "y"], weights: .uniform, unknownFacts: nil)
    robustness.offerings = [
      RobustnessReport.Offering(
        offeringID: "a", offeringName: "Offer A", providerName: "P", baselineRank: 1, eligibility: 1,
        rankAcceptability: [0.6, 0.4], holisticAcceptability: 0.8, centralWeights: nil, confidenceFactor: nil, unknownFacts: []),
      RobustnessReport.Offering(
        offeringID: "b", offeringName: "Offer B", providerName: "P", baselineRank: 2, eligibility: 1,
        rankAcceptability: [0.4, 0.6], holisticAcceptability: 0.7, centralWeights: nil, confidenceFactor: nil, unknownFacts: []),
    ]
    let with = DecisionReportHTML.render(DecisionReport(ranking: Self.ranking, robustness: robustness))
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
