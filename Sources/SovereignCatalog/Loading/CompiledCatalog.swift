import Dispatch
import Foundation

/// The pre-validated form of a loaded ``Catalog`` that the build embeds for the bundled catalog,
/// so that `Catalog.bundled()` needs no YAML parsing at run time.
///
/// `EmbedCatalogTool` loads `data/` with ``CatalogLoader`` (the strict path `--catalog` takes;
/// an invalid catalog fails the build with its file:line:column messages), then encodes the
/// result here. The encoding is the model's own `Codable` form written by ``BinaryEncoder``
/// (reproducible: keys sorted) plus what that form leaves out on purpose: the source location of
/// every offering and entity, used in messages. Decoding gives a catalog equal (`==`) to the
/// one loaded from the YAML files.
///
/// Layout: the parts framed by ``BinaryEncoder/frame(_:)``: the ``Header``, then one part per
/// provider, so the providers (most of the bytes) decode on several cores. The binary
/// form decodes several times faster than the JSON of version 2, which was most of the start-up
/// of a `sovereign rank`; ``CompactReader`` reads it into the model types without `Codable`
/// (``BinaryDecoder``, the generic `Codable` reader of the same form, gives the same catalog).
public enum CompiledCatalog {
  /// Format version, checked on decoding; bump when the encoding changes.
  public static let version = 3

  /// Everything but the providers (the first part).
  struct Header: Codable {
    var version: Int
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

  /// The compact encoding of `catalog`.
  public static func encode(_ catalog: Catalog) throws -> [UInt8] {
    let header = Header(
      version: version, entities: catalog.entities, laws: catalog.laws, countries: catalog.countries,
      capabilities: catalog.capabilities, rules: catalog.rules,
      offeringLocations: catalog.providers.map { $0.offerings.map(\.location) },
      entityLocations: catalog.entities.mapValues(\.location))
    let encoder = BinaryEncoder()
    return BinaryEncoder.frame(try [encoder.encode(header)] + catalog.providers.map(encoder.encode))
  }

  /// The catalog encoded by ``encode(_:)``.
  ///
  /// - Throws: `DecodingError` when the bytes are not this version's encoding.
  public static func decode(_ bytes: [UInt8]) throws -> Catalog {
    try bytes.withUnsafeBytes { try decode($0) }
  }

  /// The catalog encoded by ``encode(_:)``, read in place.
  static func decode(_ bytes: UnsafeRawBufferPointer, workers: Int = ProcessorCount.active) throws -> Catalog {
    let parts = try BinaryDecoder.parts(of: bytes)
    guard let first = parts.first else { throw corrupted("empty compiled catalog") }
    let providers = parts.count - 1
    let header = try CompactReader.read(Header.self, from: first)
    guard header.version == version, header.offeringLocations.count == providers else {
      throw corrupted("compiled catalog of another version")
    }
    return try assemble(header, providers: decodeProviders(Array(parts.dropFirst()), workers: workers))
  }

  /// The catalog from the base64 text of ``encode(_:)`` that `EmbedCatalogTool` embeds.
  ///
  /// `workers`: the threads that decode the providers (the caller's included).
  public static func decode(base64 text: String, workers: Int = ProcessorCount.active) throws -> Catalog {
    guard let data = Data(base64Encoded: text) else { throw corrupted("the compiled catalog is not base64") }
    return try data.withUnsafeBytes { try decode($0, workers: workers) }
  }

  static func assemble(_ header: Header, providers decoded: [Provider]) throws -> Catalog {
    var providers = decoded
    for p in providers.indices {
      let locations = header.offeringLocations[p]
      guard locations.count == providers[p].offerings.count else { throw corrupted("offering locations do not match") }
      for o in providers[p].offerings.indices { providers[p].offerings[o].location = locations[o] }
    }
    var entities = header.entities
    for (id, location) in header.entityLocations { entities[id]?.location = location }
    return Catalog(
      providers: providers, entities: entities, laws: header.laws, countries: header.countries,
      capabilities: header.capabilities, rules: header.rules)
  }

  /// Decodes the provider parts, interleaved over the cores; the first error in part order wins.
  static func decodeProviders(_ parts: [UnsafeRawBufferPointer], workers: Int) throws -> [Provider] {
    let workers = min(workers, parts.count / 8)
    return try InterleavedMap.map(parts.count, workers: workers) { k in
      Result { try CompactReader.read(Provider.self, from: parts[k]) }
    }.map { try $0.get() }
  }

  static func corrupted(_ message: String) -> DecodingError {
    DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: message))
  }
}
