import SovereignCatalog
import Testing

@testable import SovereignScoring

@Suite struct RankerTests {
  let ranker = RankingFixture.ranker

  @Test func cloudActExposedOfferingIsExcludedWithEvidence() throws {
    let ranking = try ranker.rank(RankingFixture.health)
    let gamma = try #require(ranking.offerings.first { $0.offeringID == "gamma-cloud" })
    #expect(!gamma.eligible)
    #expect(gamma.rank == nil && gamma.score == nil)
    let gate = try #require(gamma.gates.first { $0.gate == "immune_to:us-cloud-act" })
    #expect(gate.verdict == .fail)
    #expect(gate.detail.contains("seat in US"))
    #expect(gate.sources.map(\.id) == ["gamma-inc-legal"])
  }

  @Test func healthDataImpliesAllSixHDSActivities() throws {
    let ranking = try ranker.rank(RankingFixture.health)
    #expect(ranking.requirements.gates.hdsActivities == [1, 2, 3, 4, 5, 6])
    let paas = try #require(ranking.offerings.first { $0.offeringID == "alpha-paas" })
    let hds = try #require(paas.gates.first { $0.gate == "hds" })
    #expect(hds.verdict == .fail)
    #expect(hds.detail.contains("but not 6"))
    // Explicit activities replace the implied gate.
    var narrower = RankingFixture.health
    narrower.gates.hdsActivities = [1, 2, 3, 4, 5]
    let again = try ranker.rank(narrower)
    #expect(again.offerings.first { $0.offeringID == "alpha-paas" }?.eligible == true)
  }

  @Test func eligibleOfferingsAreRankedFirstThenExcludedById() throws {
    let ranking = try ranker.rank(RankingFixture.health)
    #expect(ranking.eligible.map(\.offeringID) == ["alpha-iaas", "beta-cloud", "evil-host"])
    #expect(ranking.eligible.map(\.rank) == [1, 2, 3])
    #expect(ranking.excluded.map(\.offeringID) == ["alpha-paas", "delta-iaas", "gamma-cloud"])
    #expect(ranking.nearestMisses.isEmpty)
  }

  @Test func unknownPolicies() throws {
    var requirements = RankingFixture.health
    requirements.unknownPolicy = .conservative
    let conservative = try #require(try ranker.rank(requirements).offerings.first { $0.offeringID == "delta-iaas" })
    #expect(!conservative.eligible)
    #expect(conservative.gates.filter { $0.verdict == .unknown }.map(\.gate) == ["residency", "hds", "immune_to:us-cloud-act", "immune_to:us-fisa-702"])
    #expect(!conservative.gates.contains { $0.verdict == .fail })

    requirements.unknownPolicy = .strict
    let strict = try #require(try ranker.rank(requirements).offerings.first { $0.offeringID == "delta-iaas" })
    #expect(!strict.eligible)
    #expect(strict.gates.allSatisfy { $0.verdict == .fail && $0.detail.hasPrefix("unknown, so failed under the strict policy") })

    requirements.unknownPolicy = .tolerant
    let ranking = try ranker.rank(requirements)
    let tolerant = try #require(ranking.offerings.first { $0.offeringID == "delta-iaas" })
    #expect(tolerant.eligible)
    #expect(tolerant.rank != nil)
    #expect(tolerant.gates.allSatisfy { $0.verdict == .unknown && $0.warning != nil })
    #expect(tolerant.reasons.count == 4)
  }

  @Test func weightedSumExplanationsAddUpExactly() throws {
    let ranking = try ranker.rank(RankingFixture.health, method: .weightedSum)
    #expect(ranking.method == .weightedSum)
    for offering in ranking.eligible {
      let contributions = offering.criteria.compactMap(\.contribution)
      #expect(contributions.count == 4)
      #expect(WeightedSum.sum(contributions) == offering.score)
      #expect(offering.distances == nil)
    }
  }

  @Test func topsisExplanationsShowDistances() throws {
    let ranking = try ranker.rank(RankingFixture.health)
    #expect(ranking.method == .topsis)
    for offering in ranking.eligible {
      let d = try #require(offering.distances)
      #expect(offering.score == d.toAntiIdeal / (d.toIdeal + d.toAntiIdeal))
      #expect(offering.criteria.allSatisfy { $0.idealTerm != nil && $0.contribution == nil })
    }
  }

  @Test func criteriaRawValuesFollowTheirDefinitions() throws {
    let ranking = try ranker.rank(RankingFixture.health, method: .weightedSum)
    let alpha = try #require(ranking.offerings.first { $0.offeringID == "alpha-iaas" })
    let raw = Dictionary(uniqueKeysWithValues: alpha.criteria.map { ($0.criterion, $0.raw) })
    #expect(raw["sovereignty"] == 1)  // 2/2 laws clear, 19.6 pass, seat and HQ in the EU
    #expect(raw["certifications"] == (1.0 + 1.0 + 0.0) / 3)  // HDS 6/6, SecNumCloud qualified, no others
    #expect(raw["capabilities"] == (1 + Credit.unknownValue) / 2)  // gpu listed 1, managed-mysql not listed (unknown)
    #expect(raw["openness"] == 1)  // open source yes, kubernetes listed
    let beta = try #require(ranking.offerings.first { $0.offeringID == "beta-cloud" })
    // HDS 6/6, SecNumCloud not recorded (unknown), one other scheme.
    #expect(beta.criteria.first { $0.criterion == "certifications" }?.raw == (1.0 + Credit.unknownValue + 0.25) / 3)
  }

  @Test func nearestMissesWhenNothingPasses() throws {
    var requirements = RankingFixture.health
    requirements.gates.secNumCloud = .qualified
    requirements.gates.capabilities = ["managed-mysql"]
    let ranking = try ranker.rank(requirements)
    #expect(ranking.eligible.isEmpty)
    // 0 fail + 1 unknown (by id), then 0 + 2, then 0 + more, then 1 fail; never gamma (reached by the laws).
    #expect(ranking.nearestMisses == ["alpha-iaas", "beta-cloud", "evil-host", "delta-iaas", "alpha-paas"])
    #expect(ranking.misses.map(\.offeringID) == ranking.nearestMisses)
  }

  @Test func residencyGroupsExpand() throws {
    var requirements = Requirements(residency: ["EEA"])
    requirements.gates.immuneTo = []
    let ranking = try ranker.rank(requirements)
    #expect(ranking.offerings.first { $0.offeringID == "beta-cloud" }?.gates.first?.verdict == .pass)
    requirements.residency = ["DE"]
    let de = try ranker.rank(requirements)
    #expect(de.offerings.first { $0.offeringID == "alpha-iaas" }?.gates.first?.verdict == .fail)
  }

  @Test func staleFactsAndExpiredCertificatesAreFlagged() throws {
    var catalog = RankingFixture.catalog
    catalog.providers[0].offerings[0].certifications.hds = RankingFixture.hds([1, 2, 3, 4, 5, 6], validUntil: "2026-01-31")
    let ranker = Ranker(catalog: catalog, exposure: RankingFixture.StubExposure(), today: RankingFixture.today, maximumFactAgeDays: 100)
    let ranking = try ranker.rank(RankingFixture.health)
    let alpha = try #require(ranking.offerings.first { $0.offeringID == "alpha-iaas" })
    #expect(alpha.flags.contains("expired: HDS certificate valid until 2026-01-31"))
    #expect(alpha.flags.contains { $0.hasPrefix("stale: source `alpha-iaas-products` is as of 2026-06-01 (174 days old") })
    // An expired certificate counts as not held.
    #expect(alpha.gates.first { $0.gate == "hds" }?.verdict == .fail)
    let fresh = try RankingFixture.ranker.rank(RankingFixture.health)
    #expect(fresh.offerings.allSatisfy { $0.flags.isEmpty })
  }

  @Test func secNumCloudQualificationWithoutDatesIsNotKnownCurrentLongAfterItsSource() throws {
    // A qualification with no dates, seen only in 2020 (recorded 3.1): with the bundled rule
    // (3.2 since 2022-03-08, three years), not known to be current in 2026. The gate is unknown,
    // never pass, and the criterion counts it as unknown, not as qualified.
    var catalog = RankingFixture.catalog
    catalog.rules = try Catalog.bundled().rules
    let old = Source(id: "anssi-2020", url: "https://example.org/anssi", asOf: CalendarDate(iso: "2020-06-01")!, kind: .officialList)
    catalog.providers[0].offerings[0].certifications.secNumCloud = SecNumCloudQualification(
      status: .qualified, referential: .known("3.1"), provenance: Provenance([old]))
    var requirements = RankingFixture.health
    requirements.gates.secNumCloud = .qualified
    let ranking = try Ranker(catalog: catalog, exposure: RankingFixture.StubExposure(), today: RankingFixture.today).rank(requirements)
    let alpha = try #require(ranking.offerings.first { $0.offeringID == "alpha-iaas" })
    let gate = try #require(alpha.gates.first { $0.gate == "secnumcloud" })
    #expect(gate.verdict == .unknown)
    #expect(gate.detail.contains("ended by 2025-03-08"))
    #expect(gate.missingFacts.first?.contains("a current SecNumCloud qualification") == true)
    let evaluator = CriterionEvaluator(catalog: catalog, exposure: RankingFixture.StubExposure(), today: RankingFixture.today)
    let certifications = evaluator.certifications(catalog.providers[0].offerings[0])
    #expect(certifications.explanation.contains("SecNumCloud qualified, not known to be current (unknown)"))
    var current = catalog
    current.providers[0].offerings[0].certifications.secNumCloud?.provenance = Provenance([
      Source(id: "anssi-2025", url: "https://example.org/anssi", asOf: CalendarDate(iso: "2025-12-05")!, kind: .officialList)
    ])
    current.providers[0].offerings[0].certifications.secNumCloud?.referential = .unknown
    let fresh = CriterionEvaluator(catalog: current, exposure: RankingFixture.StubExposure(), today: RankingFixture.today)
      .certifications(current.providers[0].offerings[0])
    #expect(fresh.raw > certifications.raw && fresh.worst > certifications.worst, "a current qualification scores above one not known current")
  }

  @Test func impossibleWeightsAreRefused() {
    var requirements = RankingFixture.health
    requirements.criteria = [CriterionWeight(.sovereignty, 0), CriterionWeight(.openness, 0)]
    #expect(throws: MCDAError.allWeightsZero) { try ranker.rank(requirements) }
  }
}
