import SovereignCatalogCore

/// `sovereign show --format json` (and `GET /api/v1/providers/{id}`): the provider with its
/// declared legal entities and the exposure of each of its offerings.
public struct ProviderDetail: Sendable, Encodable {
  public var provider: Provider
  public var entities: [LegalEntity]
  /// The exposure engine's result for each offering (see `sovereign exposure`).
  public var exposure: [OfferingExposure]
  /// Per offering id: facts that come from lists fetched by `sovereign refresh`.
  public var snapshotNotes: [String: [String]]
  /// The day the verdicts and certificate validity are judged at.
  public var asOf: CalendarDate

  enum CodingKeys: String, CodingKey {
    case provider, entities, exposure
    case snapshotNotes = "snapshot_notes"
    case asOf = "as_of"
  }

  public init(
    provider: Provider, entities: [LegalEntity], exposure: [OfferingExposure], snapshotNotes: [String: [String]],
    asOf: CalendarDate
  ) {
    self.provider = provider
    self.entities = entities
    self.exposure = exposure
    self.snapshotNotes = snapshotNotes
    self.asOf = asOf
  }

  /// The detail of `provider` in `catalog` as of `asOf`, keeping the notes of its own offerings.
  public init(provider: Provider, catalog: Catalog, snapshotNotes notes: [String: [String]], asOf: CalendarDate) {
    self.init(
      provider: provider, entities: provider.entities.compactMap { catalog.entities[$0] },
      exposure: ExposureEngine(catalog: catalog, asOf: asOf).assess(provider: provider),
      snapshotNotes: notes.filter { id, _ in provider.offerings.contains { $0.id == id } }, asOf: asOf)
  }
}
