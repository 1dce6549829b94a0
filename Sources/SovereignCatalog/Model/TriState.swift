/// A yes/no fact that may also be unknown. "No" is a claim; "unknown" is the absence of one.
public enum TriState: String, Sendable, Hashable, Codable, CustomStringConvertible {
  case yes, no, unknown

  public var description: String { rawValue }
}
