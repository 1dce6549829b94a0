/// A non-EU law a user may want their data to be immune to, described as data the exposure
/// engine interprets.
public struct Law: Sendable, Hashable, Codable {
  /// What brings an entity within the law's reach.
  public enum ReachRule: String, Sendable, Hashable, Codable, CaseIterable {
    /// The entity's registered seat is in the law's jurisdiction.
    case seat
    /// The entity's central administration / main establishment is there.
    case headquarters
    /// The entity is controlled, directly or indirectly, by an entity reached by `seat` or `headquarters`.
    case control
    /// Staff or subcontractors in the jurisdiction have technical access to the data.
    case access
  }

  public var id: String
  public var name: String
  /// Countries whose law it is (ISO alpha-2).
  public var jurisdiction: [String]
  /// Legal citation, e.g. `18 U.S.C. § 2713`.
  public var citation: String
  /// Plain-language summary.
  public var summary: String
  /// Whether the law reaches data stored outside its own country.
  public var extraterritorial: Bool
  public var reach: [ReachRule]
  public var provenance: Provenance
  public var file: String

  public init(
    id: String, name: String, jurisdiction: [String], citation: String, summary: String, extraterritorial: Bool,
    reach: [ReachRule], provenance: Provenance, file: String = ""
  ) {
    self.id = id
    self.name = name
    self.jurisdiction = jurisdiction
    self.citation = citation
    self.summary = summary
    self.extraterritorial = extraterritorial
    self.reach = reach
    self.provenance = provenance
    self.file = file
  }
}
