/// How the table and Markdown reports order the ranked offerings.
public enum RankingOrder: String, Sendable, Hashable, CaseIterable {
  /// Proven offerings first, then unverified ones, each group in rank order (the default).
  case standing
  /// One list by score (the JSON and CSV order).
  case score

  /// The competition rank of `offering` within `group` (1 + members with a better global rank).
  static func groupRank(_ offering: RankedOffering, in group: [RankedOffering]) -> Int {
    1 + group.filter { ($0.rank ?? Int.max) < (offering.rank ?? Int.max) }.count
  }
}
