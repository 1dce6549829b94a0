import SovereignCatalog

/// The EU Cloud Sovereignty Framework as the Commission's calculator scores it: eight objectives
/// (SOV-1 strategic … SOV-8 sustainability), 48 criteria, and for each criterion its answers from
/// worst to best, each with the points it earns and the SEAL (0-4) it guarantees.
///
/// Data, not constants: the framework is read from `data/csf/framework.yaml` (contracting
/// authorities may adapt point values), weights from a ``CSFProfile``.
public struct CSFFramework: Sendable, Hashable {
  /// One sovereignty objective and its criteria.
  public struct Objective: Sendable, Hashable {
    public var id: String
    public var name: String
    public var criteria: [Criterion]

    /// The calculator's nominal maximum (the divisor of its score formula): 1000 points.
    public static let nominalMaximum = 1000.0

    /// The real maximum: the sum of each criterion's best answer (1000.03, 1002 … because the
    /// calculator rounds point values to two decimals).
    public var actualMaximum: Double { criteria.reduce(0) { $0 + $1.maximumPoints } }
  }

  /// One criterion, e.g. `SOV-2.2` "Extraterritorial laws".
  public struct Criterion: Sendable, Hashable {
    public var id: String
    public var objectiveID: String
    public var title: String
    /// From worst (index 0) to best.
    public var answers: [Answer]

    public var maximumPoints: Double { answers.map(\.points).max() ?? 0 }
  }

  /// One answer of a criterion.
  public struct Answer: Sendable, Hashable {
    public var label: String
    public var points: Double
    /// The SEAL (0-4) this answer guarantees: an objective's SEAL is the lowest of its answers'.
    public var seal: Int
  }

  public var objectives: [Objective]
  /// Where the points and SEALs come from.
  public var source: Source

  /// Every criterion, in objective then criterion order.
  public var criteria: [Criterion] { objectives.flatMap(\.criteria) }

  /// The criterion with this id (`SOV-2.2`), if any.
  public func criterion(id: String) -> Criterion? {
    for objective in objectives { if let found = objective.criteria.first(where: { $0.id == id }) { return found } }
    return nil
  }
}
