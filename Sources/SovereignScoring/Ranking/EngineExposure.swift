import Dispatch
import Foundation
import SovereignCatalog
import SovereignExposure

/// The exposure engine (`SovereignExposure.ExposureEngine`) as the ranking uses it: each law's
/// verdict with its reasoning, decisive path, missing facts and sources, and the SecNumCloud 19.6
/// ownership check. Results are computed once per offering.
public struct EngineExposure: ExposureAssessing {
  private let assessments: [String: OfferingExposure]
  private let engine: ExposureEngine

  /// Assesses every offering of `catalog` once, as of `asOf` (a SecNumCloud qualification that
  /// ended before it is no evidence; nil: validity dates are not checked).
  public init(catalog: Catalog, asOf: CalendarDate? = nil) {
    let engine = ExposureEngine(catalog: catalog, asOf: asOf)
    self.engine = engine
    let offerings = catalog.offerings
    self.assessments = Dictionary(
      zip(offerings.map(\.id), Self.assessAll(offerings, engine: engine)), uniquingKeysWith: { first, _ in first })
  }

  /// Every offering's assessment, in order; on all cores for a catalog of some size (each
  /// assessment is a pure function of the catalog, so the results do not depend on the threads).
  static func assessAll(_ offerings: [Offering], engine: ExposureEngine) -> [OfferingExposure] {
    InterleavedMap.map(offerings.count, workers: offerings.count >= 16 ? ProcessorCount.active : 1) {
      engine.assess(offering: offerings[$0])
    }
  }

  func assessment(_ offering: Offering) -> OfferingExposure {
    assessments[offering.id] ?? engine.assess(offering: offering)
  }

  public func exposure(of offering: Offering, to law: Law) -> Evidence<ReachVerdict> {
    guard let result = assessment(offering).exposure(to: law.id) else {
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
    let check = assessment(offering).secNumCloud196
    let verdict: GateVerdict =
      switch check.verdict {
      case .pass: .pass
      case .fail: .fail
      case .unknown: .unknown
      }
    // Show the sub-criteria that decided the verdict (all of them when it passes).
    let decisive = check.criteria.filter { check.verdict == .pass || $0.verdict == check.verdict }
    let detail = decisive.map { "\($0.id) \($0.verdict.rawValue): \($0.detail)" }.joined(separator: "; ")
    var seen = Set<String>()
    let sources = decisive.flatMap(\.sources).filter { seen.insert($0.id + " " + $0.url).inserted }
    var missing: [String] = []
    for fact in decisive.flatMap(\.missingFacts) where !missing.contains(fact) { missing.append(fact) }
    return Evidence(
      verdict, detail + " (" + check.note + ")", sources: sources,
      evidence: verdict == .unknown ? nil : SourceKind.weakest(decisive.map(\.evidence)), missingFacts: missing)
  }

  public func conflicts(of offering: Offering) -> [AttestationConflict] {
    assessment(offering).conflicts
  }

  public func assessment(of offering: Offering) -> OfferingExposure? {
    assessment(offering)
  }
}
