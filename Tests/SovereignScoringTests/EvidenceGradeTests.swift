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

/// The derivation rules reach the gates: an HDS certificate known only from before 2026-05-16 is
/// not known current after it; one valid after it passes a 2.0 requirement, saying it is derived.
@Suite struct DerivedGateTests {
  static let rule = DerivationRule(
    id: "hds-referential-2-0", kind: .hdsReferentialMandatory, statement: "HDS referential 2.0 is mandatory from 16 May 2026.",
    referential: "2.0", since: CalendarDate(iso: "2026-05-16")!,
    provenance: Provenance([Source(id: "arrete", url: "https://example.org/arrete", asOf: CalendarDate(iso: "2024-05-16")!, kind: .law)]))

  static func ranking(_ hds: HDSCertification) throws -> Ranking {
    var catalog = RankingFixture.catalog
    catalog.rules = [rule]
    let index = try #require(catalog.providers.firstIndex { $0.id == "alpha" })
    catalog.providers[index].offerings[0].certifications.hds = hds
    let requirements = Requirements(gates: Requirements.Gates(hdsActivities: [1, 2, 3], hdsReferential: "2.0"))
    return try Ranker(catalog: catalog, exposure: RankingFixture.StubExposure(), today: CalendarDate(iso: "2026-11-30")!)
      .rank(requirements)
  }

  static func hdsGate(_ ranking: Ranking) -> GateResult? {
    ranking.offerings.first { $0.offeringID == "alpha-iaas" }?.gates.first { $0.gate == "hds" }
  }

  @Test func a2025CertificateIsNotKnownCurrentOn20261130() throws {
    let old = HDSCertification(
      status: .certified, activities: .known([1, 2, 3]), referential: .unknown,
      provenance: Provenance([RankingFixture.source("hds-2025", asOf: "2025-03-01")]))
    let gate = try #require(Self.hdsGate(try Self.ranking(old)))
    #expect(gate.verdict == .unknown)
    #expect(gate.detail.contains("not known to be current on 2026-11-30"))
    #expect(gate.detail.contains("derived: HDS referential 2.0 is mandatory"))
  }

  @Test func aCertificateValidUntil2027IsADerived20Certificate() throws {
    let valid = HDSCertification(
      status: .certified, activities: .known([1, 2, 3]), referential: .unknown, validUntil: .known(CalendarDate(iso: "2027-06-30")!),
      provenance: Provenance([RankingFixture.source("hds-2025", asOf: "2025-03-01")]))
    let gate = try #require(Self.hdsGate(try Self.ranking(valid)))
    #expect(gate.verdict == .pass && gate.grade == .provider)
    #expect(gate.detail.contains("referential 2.0 (derived: HDS referential 2.0 is mandatory from 16 May 2026. [rule hds-referential-2-0])"))
    #expect(gate.sources.contains { $0.url == "https://example.org/arrete" })
  }
}
