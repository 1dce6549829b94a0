import SovereignCatalog

/// A weight profile for the Sovereignty Score: one weight (in percent) per objective.
///
/// Two official profiles ship in `data/csf/profiles/`: the framework text v1.2.1 (October 2025,
/// 15/10/10/15/20/15/10/5) and the implementation guidance and calculator of 1 June 2026
/// (20/10/10/15/10/15/15/5). Authorities may adapt weights: a profile can be a user's own file.
public struct CSFProfile: Sendable, Hashable {
  public var id: String
  public var name: String
  /// Weight of each objective id, in percent.
  public var weights: [String: Double]
  public var source: Source?

  public init(id: String, name: String, weights: [String: Double], source: Source? = nil) {
    self.id = id
    self.name = name
    self.weights = weights
    self.source = source
  }

  /// The weight of an objective, 0 when the profile does not name it.
  public func weight(of objectiveID: String) -> Double { weights[objectiveID] ?? 0 }
}

/// What the Sovereignty Score divides each objective's points by.
public enum CSFDivisor: String, Sendable, Hashable, CaseIterable, Codable {
  /// The calculator's nominal 1000 points per objective (its "Max.Score"): all best answers
  /// score 100.0756 % with the 2026 weights, because point values are rounded.
  case nominal
  /// Each objective's real maximum (the sum of its best answers): all best answers score 100 %.
  case actual
}
