/// The whole catalog: providers with their offerings, legal entities, laws and vocabularies.
///
/// Load the bundled catalog with ``bundled()``, or another directory with
/// ``load(directory:)``; both check the data strictly (see ``CatalogLoader``).
public struct Catalog: Sendable {
  /// Providers, sorted by id.
  public var providers: [Provider]
  /// Every legal entity, by id.
  public var entities: [String: LegalEntity]
  /// Laws, sorted by id.
  public var laws: [Law]
  /// Known countries, by ISO alpha-2 code.
  public var countries: [String: Country]
  /// Capability vocabulary: id to description.
  public var capabilities: [String: String]
  /// Derivation rules (`rules/`), sorted by id: facts the engine derives from the facts read.
  public var rules: [DerivationRule]
  /// What-if values that replace catalog facts (`--assume`), in the order given; empty for the
  /// catalog as sourced. Set by ``assuming(_:on:)``.
  public var assumptions: [Assumption] = []

  public init(
    providers: [Provider], entities: [String: LegalEntity], laws: [Law], countries: [String: Country],
    capabilities: [String: String], rules: [DerivationRule] = []
  ) {
    self.providers = providers.sorted { $0.id < $1.id }
    self.entities = entities
    self.laws = laws.sorted { $0.id < $1.id }
    self.countries = countries
    self.capabilities = capabilities
    self.rules = rules.sorted { $0.id < $1.id }
  }

  /// The first rule of a kind, if the catalog has one.
  public func rule(_ kind: DerivationRule.Kind) -> DerivationRule? {
    rules.first { $0.kind == kind }
  }

  /// The provider with this id.
  public func provider(id: String) -> Provider? {
    providers.first { $0.id == id }
  }

  /// The offering with this id.
  public func offering(id: String) -> Offering? {
    for provider in providers {
      if let offering = provider.offerings.first(where: { $0.id == id }) { return offering }
    }
    return nil
  }

  /// The law with this id.
  public func law(id: String) -> Law? {
    laws.first { $0.id == id }
  }

  /// Every offering of every provider, in provider then file order.
  public var offerings: [Offering] {
    providers.flatMap(\.offerings)
  }

  /// True when `code` is a member state of the EU.
  public func isEU(_ code: String) -> Bool { countries[code]?.isEU ?? false }

  /// True when `code` is in the European Economic Area.
  public func isEEA(_ code: String) -> Bool { countries[code]?.isEEA ?? false }
}
