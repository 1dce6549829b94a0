import SovereignCSF
import SovereignCatalog
import SovereignExposure
import Testing

@testable import SovereignScoring

/// The EU Cloud Sovereignty Framework in requirements: the `csf_min_seal` and
/// `csf_min_seal_overall` gates, the `csf_score` criterion and the `csf:` settings, on the bundled
/// catalog and its CSF data (data/csf/).
@Suite struct CSFRequirementsTests {
  static let catalog = try! Catalog.bundled()
  static let data = try! #require(CSFData.bundled)
  let vocabulary = RequirementsVocabulary(catalog: CSFRequirementsTests.catalog)

  func read(_ text: String) throws(DiagnosticList) -> Requirements {
    try RequirementsReader.read(text: text, file: "req.yaml", vocabulary: vocabulary)
  }

  func rank(_ text: String) throws -> Ranking {
    try Ranker(catalog: Self.catalog, today: CalendarDate(year: 2026, month: 12, day: 1)!).rank(try read(text))
  }

  func messages(_ text: String) -> [String] {
    do {
      _ = try read(text)
      return []
    } catch {
      return error.diagnostics.map { "\($0.location.line):\($0.location.column) \($0.message) \($0.hint ?? "")" }
    }
  }

  // MARK: - Reading

  @Test func readsTheGatesTheCriterionAndTheSettings() throws {
    let requirements = try read(
      """
      gates:
        csf_min_seal: { SOV-2: 3, SOV-3: 2 }
        csf_min_seal_overall: 1
      criteria: { csf_score: 40, sovereignty: 60 }
      csf: { profile: v1.2.1, divisor: actual }
      """)
    #expect(requirements.gates.csfMinSeal == ["SOV-2": 3, "SOV-3": 2])
    #expect(requirements.gates.csfMinSealOverall == 1)
    #expect(requirements.criteria.contains(CriterionWeight(.csfScore, 40)))
    #expect(requirements.effectiveCSF == CSFSettings(profile: "v1.2.1", divisor: .actual))
    #expect(requirements.usesCSF)
    #expect(try read("residency: [FR]\n").usesCSF == false)
    #expect(try read("residency: [FR]\n").effectiveCSF == CSFSettings(profile: "2026", divisor: .nominal))
  }

  @Test func badCSFKeysAreReportedWithTheirPositionAndAHint() {
    let objective = messages("gates:\n  csf_min_seal: { SOV-9: 3 }\n")
    #expect(objective.count == 1 && objective.first?.hasPrefix("2:19 unknown key `SOV-9`") == true && objective.first?.contains("did you mean") == true)
    let seal = messages("gates:\n  csf_min_seal: { SOV-2: 5 }\n")
    #expect(seal.count == 1 && seal.first?.contains("between 0 and 4") == true)
    let empty = messages("gates:\n  csf_min_seal: {}\n")
    #expect(empty.count == 1 && empty.first?.contains("names no objective") == true)
    let overall = messages("gates:\n  csf_min_seal_overall: high\n")
    #expect(overall.count == 1 && overall[0].contains("whole number"))
    let profile = messages("csf: { profile: \"2025\" }\n")
    #expect(profile.count == 1 && profile[0].contains("2026"))
    let key = messages("csf: { profiles: \"2026\" }\n")
    #expect(key.count == 1 && key[0].contains("profile"))
    #expect(messages("criteria: { csf_scor: 1 }\n").contains { $0.contains("unknown key `csf_scor`") && $0.contains("did you mean `csf_score`?") })
  }

  // MARK: - Gates

  @Test func everyOfferingTheCloudActReachesFailsASEAL2GateOnLegalSovereigntyOnFacts() throws {
    let ranking = try rank("gates: { csf_min_seal: { SOV-2: 2 } }\nunknown: tolerant\n")
    let engine = ExposureEngine(catalog: Self.catalog, asOf: ranking.date)
    let exposed = Self.catalog.offerings.filter { engine.assess(offering: $0).verdict(for: "us-cloud-act") == .exposed }
    #expect(exposed.count >= 3)
    for offering in exposed {
      let entry = try #require(ranking.offerings.first { $0.offeringID == offering.id })
      let gate = try #require(entry.gates.first { $0.gate == "csf_min_seal:SOV-2" })
      #expect(gate.verdict == .fail && gate.factVerdict == .fail, "\(offering.id): \(gate.detail)")
      #expect(gate.detail.contains("SEAL at most"), "the answers that cap the SEAL are the evidence")
      #expect(!gate.sources.isEmpty && gate.grade != nil)
      #expect(!entry.eligible)
    }
  }

  @Test func aSEALTheFactsLeaveOpenIsUnknownAndNamesTheAnswersToFind() throws {
    let ranking = try rank("gates: { csf_min_seal: { SOV-4: 3 } }\nunknown: conservative\n")
    let entry = try #require(ranking.offerings.first { $0.offeringID == "clever-cloud-paas-hds" })
    let gate = try #require(entry.gates.first { $0.gate == "csf_min_seal:SOV-4" })
    #expect(gate.verdict == .unknown)
    #expect(gate.missingFacts.contains { $0.hasPrefix("the answer to SOV-4.") })
    #expect(!entry.eligible)
  }

  @Test func aPublishedSelfAssessmentDecidesOpenSEALsAtItsOwnGrade() throws {
    let assessment = try #require(Self.data.assessments.first { $0.providerID == "safespring" })
    let claimed = try #require(assessment.seals["SOV-2"])
    let ranking = try rank("gates: { csf_min_seal: { SOV-2: \(claimed) } }\nunknown: conservative\n")
    let offering = try #require(Self.catalog.offerings.first { $0.providerID == "safespring" })
    let gate = try #require(ranking.offerings.first { $0.offeringID == offering.id }?.gates.first { $0.gate == "csf_min_seal:SOV-2" })
    #expect(gate.verdict == .pass && gate.evidence == assessment.source.kind)
    #expect(gate.detail.contains("self-assessment claims SEAL \(claimed)"))
    #expect(gate.sources == [assessment.source])

    // Above the claim: a fail on the provider's own word.
    if claimed < 4 {
      let higher = try rank("gates: { csf_min_seal: { SOV-2: \(claimed + 1) } }\n")
      #expect(higher.offerings.first { $0.offeringID == offering.id }?.gates.first { $0.gate == "csf_min_seal:SOV-2" }?.verdict == .fail)
    }
    // Official evidence required: the provider's claim no longer passes.
    let official = try rank("gates: { csf_min_seal: { SOV-2: \(claimed) } }\nevidence: official\n")
    #expect(official.offerings.first { $0.offeringID == offering.id }?.gates.first { $0.gate == "csf_min_seal:SOV-2" }?.verdict == .unknown)
  }

  @Test func theOverallSEALGateFollowsTheLowestObjective() throws {
    // SEAL 0 is reached by any answer: the framework itself decides (its source, a regulator's).
    let zero = try rank("gates: { csf_min_seal_overall: 0 }\n")
    #expect(zero.offerings.allSatisfy { $0.gates.first { $0.gate == "csf_min_seal_overall" }?.verdict == .pass })
    #expect(zero.offerings.allSatisfy { $0.gates.first { $0.gate == "csf_min_seal_overall" }?.sources == [Self.data.framework.source] })
    let four = try rank("gates: { csf_min_seal_overall: 4 }\nunknown: tolerant\n")
    let azure = try #require(four.offerings.first { $0.offeringID == "azure" })
    #expect(azure.gates.first { $0.gate == "csf_min_seal_overall" }?.verdict == .fail)
  }

  // MARK: - Criterion

  @Test func theCSFScoreCriterionIsTheCalculatorsIntervalWithItsMiddleAsValue() throws {
    let ranking = try rank("criteria: { csf_score: 1, sovereignty: 1 }\ncsf: { profile: v1.2.1 }\n")
    let today = ranking.date
    for id in ["cloud-temple-iaas-secure-temple", "clever-cloud-paas-hds", "safespring-compute"] {
      let offering = try #require(Self.catalog.offering(id: id))
      let entry = try #require(ranking.offerings.first { $0.offeringID == id })
      let term = try #require(entry.criteria.first { $0.criterion == "csf_score" })
      let exposure = ExposureEngine(catalog: Self.catalog, asOf: today).assess(offering: offering)
      let answers = CSFDerivation(catalog: Self.catalog, framework: Self.data.framework, asOf: today)
        .answers(for: offering, exposure: exposure)
        .filter { choice in
          if case .derived(_, _, _, let grade) = choice.origin { return (grade ?? .secondary) >= .provider }
          return true
        }
      let profile = try #require(Self.data.profile(id: "v1.2.1"))
      let score = CSFCalculator.evaluate(CSFAnswers(answers), framework: Self.data.framework, profile: profile).score
      #expect(abs(term.raw - (score.low + score.high) / 200) < 1e-12, "\(id)")
      #expect(abs(term.rawWorst - score.low / 100) < 1e-12 && abs(term.rawBest - score.high / 100) < 1e-12)
      #expect(term.rawWorst < term.raw && term.raw < term.rawBest, "most answers are open")
    }
  }

  /// For SMAA, each open answer is one unknown fact (`csf:<criterion>`) whose gain is its share of
  /// the score's range: the gains add up to best − worst, one per open criterion.
  @Test func eachOpenCSFAnswerIsOneUnknownFactForRobustness() throws {
    let requirements = try read("criteria: { csf_score: 1 }\ncsf: { profile: v1.2.1 }\n")
    let ranker = Ranker(catalog: Self.catalog, today: CalendarDate(year: 2026, month: 12, day: 1)!)
    var evaluator = CriterionEvaluator(catalog: Self.catalog, exposure: ranker.exposure, today: ranker.today)
    let assessments = ranker.csfAssessments(requirements)
    evaluator.csf = assessments
    for id in ["clever-cloud-paas-hds", "safespring-compute", "azure"] {
      let offering = try #require(Self.catalog.offering(id: id))
      let value = evaluator.value(.csfScore, for: offering, requirements: requirements)
      let open = try #require(assessments[id]).result.objectives.flatMap(\.criteria).filter { $0.points.high > $0.points.low }
      #expect(value.unknowns.count == open.count && !open.isEmpty, "\(id)")
      #expect(value.unknowns.allSatisfy { $0.facts.count == 1 && $0.facts[0].hasPrefix("csf:SOV-") && $0.gain > 0 })
      #expect(Set(value.unknowns.map(\.facts[0])).count == open.count)
      let total = value.unknowns.reduce(0.0) { $0 + $1.gain }
      #expect(abs(total - (value.best - value.worst)) < 1e-12, "\(id)")
    }
  }

  @Test func aKnownExposureLowersTheBestPossibleCSFScore() throws {
    let ranking = try rank("criteria: { csf_score: 1 }\n")
    let best = ranking.offerings.compactMap { $0.criteria.first { $0.criterion == "csf_score" }?.rawBest }.max() ?? 0
    let azure = try #require(ranking.offerings.first { $0.offeringID == "azure" }?.criteria.first { $0.criterion == "csf_score" })
    #expect(azure.rawBest < best)
    #expect(azure.raw < azure.rawBest)
  }

  @Test func evidenceBelowTheMinimumKeepsOnlyTheCeilingOfADerivedAnswer() throws {
    let offering = try #require(Self.catalog.offering(id: "azure"))
    let today = CalendarDate(year: 2026, month: 12, day: 1)!
    let exposure = ExposureEngine(catalog: Self.catalog, asOf: today).assess(offering: offering)
    let lenient = try #require(
      CSFAssessment.assess(
        offering, exposure: exposure, catalog: Self.catalog, data: Self.data, settings: CSFSettings(), minimum: .secondary,
        today: today))
    let strict = try #require(
      CSFAssessment.assess(
        offering, exposure: exposure, catalog: Self.catalog, data: Self.data, settings: CSFSettings(), minimum: .official,
        today: today))
    #expect(lenient.belowMinimum.isEmpty)
    #expect(!strict.belowMinimum.isEmpty)
    for id in strict.belowMinimum {
      let narrowed = try #require(lenient.result.objectives.flatMap(\.criteria).first { $0.criterion.id == id })
      let capped = try #require(strict.result.objectives.flatMap(\.criteria).first { $0.criterion.id == id })
      #expect(capped.seal.high == narrowed.seal.high, "\(id): the unfavourable half stands")
      #expect(capped.seal.low <= narrowed.seal.low && capped.points.low == 0, "\(id): the favourable half is set aside")
    }
  }
}
