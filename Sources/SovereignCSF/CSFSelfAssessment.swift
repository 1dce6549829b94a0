import SovereignCatalog

/// A provider's published self-assessment given only as a SEAL per objective (as Safespring
/// published its own in November 2025).
public struct CSFSelfAssessment: Sendable, Hashable {
  public var providerID: String
  /// The SEAL the provider claims per objective id.
  public var seals: [String: Int]
  public var source: Source
  public var notes: String?

  public init(providerID: String, seals: [String: Int], source: Source, notes: String? = nil) {
    self.providerID = providerID
    self.seals = seals
    self.source = source
    self.notes = notes
  }

  /// The SEAL/4 proxy: Σ weight × SEAL/4, in percent. **Not the calculator's method** (which
  /// needs the 48 answers): it treats an objective's SEAL as the share of its points, which is how
  /// published self-assessments compute their "score". Nil when an objective has no SEAL.
  public func proxyScore(profile: CSFProfile, framework: CSFFramework) -> Double? {
    var total = 0.0
    for objective in framework.objectives {
      guard let seal = seals[objective.id] else { return nil }
      total += profile.weight(of: objective.id) * Double(seal) / 4
    }
    return total
  }

  /// The weakest-link SEAL the provider claims.
  public var overallSeal: Int? { seals.values.min() }
}
