import SovereignCSF
import SovereignCatalog
import SovereignExposure

/// The EU Cloud Sovereignty Framework calculator's result for one offering, on the answers the
/// catalog's facts decide (``CSFDerivation``, docs/csf.md), as the ranking's CSF gates and the
/// `csf_score` criterion use it.
///
/// A derived answer resting on evidence below the requirements' `evidence:` minimum keeps only its
/// unfavourable half (its best possible answer; every worse one becomes possible again), as a
/// gate's `pass` below the minimum counts as unknown while a `fail` stands. A
/// provider's published self-assessment (per-objective SEALs) is kept beside the result: the
/// SEAL gates may rest on it, at provider grade, where the facts leave the SEAL open.
public struct CSFAssessment: Sendable, Hashable {
  /// The calculator's result with the profile and divisor of the requirements' `csf:` settings.
  public var result: CSFResult
  /// The provider's published self-assessment, if the catalog has one.
  public var selfAssessment: CSFSelfAssessment?
  /// Criteria whose derived answer rests on evidence below the minimum: only its ceiling is kept
  /// (the answers better than the facts allow stay excluded; the worse ones become possible).
  public var belowMinimum: [String]
  /// The framework's own source (the Commission's calculator).
  public var frameworkSource: Source

  public init(result: CSFResult, selfAssessment: CSFSelfAssessment?, belowMinimum: [String], frameworkSource: Source) {
    self.result = result
    self.selfAssessment = selfAssessment
    self.belowMinimum = belowMinimum
    self.frameworkSource = frameworkSource
  }

  /// Assesses `offering` from `catalog`'s facts; nil when `data` lacks the settings' profile.
  public static func assess(
    _ offering: Offering, exposure: OfferingExposure, catalog: Catalog, data: CSFData, settings: CSFSettings,
    minimum: EvidenceGrade, today: CalendarDate
  ) -> CSFAssessment? {
    guard let profile = data.profile(id: settings.profile) else { return nil }
    let derived = CSFDerivation(catalog: catalog, framework: data.framework, asOf: today).answers(for: offering, exposure: exposure)
    var kept: [CSFChoice] = []
    var dropped: [String] = []
    for choice in derived {
      guard case .derived(_, _, _, let grade) = choice.origin, (grade ?? .secondary) < minimum, minimum > .secondary,
        let ceiling = choice.possible.max(), let criterion = data.framework.criterion(id: choice.criterionID)
      else {
        kept.append(choice)
        continue
      }
      // Below the minimum grade only the favourable half of the fact is set aside, as a gate's
      // `fail` on weaker evidence stays a fail: the answers above what the facts allow stay
      // excluded, the answers below it become possible again.
      dropped.append(choice.criterionID)
      if ceiling + 1 < criterion.answers.count {
        kept.append(CSFChoice(criterionID: choice.criterionID, possible: Array(0...ceiling), origin: choice.origin))
      }
    }
    return CSFAssessment(
      result: CSFCalculator.evaluate(CSFAnswers(kept), framework: data.framework, profile: profile, divisor: settings.divisor),
      selfAssessment: data.assessments.first { $0.providerID == offering.providerID }, belowMinimum: dropped.sorted(),
      frameworkSource: data.framework.source)
  }

  /// The sources behind a criterion's answer (empty when it is unknown).
  static func sources(of criterion: CSFResult.CriterionResult) -> [Source] {
    switch criterion.choice.origin {
    case .derived(_, _, let sources, _): sources
    case .selfAssessment(let source): [source]
    case .answersFile, .unknown: []
    }
  }

  /// One line on a criterion's answer: its id, the SEALs still possible and why.
  static func describe(_ criterion: CSFResult.CriterionResult) -> String {
    let seals = criterion.seal.value.map { "SEAL \($0)" } ?? "SEAL \(criterion.seal.low)-\(criterion.seal.high)"
    switch criterion.choice.origin {
    case .derived(let rule, let facts, _, _):
      return "\(criterion.criterion.id) \(seals) (derived: \(rule); facts: \(facts.joined(separator: "; ")))"
    case .selfAssessment(let source):
      return "\(criterion.criterion.id) \(seals) (self-assessment: \(source.title ?? source.url))"
    case .answersFile:
      return "\(criterion.criterion.id) \(seals) (answers file)"
    case .unknown:
      return "\(criterion.criterion.id) \(seals) (unknown)"
    }
  }
}
