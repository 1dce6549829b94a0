import Foundation
import SovereignCatalog
import SovereignExposure
import Testing

@testable import SovereignScoring

/// Issue 12: three-valued credit (known bad < unknown < known good), score bounds, standing and
/// summary, nearest misses that help, and the CLOUD Act ordering on the bundled catalog.
@Suite struct ProvenAndUnverifiedTests {
  /// Exposure answers set per offering id (default: not exposed, 19.6 pass).
  struct TableExposure: ExposureAssessing {
    var laws: [String: ReachVerdict] = [:]
    var check: [String: GateVerdict] = [:]

    func exposure(of offering: Offering, to law: Law) -> Evidence<ReachVerdict> {
      let verdict = laws[offering.id] ?? .notExposed
      return Evidence(verdict, "stub", missingFacts: verdict == .unknown ? ["the shareholders of \(offering.contractingEntity)"] : [])
    }

    func secNumCloud196(of offering: Offering) -> Evidence<GateVerdict> {
      Evidence(check[offering.id] ?? .pass, "stub")
    }
  }

  /// Three offerings of the same EU company, equal in everything but the fact under test.
  static func catalog(_ vary: (inout Offering, Int) -> Void) -> Catalog {
    var catalog = RankingFixture.catalog
    let base = catalog.providers[0].offerings[0]
    catalog.providers = [catalog.providers[0]]
    catalog.providers[0].offerings = (0..<3).map { index in
      var offering = base
      offering.id = ["bad", "unknown", "good"][index]
      vary(&offering, index)
      return offering
    }
    return catalog
  }

  static func raws(_ catalog: Catalog, exposure: any ExposureAssessing = TableExposure(), criterion: CriterionKind, wanted: [String] = [])
    -> [Double]
  {
    let evaluator = CriterionEvaluator(catalog: catalog, exposure: exposure, today: RankingFixture.today)
    var requirements = Requirements()
    requirements.niceToHave = wanted
    return ["bad", "unknown", "good"].map { id in
      evaluator.value(criterion, for: catalog.offering(id: id)!, requirements: requirements).raw
    }
  }

  static func strictlyIncreasing(_ values: [Double]) -> Bool { zip(values, values.dropFirst()).allSatisfy { $0 < $1 } }

  @Test func sovereigntyIsThreeValued() {
    let catalog = Self.catalog { _, _ in }
    let laws = TableExposure(laws: ["bad": .exposed, "unknown": .unknown, "good": .notExposed])
    let byLaw = Self.raws(catalog, exposure: laws, criterion: .sovereignty)
    #expect(Self.strictlyIncreasing(byLaw), "\(byLaw)")
    let check = TableExposure(check: ["bad": .fail, "unknown": .unknown, "good": .pass])
    #expect(Self.strictlyIncreasing(Self.raws(catalog, exposure: check, criterion: .sovereignty)))
  }

  @Test func anEUSeatShieldsNothingOnceALawReachesTheOffering() {
    // A French company reached by both US laws through control (as Microsoft Ireland is): the
    // seat and headquarters parts count 0, so only the 19.6 part (pass here) is left: 1/4.
    let catalog = Self.catalog { _, _ in }
    let exposure = TableExposure(laws: ["bad": .exposed])
    let evaluator = CriterionEvaluator(catalog: catalog, exposure: exposure, today: RankingFixture.today)
    let value = evaluator.sovereignty(catalog.offering(id: "bad")!)
    #expect(value.raw == 0.25)
    #expect(value.explanation.contains("an EU seat shields nothing"))
    // Unknown reach: the seat counts as known good but its worst value is 0.
    let unknown = CriterionEvaluator(catalog: catalog, exposure: TableExposure(laws: ["bad": .unknown]), today: RankingFixture.today)
      .sovereignty(catalog.offering(id: "bad")!)
    #expect(unknown.raw == (0.5 + 1 + 1 + 1) / 4 && unknown.worst == 1.0 / 4 && unknown.best == 1)
  }

  @Test func certificationsAreThreeValued() {
    let snc = Self.catalog { offering, index in
      offering.certifications.secNumCloud =
        index == 0 ? SecNumCloudQualification(status: .none) : index == 1 ? nil : SecNumCloudQualification(status: .qualified)
    }
    #expect(Self.strictlyIncreasing(Self.raws(snc, criterion: .certifications)))
    let hds = Self.catalog { offering, index in
      offering.certifications.hds =
        index == 0 ? HDSCertification(status: .notCertified) : index == 1 ? nil : RankingFixture.hds([1, 2, 3, 4, 5, 6])
    }
    #expect(Self.strictlyIncreasing(Self.raws(hds, criterion: .certifications)))
    // Expired counts as not held: like not certified, below unknown.
    let expired = Self.catalog { offering, index in
      offering.certifications.hds = index == 0 ? RankingFixture.hds([1, 2, 3, 4, 5, 6], validUntil: "2026-01-31") : index == 1 ? nil : RankingFixture.hds([1, 2, 3, 4, 5, 6])
    }
    #expect(Self.strictlyIncreasing(Self.raws(expired, criterion: .certifications)))
  }

  @Test func opennessAndCapabilitiesAreThreeValued() {
    let stack = Self.catalog { offering, index in
      offering.openSourceStack = Fact([TriState.no, .unknown, .yes][index], provenance: offering.openSourceStack.provenance)
    }
    #expect(Self.strictlyIncreasing(Self.raws(stack, criterion: .openness)))
    // Capabilities: the catalog lists what is known to be offered, so there is no known-bad value;
    // not listed (unknown) stays below listed.
    let capabilities = Self.catalog { offering, index in offering.capabilities.list = index == 2 ? ["gpu"] : [] }
    let values = Self.raws(capabilities, criterion: .capabilities, wanted: ["gpu"])
    #expect(values[1] == Credit.unknownValue && values[1] < values[2])
  }

  @Test(arguments: MCDAMethod.allCases)
  func boundsHoldTheScoreAndCloseWhenNothingIsUnknown(_ method: MCDAMethod) throws {
    var requirements = RankingFixture.health
    requirements.niceToHave = []
    requirements.method = method
    let ranking = try RankingFixture.ranker.rank(requirements)
    #expect(!ranking.eligible.isEmpty)
    for offering in ranking.eligible {
      let bounds = try #require(offering.bounds)
      let score = try #require(offering.score)
      #expect(bounds.worst <= score && score <= bounds.best, "\(offering.offeringID)")
      let unknown = offering.criteria.contains { $0.rawWorst != $0.rawBest }
      #expect(unknown == (bounds.worst != bounds.best), "\(offering.offeringID)")
    }
    // alpha-iaas: every fact known (laws, 19.6, seat, HDS, SecNumCloud, open source, kubernetes).
    let alpha = try #require(ranking.eligible.first { $0.offeringID == "alpha-iaas" })
    #expect(alpha.bounds == ScoreBounds(worst: alpha.score!, best: alpha.score!))
    // beta-cloud: SecNumCloud and open-source stack unknown, so its bounds are open.
    let beta = try #require(ranking.eligible.first { $0.offeringID == "beta-cloud" })
    #expect(beta.bounds!.worst < beta.bounds!.best)
    #expect(beta.notSeparableFrom.contains("evil-host") == beta.bounds!.overlaps(ranking.eligible.first { $0.offeringID == "evil-host" }!.bounds!))
  }

  @Test func boundsHoldOnTheBundledCatalog() throws {
    let catalog = try Catalog.bundled()
    for method in MCDAMethod.allCases {
      var requirements = Requirements(residency: ["EEA"], unknownPolicy: .tolerant, method: method)
      requirements.niceToHave = ["kubernetes", "gpu"]
      let ranking = try Ranker(catalog: catalog, today: CalendarDate(iso: "2026-11-29")!).rank(requirements)
      for offering in ranking.eligible {
        let bounds = try #require(offering.bounds)
        #expect(bounds.worst <= offering.score! && offering.score! <= bounds.best, "\(method) \(offering.offeringID)")
      }
    }
  }

  @Test func standingAndSummary() throws {
    var requirements = RankingFixture.health
    requirements.unknownPolicy = .tolerant
    let ranking = try RankingFixture.ranker.rank(requirements)
    let standing = Dictionary(uniqueKeysWithValues: ranking.offerings.map { ($0.offeringID, $0.standing) })
    #expect(standing["alpha-iaas"] == .proven)
    #expect(standing["delta-iaas"] == .unverified)  // unknowns tolerated
    #expect(standing["gamma-cloud"] == .excludedByFact)
    #expect(ranking.summary == RankingSummary(proven: 3, unverified: 1, excludedByFact: 2, excludedByUnknown: 0))
    requirements.unknownPolicy = .strict
    let strict = try RankingFixture.ranker.rank(requirements)
    // Strict turns the unknowns into failures, but the exclusion is still by unknown facts.
    #expect(strict.offerings.first { $0.offeringID == "delta-iaas" }?.standing == .excludedByUnknown)
    #expect(strict.summary.excludedByUnknown == 1)
  }

  @Test func nearestMissesNameTheFactsAndWhereTheyArePublished() throws {
    var requirements = RankingFixture.health
    requirements.gates.secNumCloud = .qualified
    let ranking = try RankingFixture.ranker.rank(requirements, misses: 2)
    #expect(ranking.misses.count == 2)
    // gamma-cloud fails immune_to on facts (US seat): never a near miss.
    let all = try RankingFixture.ranker.rank(requirements, misses: 10)
    #expect(!all.misses.contains { $0.offeringID == "gamma-cloud" })
    let delta = try #require(all.misses.first { $0.offeringID == "delta-iaas" })
    // The same missing fact behind both law gates is listed once, naming both gates.
    let immune = try #require(delta.toKnow.first { $0.gate == "immune_to:us-cloud-act, immune_to:us-fisa-702" })
    // The stub names no missing fact, so the gate's detail stands in for it.
    #expect(immune.fact == "the fact named in the gate's detail: ownership of delta-sas unknown")
    #expect(immune.usuallyPublishedIn.contains("registration document"))
    // With an assessor that names the missing facts, they are listed as such.
    let named = try Ranker(
      catalog: RankingFixture.catalog, exposure: TableExposure(laws: ["delta-iaas": .unknown], check: ["delta-iaas": .unknown]),
      today: RankingFixture.today
    ).rank(requirements, misses: 10)
    #expect(named.misses.first { $0.offeringID == "delta-iaas" }?.toKnow.contains { $0.fact == "the shareholders of delta-sas" } == true)
    #expect(delta.toKnow.contains { $0.gate == "secnumcloud" && $0.usuallyPublishedIn.contains("ANSSI") })
    #expect(delta.toKnow.contains { $0.gate == "residency" })
    // Misses are listed only when asked, or when nothing passes.
    #expect(try RankingFixture.ranker.rank(RankingFixture.health).misses.isEmpty)
  }

  @Test func judgingAsOfAPastDayFlagsFactsReadLater() throws {
    let ranker = Ranker(catalog: RankingFixture.catalog, exposure: RankingFixture.StubExposure(), today: CalendarDate(iso: "2026-01-01")!)
    let alpha = try #require(try ranker.rank(RankingFixture.health).offerings.first { $0.offeringID == "alpha-iaas" })
    #expect(alpha.flags.contains { $0.hasPrefix("later: 7 sources are dated after 2026-01-01 (latest 2026-06-01: `alpha-iaas-products`") })
    #expect(try RankingFixture.ranker.rank(RankingFixture.health).offerings.allSatisfy { !$0.flags.contains { $0.hasPrefix("later:") } })
  }

  @Test func oneOrTwoSurvivorsGetANote() throws {
    var requirements = RankingFixture.health
    requirements.residency = ["DE"]
    let ranking = try RankingFixture.ranker.rank(requirements)
    #expect(ranking.eligible.map(\.offeringID) == ["beta-cloud"])
    #expect(ranking.notes.first?.contains("says little") == true)
    #expect(RankingTable.render(ranking).contains("beta-cloud: raw sovereignty "))
    #expect(try RankingFixture.ranker.rank(RankingFixture.health).notes.isEmpty)
  }

  /// The "done when": with sovereignty 90, capabilities 10 and residency EEA, an offering
  /// the CLOUD Act reaches scores strictly below every European offering whose CLOUD Act verdict is
  /// unknown and whose other exposure facts are equal or better.
  @Test func cloudActExposedScoresBelowEuropeanUnknowns() throws {
    let catalog = try Catalog.bundled()
    let today = CalendarDate(iso: "2026-11-29")!
    let requirements = Requirements(
      residency: ["EEA"], unknownPolicy: .tolerant,
      criteria: [CriterionWeight(.sovereignty, 90), CriterionWeight(.capabilities, 10)])
    let ranking = try Ranker(catalog: catalog, today: today).rank(requirements)
    let engine = ExposureEngine(catalog: catalog, asOf: today)
    let foreign = catalog.laws.filter { $0.extraterritorial && !$0.jurisdiction.allSatisfy(catalog.isEU) }.map(\.id)
    func rank(_ v: ExposureVerdict) -> Int { v == .exposed ? 0 : v == .unknown ? 1 : 2 }
    func rank(_ v: CheckVerdict) -> Int { v == .fail ? 0 : v == .unknown ? 1 : 2 }
    let scored = ranking.eligible.compactMap { o in catalog.offering(id: o.offeringID).map { ($0, engine.assess(offering: $0), o.score!) } }
    let exposed = scored.filter { $0.1.verdict(for: "us-cloud-act") == .exposed }
    let european = scored.filter { offering, result, _ in
      result.verdict(for: "us-cloud-act") == .unknown
        && catalog.entities[offering.contractingEntity].map { ($0.seat.value.map(catalog.isEU) ?? false) && ($0.headquarters.value.map(catalog.isEU) ?? false) } == true
    }
    #expect(exposed.contains { $0.0.id == "azure" })
    #expect(!european.isEmpty)
    var pairs = 0
    for a in exposed {
      for b in european {
        let othersNoWorse = foreign.filter { $0 != "us-cloud-act" }.allSatisfy {
          rank(b.1.verdict(for: $0) ?? .unknown) >= rank(a.1.verdict(for: $0) ?? .unknown)
        } && rank(b.1.secNumCloud196.verdict) >= rank(a.1.secNumCloud196.verdict)
        guard othersNoWorse else { continue }
        pairs += 1
        #expect(a.2 < b.2, "\(a.0.id) (\(a.2)) should score below \(b.0.id) (\(b.2))")
      }
    }
    #expect(pairs > 0)
    // And Azure no longer ties with the European offerings whose exposure is unknown.
    let azure = try #require(scored.first { $0.0.id == "azure" })
    #expect(european.allSatisfy { $0.2 > azure.2 })
    // Its Irish seat earns nothing while the US controls it.
    let sovereignty = try #require(ranking.eligible.first { $0.offeringID == "azure" }?.criteria.first { $0.criterion == "sovereignty" })
    #expect(sovereignty.explanation.contains("seat IE") && sovereignty.explanation.contains("an EU seat shields nothing"))
  }
}
