import Dispatch
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
  public static let version = 2

  /// Everything but the providers (line 1 of the encoding).
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

  /// The compact encoding of `catalog`: UTF-8 JSON lines, the ``Header`` then one provider per
  /// line (compact JSON has no raw line break, so lines split it), so the providers, most of the
  /// bytes, decode on several cores.
  public static func encode(_ catalog: Catalog) throws -> [UInt8] {
    let header = Header(
      version: version, entities: catalog.entities, laws: catalog.laws, countries: catalog.countries,
      capabilities: catalog.capabilities, rules: catalog.rules,
      offeringLocations: catalog.providers.map { $0.offerings.map(\.location) },
      entityLocations: catalog.entities.mapValues(\.location))
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    var bytes = Array(try encoder.encode(header))
    for provider in catalog.providers {
      bytes.append(UInt8(ascii: "\n"))
      bytes += try encoder.encode(provider)
    }
    return bytes
  }

  /// The catalog encoded by ``encode(_:)``.
  ///
  /// - Throws: `DecodingError` when the bytes are not this version's encoding.
  public static func decode(_ bytes: some Sequence<UInt8>) throws -> Catalog {
    let lines = Array(bytes).split(separator: UInt8(ascii: "\n"))
    guard let first = lines.first else { throw corrupted("empty compiled catalog") }
    let header = try JSONDecoder().decode(Header.self, from: Data(first))
    guard header.version == version, header.offeringLocations.count == lines.count - 1 else {
      throw corrupted("compiled catalog of another version")
    }
    var providers = try decodeProviders(Array(lines.dropFirst()))
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

  /// Decodes the provider lines, interleaved over the cores; the first error in line order wins.
  static func decodeProviders(_ lines: [ArraySlice<UInt8>]) throws -> [Provider] {
    let results = UnsafeMutableBufferPointer<Result<Provider, any Error>?>.allocate(capacity: lines.count)
    results.initialize(repeating: nil)
    defer { results.deallocate() }
    let slots = ResultSlots(base: results.baseAddress!)
    let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, lines.count / 8))
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
      let decoder = JSONDecoder()
      var k = worker
      while k < lines.count {
        slots.base[k] = Result { try decoder.decode(Provider.self, from: Data(lines[k])) }
        k += workers
      }
    }
    return try results.map { try $0!.get() }
  }

  static func corrupted(_ message: String) -> DecodingError {
    DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: message))
  }
}

/// The decoding workers' result slots (each writes only its own lines).
private struct ResultSlots: @unchecked Sendable {
  let base: UnsafeMutablePointer<Result<Provider, any Error>?>
}
