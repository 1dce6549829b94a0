import SovereignCSF

/// How a requirements file scores the EU Cloud Sovereignty Framework (its `csf:` key): which
/// weight profile and which divisor the `csf_score` criterion uses. The SEAL gates do not depend
/// on them (a SEAL is the lowest SEAL of the answers, whatever the weights).
public struct CSFSettings: Sendable, Hashable, Codable {
  /// A profile id of the catalog's CSF data (`2026`, `v1.2.1`).
  public var profile: String
  /// What each objective's points are divided by.
  public var divisor: CSFDivisor

  public init(profile: String = CSFData.defaultProfileID, divisor: CSFDivisor = .nominal) {
    self.profile = profile
    self.divisor = divisor
  }
}
