/// Whether more of a criterion is better (`benefit`) or worse (`cost`).
public enum CriterionDirection: String, Sendable, Hashable, Codable, CaseIterable {
  /// Higher raw values are better (e.g. certifications held).
  case benefit
  /// Lower raw values are better (e.g. price, number of foreign laws reaching the offering).
  case cost
}
