import Foundation

/// The pre-validated form of a loaded ``Catalog`` that the build embeds for the bundled catalog,
/// so that `Catalog.bundled()` needs no YAML parsing at run time.
///
/// `EmbedCatalogTool` loads `data/` with ``CatalogLoader`` (the strict path `--catalog` takes;
/// an invalid catalog fails the build with its file:line:column messages), then encodes the
/// result here. The encoding is the model's own `Codable` JSON (sorted keys, reproducible) plus
/// what that JSON leaves out on purpose: the source location of every offering and entity, used
/// in messages. Decoding gives a catalog equal (`==`) to the one loaded from the YAML files.
public enum CompiledCatalog {
  /// Format version, checked on decoding; bump when the encoding changes.
  public static let version = 1

  struct Snapshot: Codable {
    var version: Int
    var providers: [Provider]
    var entities: [String: LegalEntity]
    var laws: [Law]
    var countries: [String: Country]
    var capabilities: [String: String]
    var rules: [DerivationRule]
    /// Per provider, per offering (in catalog order): where the offering is declared.
    var offeringLocations: [[SourceLocation]]
    /// Per entity id: where the entity is declared.
    var entityLocations: [String: SourceLocation]
  }

  /// The compact encoding of `catalog` (UTF-8 JSON, one line).
  public static func encode(_ catalog: Catalog) throws -> [UInt8] {
    let snapshot = Snapshot(
      version: version, providers: catalog.providers, entities: catalog.entities, laws: catalog.laws,
      countries: catalog.countries, capabilities: catalog.capabilities, rules: catalog.rules,
      offeringLocations: catalog.providers.map { $0.offerings.map(\.location) },
      entityLocations: catalog.entities.mapValues(\.location))
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return Array(try encoder.encode(snapshot))
  }

  /// The catalog encoded by ``encode(_:)``.
  ///
  /// - Throws: `DecodingError` when the bytes are not this version's encoding.
  public static func decode(_ bytes: some Sequence<UInt8>) throws -> Catalog {
    let snapshot = try JSONDecoder().decode(Snapshot.self, from: Data(bytes))
    guard snapshot.version == version, snapshot.offeringLocations.count == snapshot.providers.count else {
      throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "compiled catalog of another version"))
    }
    var providers = snapshot.providers
    for p in providers.indices {
      let locations = snapshot.offeringLocations[p]
      guard locations.count == providers[p].offerings.count else {
        throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "offering locations do not match"))
      }
      for o in providers[p].offerings.indices { providers[p].offerings[o].location = locations[o] }
    }
    var entities = snapshot.entities
    for (id, location) in snapshot.entityLocations { entities[id]?.location = location }
    return Catalog(
      providers: providers, entities: entities, laws: snapshot.laws, countries: snapshot.countries,
      capabilities: snapshot.capabilities, rules: snapshot.rules)
  }
}
