/// A value that is either known or explicitly unknown. Encoded in JSON as the value itself or
/// the string `"unknown"`.
///
/// The value's conformances are required by the extensions below, not by the type itself (see
/// ``Fact``).
public enum Known<Value> {
  case known(Value)
  case unknown

  /// The value when known.
  public var value: Value? {
    if case .known(let value) = self { return value }
    return nil
  }

  public var isKnown: Bool { value != nil }

  public init(_ value: Value?) {
    self = value.map(Known.known) ?? .unknown
  }
}

extension Known: Sendable where Value: Sendable {}
extension Known: Equatable where Value: Equatable {}
extension Known: Hashable where Value: Hashable {}

extension Known: Decodable where Value: Decodable {
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if let text = try? container.decode(String.self), text == "unknown" {
      self = .unknown
    } else {
      self = .known(try container.decode(Value.self))
    }
  }
}

extension Known: Encodable where Value: Encodable {
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    switch self {
    case .known(let value): try container.encode(value)
    case .unknown: try container.encode("unknown")
    }
  }
}

extension Known: CustomStringConvertible {
  public var description: String {
    switch self {
    // Strings and dates (the usual values, read for every explanation) directly: interpolating
    // a generic value makes the runtime look up its conformances (a search of every conformance
    // of the binary the first time). The same text as "\(value)".
    case .known(let text as String): return text
    case .known(let date as CalendarDate): return date.description
    case .known(let value): return "\(value)"
    case .unknown: return "unknown"
    }
  }
}
