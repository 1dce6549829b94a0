import SovereignCatalog
import Testing

@testable import SovereignScoring

/// The requirements' `evidence` key: a gate passes only on evidence at least that strong.
@Suite struct EvidenceGradeTests {
  let vocabulary = RequirementsVocabulary(catalog: RankingFixture.catalog)

  func read(_ text: String) throws(DiagnosticList) -> Requirements {
    try RequirementsReader.read(text: text, file: "req.yaml", vocabulary: vocabulary)
  }

  func gate(_ id: String, _ offering: String, in ranking: Ranking) -> GateResult? {
    ranking.offerings.first { $0.offeringID == offering }?.gates.first { $0.gate == id }
  }

  @Test func aGatePassingAtSecondaryIsUnknownAtOfficial() throws {
    // alpha-iaas's residency rests on the provider's own page.
    let base = "residency: [FR]\nunknown: conservative\n"
    let secondary = try RankingFixture.ranker.rank(try read(base + "evidence: secondary\n"))
    let passed = try #require(gate("residency", "alpha-iaas", in: secondary))
    #expect(passed.verdict == .pass && passed.grade == .provider && passed.gradedVerdict == "pass (provider evidence)")
    #expect(secondary.eligible.contains { $0.offeringID == "alpha-iaas" })

    let official = try RankingFixture.ranker.rank(try read(base + "evidence: official\n"))
    let unknown = try #require(gate("residency", "alpha-iaas", in: official))
    #expect(unknown.verdict == .unknown && unknown.grade == nil)
    #expect(unknown.detail.hasPrefix("would pass on provider evidence (provider grade), below the official evidence"))
    #expect(!official.eligible.contains { $0.offeringID == "alpha-iaas" })

    // The default is `provider`: the same gate passes.
    #expect(try read(base).evidence == .provider)
    #expect(gate("residency", "alpha-iaas", in: try RankingFixture.ranker.rank(try read(base)))?.verdict == .pass)
  }

  @Test func aFailOnWeakEvidenceStaysAFailEvenUnderTheTolerantPolicy() throws {
    let ranking = try RankingFixture.ranker.rank(try read("gates: {immune_to: [us-cloud-act]}\nunknown: tolerant\nevidence: official\n"))
    let cloudAct = try #require(gate("immune_to:us-cloud-act", "gamma-cloud", in: ranking))
    #expect(cloudAct.verdict == .fail && cloudAct.grade == .provider)
    #expect(!ranking.eligible.contains { $0.offeringID == "gamma-cloud" })
  }

  @Test func theKeyIsReadStrictly() {
    do {
      _ = try read("unknown: conservative\nevidence: oficial\n")
      Issue.record("`oficial` was accepted")
    } catch {
      let problem = error.diagnostics.first
      #expect(problem?.location.line == 2 && problem?.location.column == 11)
      #expect(problem?.message == "`evidence` must be one of secondary, provider, official, found `oficial`")
      #expect(problem?.hint?.contains("official") == true)
    }
  }
}
