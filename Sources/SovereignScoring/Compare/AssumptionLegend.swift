import SovereignCatalog

/// The lines that open any output resting on assumptions: what was assumed, and how the
/// affected lines are marked (`†`). Empty when nothing was assumed.
public enum AssumptionLegend {
  public static func lines(_ assumptions: [Assumption]) -> [String] {
    guard !assumptions.isEmpty else { return [] }
    return ["WHAT-IF: this result rests on assumptions, not on evidence (\(ComparisonTable.assumptionMarker) marks every line they affect):"]
      + assumptions.map { "  \(ComparisonTable.assumptionMarker) assumed \($0.canonical)" }
  }
}
