import SovereignCatalog
import SovereignExposure

/// Whether a non-EU law reaches an offering, as the ranking uses it (mapped from the exposure
/// engine's verdict).
public enum ReachVerdict: String, Sendable, Hashable, Codable {
  case exposed
  case notExposed = "not-exposed"
  case unknown
}

/// What the ranking needs from the exposure engine (`SovereignExposure`): per offering and law,
/// exposed / not exposed / unknown with the reasoning and sources, and the SecNumCloud 19.6
/// ownership check.
public protocol ExposureAssessing: Sendable {
  /// Does `law` reach `offering`?
  func exposure(of offering: Offering, to law: Law) -> Evidence<ReachVerdict>
  /// Does `offering` pass the SecNumCloud 3.2 § 19.6 ownership check?
  func secNumCloud196(of offering: Offering) -> Evidence<GateVerdict>
  /// Sourced facts that contradict what the offering's SecNumCloud qualification attests, and how
  /// each was decided (default: none).
  func conflicts(of offering: Offering) -> [AttestationConflict]
  /// The exposure engine's whole assessment of `offering`, when the assessor has one (the EU
  /// Cloud Sovereignty Framework's answers are derived from it; default: nil).
  func assessment(of offering: Offering) -> OfferingExposure?
}

extension ExposureAssessing {
  public func conflicts(of offering: Offering) -> [AttestationConflict] { [] }
  public func assessment(of offering: Offering) -> OfferingExposure? { nil }
}

/// An assessor that knows nothing: every answer is unknown. Used where no exposure engine is
/// available; with it, every exposure gate is `unknown` and handled by the unknown policy.
public struct UnassessedExposure: ExposureAssessing {
  public init() {}

  public func exposure(of offering: Offering, to law: Law) -> Evidence<ReachVerdict> {
    Evidence(.unknown, "exposure to \(law.name) was not assessed")
  }

  public func secNumCloud196(of offering: Offering) -> Evidence<GateVerdict> {
    Evidence(.unknown, "the SecNumCloud 19.6 ownership check was not assessed")
  }
}
