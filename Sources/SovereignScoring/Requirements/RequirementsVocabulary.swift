import SovereignCatalog

/// The ids a requirements file may use, taken from the catalog it will be ranked against.
public struct RequirementsVocabulary: Sendable, Hashable {
  /// ISO country codes known to the catalog.
  public var countries: Set<String>
  /// Capability ids of the catalog's vocabulary.
  public var capabilities: Set<String>
  /// Law ids of the catalog.
  public var laws: Set<String>

  public init(countries: Set<String>, capabilities: Set<String>, laws: Set<String>) {
    self.countries = countries
    self.capabilities = capabilities
    self.laws = laws
  }

  public init(catalog: Catalog) {
    self.init(
      countries: Set(catalog.countries.keys), capabilities: Set(catalog.capabilities.keys),
      laws: Set(catalog.laws.map(\.id)))
  }

  /// The country groups accepted in `residency` besides country codes.
  public static let groups = ["EU", "EEA"]
}
