import SovereignCatalog
import SovereignCSF
import Testing

/// The shipped framework and profiles, read from the bundled catalog.
enum Shipped {
  static let data: CSFData = {
    do { return try CSFDataReader.read(files: Catalog.bundledFiles) } catch { fatalError("bundled CSF data invalid: \(error)") }
  }()
  static var framework: CSFFramework { data.framework }
  static func profile(_ id: String) -> CSFProfile { data.profile(id: id)! }

  /// Every criterion answered with its best (or worst) answer.
  static func extreme(best: Bool) -> CSFAnswers {
    CSFAnswers(
      framework.criteria.map {
        CSFChoice(criterionID: $0.id, possible: [best ? $0.answers.count - 1 : 0], origin: .unknown)
      })
  }
}

@Suite("EU Cloud Sovereignty Framework: the calculator")
struct CalculatorTests {
  /// Points per answer (worst → best) and SEAL per answer of all 48 criteria, written out from
  /// the reference transcription of the Commission's calculator (csf-calculator.md § 1.4),
  /// independently of data/csf/framework.yaml.
  static let expected: [(String, [Double], [Int])] = {
    let p125 = [0, 31.25, 62.5, 93.75, 125.0], p4 = [0, 41.67, 83.34, 125.01], p167 = [0, 41.75, 83.5, 125.25, 167.0]
    let p200 = [0, 50, 100, 150, 200.0], p143 = [0, 35.75, 71.5, 107.25, 143.0], p250 = [0, 62.5, 125, 187.5, 250.0]
    return [
      ("SOV-1.1", p4, [1, 1, 3, 4]), ("SOV-1.2", p125, [4, 4, 4, 4, 4]), ("SOV-1.3", p4, [2, 2, 3, 4]),
      ("SOV-1.4", p125, [4, 4, 4, 4, 4]), ("SOV-1.5", p125, [4, 4, 4, 4, 4]), ("SOV-1.6", p125, [4, 4, 4, 4, 4]),
      ("SOV-1.7", [0, 41.67, 83, 125.01], [4, 4, 4, 4]), ("SOV-1.8", p125, [0, 0, 2, 2, 4]),
      ("SOV-2.1", [0, 84, 167], [1, 1, 4]), ("SOV-2.2", p167, [1, 1, 1, 2, 4]), ("SOV-2.3", p167, [1, 1, 1, 1, 4]),
      ("SOV-2.4", p167, [0, 1, 2, 3, 4]), ("SOV-2.5", p167, [4, 4, 4, 4, 4]), ("SOV-2.6", p167, [3, 3, 3, 4, 4]),
      ("SOV-3.1", p200, [0, 1, 2, 3, 4]), ("SOV-3.2", p200, [0, 1, 2, 3, 4]), ("SOV-3.3", p200, [0, 1, 1, 3, 4]),
      ("SOV-3.4", p200, [0, 0, 1, 1, 4]), ("SOV-3.5", p200, [2, 2, 2, 3, 4]),
      ("SOV-4.1", p167, [1, 1, 4, 4, 4]), ("SOV-4.2", p167, [1, 1, 3, 3, 4]), ("SOV-4.3", p167, [1, 1, 3, 3, 4]),
      ("SOV-4.4", p167, [1, 2, 3, 3, 4]), ("SOV-4.5", p167, [0, 2, 4, 4, 4]), ("SOV-4.6", p167, [0, 2, 3, 3, 4]),
      ("SOV-5.1", p143, [1, 1, 3, 3, 4]), ("SOV-5.2", p143, [1, 1, 3, 3, 4]), ("SOV-5.3", p143, [4, 4, 4, 4, 4]),
      ("SOV-5.4", p143, [0, 2, 3, 3, 4]), ("SOV-5.5", p143, [1, 1, 3, 3, 4]), ("SOV-5.6", p143, [1, 1, 2, 3, 4]),
      ("SOV-5.7", p143, [1, 1, 2, 3, 4]),
      ("SOV-6.1", p200, [0, 1, 2, 3, 4]), ("SOV-6.2", p200, [0, 0, 2, 3, 4]), ("SOV-6.3", p200, [2, 2, 3, 4, 4]),
      ("SOV-6.4", p200, [2, 2, 3, 3, 4]), ("SOV-6.5", p200, [0, 3, 3, 3, 4]),
      ("SOV-7.1", p143, [1, 1, 2, 3, 4]), ("SOV-7.2", p143, [4, 4, 4, 4, 4]), ("SOV-7.3", p143, [1, 1, 1, 3, 4]),
      ("SOV-7.4", p143, [0, 1, 1, 3, 4]), ("SOV-7.5", p143, [0, 1, 2, 3, 4]), ("SOV-7.6", p143, [1, 1, 4, 4, 4]),
      ("SOV-7.7", p143, [1, 1, 1, 1, 4]),
      ("SOV-8.1", p250, [1, 1, 4, 4, 4]), ("SOV-8.2", p250, [0, 0, 3, 4, 4]), ("SOV-8.3", p250, [1, 1, 2, 3, 4]),
      ("SOV-8.4", p250, [4, 4, 4, 4, 4]),
    ]
  }()

  @Test("the framework holds the calculator's 48 criteria and 235 answers, each with its points and SEAL")
  func frameworkMatchesTheCalculator() throws {
    let framework = Shipped.framework
    #expect(framework.objectives.map(\.id) == (1...8).map { "SOV-\($0)" })
    #expect(framework.objectives.map(\.criteria.count) == [8, 6, 5, 6, 7, 5, 7, 4])
    #expect(framework.criteria.count == 48)
    #expect(framework.criteria.reduce(0) { $0 + $1.answers.count } == 235)
    #expect(framework.criteria.map(\.id) == Self.expected.map(\.0))
    for (id, points, seals) in Self.expected {
      let criterion = try #require(framework.criterion(id: id))
      #expect(criterion.answers.map(\.points) == points, "points of \(id)")
      #expect(criterion.answers.map(\.seal) == seals, "SEALs of \(id)")
    }
    // The real maxima the calculator's rounding produces (csf-calculator.md § 1.3).
    let maxima = framework.objectives.map(\.actualMaximum)
    for (got, want) in zip(maxima, [1000.03, 1002, 1000, 1002, 1001, 1000, 1001, 1000]) {
      #expect(abs(got - want) < 1e-9)
    }
  }

  /// The two official profiles are permutations of the same numbers: every weight is checked.
  @Test(
    "every weight of both official profiles",
    arguments: [
      ("2026", [20.0, 10, 10, 15, 10, 15, 15, 5]),
      ("v1.2.1", [15.0, 10, 10, 15, 20, 15, 10, 5]),
    ])
  func profileWeights(id: String, weights: [Double]) {
    let profile = Shipped.profile(id)
    for (index, weight) in weights.enumerated() {
      #expect(profile.weight(of: "SOV-\(index + 1)") == weight, "\(id) SOV-\(index + 1)")
    }
    #expect(profile.weights.count == 8)
  }

  @Test("all best answers: 100.0756 % (2026, nominal divisor), 100.08045 % (v1.2.1), 100 % with the actual divisor, SEAL 4")
  func bestEverywhere() {
    let best = Shipped.extreme(best: true)
    let nominal2026 = CSFCalculator.evaluate(best, framework: Shipped.framework, profile: Shipped.profile("2026"))
    #expect(abs(nominal2026.score.low - 100.0756) < 1e-9)
    #expect(nominal2026.score.low == nominal2026.score.high)
    #expect(nominal2026.seal == CSFSealRange(low: 4, high: 4))
    #expect(nominal2026.objectives.allSatisfy { $0.seal.value == 4 })
    let nominalV121 = CSFCalculator.evaluate(best, framework: Shipped.framework, profile: Shipped.profile("v1.2.1"))
    #expect(abs(nominalV121.score.low - 100.08045) < 1e-9)
    for id in ["2026", "v1.2.1"] {
      let actual = CSFCalculator.evaluate(best, framework: Shipped.framework, profile: Shipped.profile(id), divisor: .actual)
      #expect(abs(actual.score.low - 100) < 1e-9)
    }
  }

  @Test("all worst answers: 0 % and SEAL 0 under both profiles and divisors")
  func worstEverywhere() {
    let worst = Shipped.extreme(best: false)
    for id in ["2026", "v1.2.1"] {
      for divisor in CSFDivisor.allCases {
        let result = CSFCalculator.evaluate(worst, framework: Shipped.framework, profile: Shipped.profile(id), divisor: divisor)
        #expect(result.score.low == 0 && result.score.high == 0)
        #expect(result.seal == CSFSealRange(low: 0, high: 0))
      }
    }
  }

  @Test("contributions add up to the score; one objective's contribution is weight × points / 1000")
  func contributionsAddUp() {
    // Best answers in SOV-2 only, everything else worst.
    let framework = Shipped.framework
    let answers = CSFAnswers(
      framework.criteria.map {
        CSFChoice(criterionID: $0.id, possible: [$0.objectiveID == "SOV-2" ? $0.answers.count - 1 : 0], origin: .unknown)
      })
    let result = CSFCalculator.evaluate(answers, framework: framework, profile: Shipped.profile("2026"))
    #expect(abs(result.score.low - 10 * 1002 / 1000) < 1e-12)
    #expect(abs(result.objectives.reduce(0) { $0 + $1.contribution.low } - result.score.low) < 1e-12)
    // SEAL: SOV-2 best is 4 everywhere there, but the worst answers elsewhere give 0.
    #expect(result.objectives[1].seal.value == 4)
    #expect(result.seal.value == 0)
  }

  @Test("unknown answers give intervals: nothing known spans 0 to the maximum, SEAL 0 to 4")
  func nothingKnown() {
    let result = CSFCalculator.evaluate(CSFAnswers(), framework: Shipped.framework, profile: Shipped.profile("2026"))
    #expect(result.score.low == 0)
    #expect(abs(result.score.high - 100.0756) < 1e-9)
    #expect(result.seal == CSFSealRange(low: 0, high: 4))
    #expect(result.decidedCount == 0)
  }

  @Test("a known SEAL-1 answer caps the SEAL whatever the unknowns; a SEAL falls below it only through unknowns")
  func sealRangeWithOneKnownAnswer() {
    // SOV-2.3 answered "compel access with notification" (index 2, SEAL 1).
    let answers = CSFAnswers([CSFChoice(criterionID: "SOV-2.3", possible: [2], origin: .unknown)])
    let result = CSFCalculator.evaluate(answers, framework: Shipped.framework, profile: Shipped.profile("2026"))
    #expect(result.seal.high == 1)
    #expect(result.seal.low == 0)
    let sov2 = result.objectives[1]
    #expect(sov2.seal.high == 1)
    #expect(sov2.points.low == 83.5)
    #expect(sov2.points.high == 83.5 + 167 * 5)
    // Narrowed answers: {3, 4} of SOV-2.2 give points 125.25 to 167 and SEAL 2 to 4.
    let narrowed = CSFCalculator.evaluate(
      CSFAnswers([CSFChoice(criterionID: "SOV-2.2", possible: [4, 3], origin: .unknown)]), framework: Shipped.framework,
      profile: Shipped.profile("2026"))
    let c = narrowed.objectives[1].criteria[1]
    #expect(c.points == CSFInterval(125.25, 167))
    #expect(c.seal == CSFSealRange(low: 2, high: 4))
  }

  @Test("a published self-assessment given as SEALs: the SEAL/4 proxy gives Safespring's 86.25 % (v1.2.1) and 91.25 % (2026), weakest SEAL 2")
  func safespringProxy() {
    let source = Source(id: "s", url: "https://example.org", asOf: CalendarDate(iso: "2025-11-06")!, kind: .provider)
    let seals = [4, 4, 4, 4, 2, 3, 4, 4]
    let assessment = CSFSelfAssessment(
      providerID: "safespring", seals: Dictionary(uniqueKeysWithValues: seals.enumerated().map { ("SOV-\($0.offset + 1)", $0.element) }),
      source: source)
    #expect(abs(assessment.proxyScore(profile: Shipped.profile("v1.2.1"), framework: Shipped.framework)! - 86.25) < 1e-12)
    #expect(abs(assessment.proxyScore(profile: Shipped.profile("2026"), framework: Shipped.framework)! - 91.25) < 1e-12)
    #expect(assessment.overallSeal == 2)
    var partial = assessment
    partial.seals["SOV-8"] = nil
    #expect(partial.proxyScore(profile: Shipped.profile("2026"), framework: Shipped.framework) == nil)
  }
}

@Suite("EU Cloud Sovereignty Framework: published self-assessments")
struct SelfAssessmentDataTests {
  @Test("every shipped self-assessment names a provider of the catalog and a SEAL for each objective; Safespring's proxy is its published 86.25 %")
  func shippedAssessments() throws {
    let catalog = try Catalog.bundled()
    #expect(!Shipped.data.assessments.isEmpty)
    for assessment in Shipped.data.assessments {
      #expect(catalog.provider(id: assessment.providerID) != nil, "\(assessment.providerID) is not a provider of the catalog")
      #expect(Set(assessment.seals.keys) == Set(Shipped.framework.objectives.map(\.id)))
    }
    let safespring = try #require(Shipped.data.assessments.first { $0.providerID == "safespring" })
    #expect(abs(safespring.proxyScore(profile: Shipped.profile("v1.2.1"), framework: Shipped.framework)! - 86.25) < 1e-12)
  }
}
