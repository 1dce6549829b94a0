import Dispatch
import Foundation
import SovereignCatalog
import SovereignExposure

/// The exposure engine (`SovereignExposure.ExposureEngine`) as the ranking uses it: each law's
/// verdict with its reasoning, decisive path, missing facts and sources, and the SecNumCloud 19.6
/// ownership check. Results are computed once per offering.
public struct EngineExposure: ExposureAssessing {
  private let prepared: [String: Prepared]
  private let engine: ExposureEngine

  /// One offering's assessment and the ranking's reading of it (each law's evidence, the § 19.6
  /// check's), made once on the worker threads: gates and criteria ask for them several times.
  /// The assessment leaves out the ownership reports, which no gate or criterion reads;
  /// ``assessment(of:)`` adds them.
  struct Prepared: Sendable {
    let assessment: OfferingExposure
    let laws: [String: Evidence<ReachVerdict>]
    let secNumCloud196: Evidence<GateVerdict>

    init(_ assessment: OfferingExposure, laws: [Law]) {
      self.assessment = assessment
      var evidence: [String: Evidence<ReachVerdict>] = [:]
      for law in laws where evidence[law.id] == nil { evidence[law.id] = EngineExposure.evidence(assessment, law: law) }
      self.laws = evidence
      self.secNumCloud196 = EngineExposure.secNumCloud196(assessment)
    }
  }

  /// Assesses every offering of `catalog` once, as of `asOf` (a SecNumCloud qualification that
  /// ended before it is no evidence; nil: validity dates are not checked).
  ///
  /// `madeAhead`: assessments of this very catalog's offerings made ahead of time (for the
  /// bundled catalog as decoded, ``madeAtBuildTime``); one made on the basis an offering has on
  /// `asOf` is dated instead of made again (``ExposureEngine/assessment(of:from:)``).
  public init(catalog: Catalog, asOf: CalendarDate? = nil, madeAhead: [ExposureArchive.Entry] = []) {
    // On all cores for a catalog of some size: each assessment is a pure function of the
    // catalog, so the results do not depend on the threads.
    let preparation = ExposurePreparation(catalog: catalog, asOf: asOf, made: madeAhead)
    DispatchQueue.concurrentPerform(iterations: InterleavedMap.workers(forItems: preparation.count)) { _ in preparation.work() }
    // Nothing abandons this preparation: every reading is there.
    self.init(engine: preparation.engine, prepared: preparation.finish() ?? [])
  }

  /// The exposure made of a finished preparation's readings.
  init(engine: ExposureEngine, prepared: [(id: String, prepared: Prepared)]) {
    self.engine = engine
    self.prepared = Dictionary(prepared, uniquingKeysWith: { first, _ in first })
  }

  /// The assessment the verdicts come from (without the ownership reports when prepared).
  func assessment(_ offering: Offering) -> OfferingExposure {
    prepared[offering.id]?.assessment ?? engine.assess(offering: offering, ownership: false)
  }

  public func exposure(of offering: Offering, to law: Law) -> Evidence<ReachVerdict> {
    if let known = prepared[offering.id]?.laws[law.id] { return known }
    return Self.evidence(assessment(offering), law: law)
  }

  /// A law's verdict in `assessment`, with its detail, path, missing facts, rules and sources.
  static func evidence(_ assessment: OfferingExposure, law: Law) -> Evidence<ReachVerdict> {
    guard let result = assessment.exposure(to: law.id) else {
      return Evidence(.unknown, "the exposure engine has no verdict for \(law.name)")
    }
    var detail = result.detail
    if let path = result.path { detail += " Path: \(path)." }
    if !result.missingFacts.isEmpty { detail += " Missing: " + result.missingFacts.joined(separator: "; ") + "." }
    let verdict: ReachVerdict =
      switch result.verdict {
      case .exposed: .exposed
      case .notExposed: .notExposed
      case .unknown: .unknown
      }
    if !result.derived.isEmpty { detail += " Derived by rule: " + result.derived.joined(separator: ", ") + "." }
    return Evidence(verdict, detail, sources: result.sources, evidence: result.evidence, missingFacts: result.missingFacts)
  }

  public func secNumCloud196(of offering: Offering) -> Evidence<GateVerdict> {
    prepared[offering.id]?.secNumCloud196 ?? Self.secNumCloud196(assessment(offering))
  }

  /// The § 19.6 check of `assessment` as gate evidence: the sub-criteria that decided it.
  static func secNumCloud196(_ assessment: OfferingExposure) -> Evidence<GateVerdict> {
    let check = assessment.secNumCloud196
    let verdict: GateVerdict =
      switch check.verdict {
      case .pass: .pass
      case .fail: .fail
      case .unknown: .unknown
      }
    // Show the sub-criteria that decided the verdict (all of them when it passes).
    let decisive = check.criteria.filter { check.verdict == .pass || $0.verdict == check.verdict }
    let detail = decisive.map { "\($0.id) \($0.verdict.rawValue): \($0.detail)" }.joined(separator: "; ")
    let sources = decisive.flatMap(\.sources).uniqueCitations()
    var missing: [String] = []
    for fact in decisive.flatMap(\.missingFacts) where !missing.contains(fact) { missing.append(fact) }
    return Evidence(
      verdict, detail + " (" + check.note + ")", sources: sources,
      evidence: verdict == .unknown ? nil : SourceKind.weakest(decisive.map(\.evidence)), missingFacts: missing)
  }

  public func conflicts(of offering: Offering) -> [AttestationConflict] {
    assessment(offering).conflicts
  }

  /// The engine's verdict on `offering` for the law `lawID` (nil: no such law).
  public func verdict(of offering: Offering, for lawID: String) -> ExposureVerdict? {
    assessment(offering).verdict(for: lawID)
  }

  public func assessment(of offering: Offering) -> OfferingExposure? {
    guard var assessment = prepared[offering.id]?.assessment else { return engine.assess(offering: offering) }
    assessment.ownership = engine.ownershipReports(of: offering)
    return assessment
  }
}
