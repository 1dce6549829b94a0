/// A percentage (0 to 100) known only within bounds: `low...high`, both inclusive.
///
/// A known 30 % is `30...30`; an unknown holding is `0...100`, or tighter when the other
/// holdings of the same entity bound it (holdings of one entity never add up to more than 100 %).
public struct ShareRange: Sendable, Hashable, Codable, CustomStringConvertible {
  public var low: Double
  public var high: Double

  public init(low: Double, high: Double) {
    self.low = max(0, min(100, low))
    self.high = max(self.low, min(100, high))
  }

  public init(exactly value: Double) {
    self.init(low: value, high: value)
  }

  public static let zero = ShareRange(exactly: 0)
  public static let anything = ShareRange(low: 0, high: 100)

  /// True when the bounds are equal (to a rounding tolerance).
  public var isExact: Bool { high - low < 1e-9 }

  /// The share of a share: `a % of b %`, e.g. 60 % of 50 % = 30 %.
  public func of(_ other: ShareRange) -> ShareRange {
    ShareRange(low: low * other.low / 100, high: high * other.high / 100)
  }

  /// Sum of two disjoint shares of the same entity (capped at 100 %).
  public static func + (lhs: ShareRange, rhs: ShareRange) -> ShareRange {
    ShareRange(low: lhs.low + rhs.low, high: lhs.high + rhs.high)
  }

  /// "30 %", or "0 % to 45 %" when only bounds are known.
  public var description: String {
    isExact ? Self.format(low) : "\(Self.format(low)) to \(Self.format(high))"
  }

  /// A percentage without useless decimals: `30 %`, `12.5 %`, `33.33 %`.
  public static func format(_ value: Double) -> String {
    let rounded = (value * 100).rounded() / 100
    if rounded == rounded.rounded() { return "\(Int(rounded)) %" }
    return "\(rounded) %"
  }
}
