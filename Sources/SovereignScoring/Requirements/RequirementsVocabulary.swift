import SovereignCSF
import SovereignCatalog

/// The ids a requirements file may use, taken from the catalog it will be ranked against.
public struct RequirementsVocabulary: Sendable, Hashable {
  /// ISO country codes known to the catalog.
  public var countries: Set<String>
  /// Capability ids of the catalog's vocabulary.
  public var capabilities: Set<String>
  /// Law ids of the catalog.
  public var laws: Set<String>
  /// EU Cloud Sovereignty Framework objective ids (`SOV-1` … `SOV-8`).
  public var csfObjectives: [String]
  /// CSF weight profile ids (`2026`, `v1.2.1`).
  public var csfProfiles: [String]

  public init(
    countries: Set<String>, capabilities: Set<String>, laws: Set<String>,
    csfObjectives: [String] = RequirementsVocabulary.bundledCSFObjectives,
    csfProfiles: [String] = RequirementsVocabulary.bundledCSFProfiles
  ) {
    self.countries = countries
    self.capabilities = capabilities
    self.laws = laws
    self.csfObjectives = csfObjectives
    self.csfProfiles = csfProfiles
  }

  /// The ids of `catalog`, and the CSF ids of `csf` (default: the bundled CSF data).
  public init(catalog: Catalog, csf: CSFData? = CSFData.bundled) {
    self.init(
      countries: Set(catalog.countries.keys), capabilities: Set(catalog.capabilities.keys),
      laws: Set(catalog.laws.map(\.id)), csfObjectives: csf?.framework.objectives.map(\.id) ?? [],
      csfProfiles: csf?.profiles.map(\.id) ?? [])
  }

  /// The objective ids of the bundled CSF framework.
  public static let bundledCSFObjectives = CSFData.bundled?.framework.objectives.map(\.id) ?? []
  /// The profile ids shipped in `data/csf/profiles/`.
  public static let bundledCSFProfiles = CSFData.bundled?.profiles.map(\.id) ?? []

  /// The country groups accepted in `residency` besides country codes.
  public static let groups = ["EU", "EEA"]
}
