/// Refuses a parse result that lost rows compared with the previous snapshot.
///
/// Rule: when the previous snapshot has at least ``minimumPrevious`` entries and the new
/// document yields fewer than ``keptFraction`` of them, the document is taken as changed in
/// format (or truncated), and the previous snapshot is kept. Lists shrink slowly (certificates
/// expire a few at a time); halving overnight means the parser no longer sees every row.
public enum FormatGuard {
  public static let minimumPrevious = 10
  public static let keptFraction = 0.5

  /// - Throws: ``ParseError/formatChanged(source:detail:)`` when rows were lost.
  public static func check(source: String, newCount: Int, previousCount: Int?) throws(ParseError) {
    guard let previousCount, previousCount >= minimumPrevious else { return }
    if Double(newCount) < Double(previousCount) * keptFraction {
      throw .formatChanged(
        source: source,
        detail: "\(newCount) entries where the previous snapshot had \(previousCount); refusing to lose rows")
    }
  }
}
