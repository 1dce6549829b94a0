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
  public var csfObjectives: [String] {
    get { csfIDs.value.objectives }
    set { csfIDs = CSFIDs(objectives: newValue, profiles: csfProfiles) }
  }
  /// CSF weight profile ids (`2026`, `v1.2.1`).
  public var csfProfiles: [String] {
    get { csfIDs.value.profiles }
    set { csfIDs = CSFIDs(objectives: csfObjectives, profiles: newValue) }
  }
  /// The CSF ids, read when a requirements file first uses the framework: reading the bundled
  /// CSF data is a YAML parse that most rankings do not need.
  private var csfIDs: CSFIDs

  public init(
    countries: Set<String>, capabilities: Set<String>, laws: Set<String>,
    csfObjectives: [String] = RequirementsVocabulary.bundledCSFObjectives,
    csfProfiles: [String] = RequirementsVocabulary.bundledCSFProfiles
  ) {
    self.countries = countries
    self.capabilities = capabilities
    self.laws = laws
    csfIDs = CSFIDs(objectives: csfObjectives, profiles: csfProfiles)
  }

  /// The ids of `catalog`, and the CSF ids of the bundled CSF data (read on first use).
  public init(catalog: Catalog) {
    countries = Set(catalog.countries.keys)
    capabilities = Set(catalog.capabilities.keys)
    laws = Set(catalog.laws.map(\.id))
    csfIDs = CSFIDs { (RequirementsVocabulary.bundledCSFObjectives, RequirementsVocabulary.bundledCSFProfiles) }
  }

  /// The ids of `catalog`, and the CSF ids of `csf`.
  public init(catalog: Catalog, csf: CSFData?) {
    self.init(
      countries: Set(catalog.countries.keys), capabilities: Set(catalog.capabilities.keys),
      laws: Set(catalog.laws.map(\.id)), csfObjectives: csf?.framework.objectives.map(\.id) ?? [],
      csfProfiles: csf?.profiles.map(\.id) ?? [])
  }

  public static func == (a: Self, b: Self) -> Bool {
    a.countries == b.countries && a.capabilities == b.capabilities && a.laws == b.laws
      && a.csfObjectives == b.csfObjectives && a.csfProfiles == b.csfProfiles
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(countries)
    hasher.combine(capabilities)
    hasher.combine(laws)
    hasher.combine(csfObjectives)
    hasher.combine(csfProfiles)
  }

  /// The objective ids of the bundled CSF framework.
  public static let bundledCSFObjectives = CSFData.bundled?.framework.objectives.map(\.id) ?? []
  /// The profile ids shipped in `data/csf/profiles/`.
  public static let bundledCSFProfiles = CSFData.bundled?.profiles.map(\.id) ?? []

  /// The country groups accepted in `residency` besides country codes.
  public static let groups = ["EU", "EEA"]
}

/// CSF objective and profile ids, given or read on first use (the bundled ones come from static
/// constants, which Swift initialises once, thread-safely).
private struct CSFIDs: Sendable {
  private let read: @Sendable () -> (objectives: [String], profiles: [String])

  init(objectives: [String], profiles: [String]) { read = { (objectives, profiles) } }
  init(_ read: @escaping @Sendable () -> (objectives: [String], profiles: [String])) { self.read = read }

  var value: (objectives: [String], profiles: [String]) { read() }
}
