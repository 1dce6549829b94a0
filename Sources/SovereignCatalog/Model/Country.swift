/// A country from `data/vocabularies/countries.yaml` (ISO 3166-1 alpha-2), with EU/EEA membership.
public struct Country: Sendable, Hashable, Codable {
  /// Upper-case ISO 3166-1 alpha-2 code, e.g. `FR`.
  public var code: String
  public var name: String
  /// Member state of the European Union.
  public var isEU: Bool
  /// Part of the European Economic Area (EU + Iceland, Liechtenstein, Norway).
  public var isEEA: Bool

  public init(code: String, name: String, isEU: Bool, isEEA: Bool) {
    self.code = code
    self.name = name
    self.isEU = isEU
    self.isEEA = isEEA
  }
}
