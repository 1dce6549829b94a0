/// The lines that open any output resting on assumptions: what was assumed, and how the
/// affected lines are marked (``marker``). Empty when nothing was assumed.
public enum AssumptionLegend {
  /// Marks every line, cell or verdict that rests on an assumption (`--assume`).
  public static let marker = "†"

  public static func lines(_ assumptions: [Assumption]) -> [String] {
    guard !assumptions.isEmpty else { return [] }
    return ["WHAT-IF: this result rests on assumptions, not on evidence (\(marker) marks every line they affect):"]
      + assumptions.map { "  \(marker) assumed \($0.canonical)" }
  }

  /// ` †` when `assumed`, else empty: appended to a line or cell.
  public static func suffix(_ assumed: Bool) -> String { assumed ? " " + marker : "" }
}
