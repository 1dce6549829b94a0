import Foundation
import Testing

@testable import SovereignCatalogCore

/// ``CompactReader``, which decodes the bundled catalog without `Codable`: it reads from the
/// compiled bytes exactly what the `Codable` decoder reads, field for field, and corrupt bytes
/// give an error, never a crash.
@Suite struct CompactReaderTests {
  static let catalog = Result { try CatalogLoader.load(files: CatalogLoader.files(in: CompiledCatalogTests.dataDirectory)) }

  /// The framed parts of the compiled catalog: the header, then one per provider.
  static func parts(_ bytes: [UInt8], _ body: ([UnsafeRawBufferPointer]) throws -> Void) throws {
    try bytes.withUnsafeBytes { try body(BinaryDecoder.parts(of: $0)) }
  }

  @Test func readsWhatTheCodableDecoderReadsFromTheSameBytes() throws {
    let catalog = try Self.catalog.get()
    try Self.parts(try CompiledCatalog.encode(catalog)) { parts in
      let header = try CompactReader.read(CompiledCatalog.Header.self, from: parts[0])
      let reference = try BinaryDecoder().decode(CompiledCatalog.Header.self, from: parts[0])
      #expect(header.entities == reference.entities)
      #expect(header.laws == reference.laws)
      #expect(header.countries == reference.countries)
      #expect(header.capabilities == reference.capabilities)
      #expect(header.rules == reference.rules)
      #expect(header.offeringLocations == reference.offeringLocations)
      #expect(header.entityLocations == reference.entityLocations)
      #expect(parts.count == catalog.providers.count + 1)
      for (part, provider) in zip(parts.dropFirst(), catalog.providers) {
        let read = try CompactReader.read(Provider.self, from: part)
        #expect(read == (try BinaryDecoder().decode(Provider.self, from: part)), "provider \(provider.id)")
        // The compiled form leaves out the offerings' locations (the header has them).
        var expected = provider
        for index in expected.offerings.indices { expected.offerings[index].location = read.offerings[index].location }
        #expect(read == expected, "provider \(provider.id)")
      }
    }
  }

  /// The providers decode on one thread (the command line's prefetch) or on several: same catalog.
  @Test func oneThreadOrSeveralGiveTheSameCatalog() throws {
    let bytes = try CompiledCatalog.encode(try Self.catalog.get())
    let text = Data(bytes).base64EncodedString()
    let one = try CompiledCatalog.decode(base64: text, workers: 1)
    let four = try CompiledCatalog.decode(base64: text, workers: 4)
    #expect(one.providers == four.providers)
    #expect(one.entities == four.entities)
    #expect(one.providers == (try CompiledCatalog.decode(bytes)).providers)
  }

  /// Optional fields absent, `unknown` values, every kind of certification: a provider written
  /// for the test rather than taken from `data/`, read back equal.
  @Test func readsEveryOptionalAndUnknownShape() throws {
    let source = Source(id: "s", url: "https://example.org", asOf: CalendarDate(iso: "2026-01-02")!, kind: .registry)
    let sourced = Provenance([source])
    var bare = Offering(id: "bare", providerID: "p", name: "Bare", contractingEntity: "e", serviceTypes: [], provenance: Provenance())
    bare.aliases = []
    var full = Offering(
      id: "full", providerID: "p", name: "Full", contractingEntity: "e", operators: ["e", "f"], serviceTypes: [.iaas, .saas],
      provenance: sourced, regions: .init(list: .known([Region(country: "FR", city: "Paris", name: "paris-1"), Region(country: "DE")]), provenance: sourced),
      capabilities: .init(list: ["kms"], provenance: sourced), openSourceStack: Fact(.yes, provenance: sourced),
      certifications: Certifications(
        hds: HDSCertification(status: .certified, activities: .known([1, 6]), referential: .known("2.0"), validUntil: .known(CalendarDate(iso: "2029-05-16")!), provenance: sourced),
        secNumCloud: SecNumCloudQualification(status: .inProgress, milestone: .known("J1"), qualifiedOn: .unknown, provenance: sourced),
        others: [OtherCertification(scheme: "iso-27001", status: .notCertified), OtherCertification(scheme: "bsi-c5", status: .certified, level: .known("type 2"))]),
      hdsTransparency: HDSTransparency(eeaOnlyStorage: .yes, nonEEAAccess: .no, accessCountries: .known([]), transferMappingURL: .known("https://example.org/map")),
      subprocessors: [Subprocessor(entity: "g", role: "support", access: .unknown), Subprocessor(entity: "h", access: .yes, accessCountries: .known(["US"]))],
      notes: "with notes")
    full.aliases = ["Full One"]
    let provider = Provider(id: "p", name: "P", website: "https://example.org", summary: nil, sources: [source], entities: ["e"], offerings: [bare, full], file: "providers/p.yaml")
    let bytes = try BinaryEncoder().encode(provider)
    let read = try bytes.withUnsafeBytes { try CompactReader.read(Provider.self, from: $0) }
    #expect(read == provider)

    var entity = LegalEntity(
      id: "e", name: "E", kind: .publicFloat, seat: .known("FR"), headquarters: .unknown, listed: .yes,
      owners: [OwnershipEdge(owner: "x", capital: .known(50.5), votes: .unknown, veto: .no, boardMajority: .unknown, controlling: .yes, provenance: sourced)],
      ownersComplete: .no, declaredIn: "entities.yaml", provenance: sourced)
    entity.aliases = ["E SA"]
    let entityBytes = try BinaryEncoder().encode(entity)
    #expect(try entityBytes.withUnsafeBytes { try CompactReader.read(LegalEntity.self, from: $0) } == entity)
  }

  @Test func aMissingFieldAWrongTypeAndAnUnknownEnumValueAreErrors() throws {
    struct NoKind: Encodable { var id = "s", url = "u", as_of = "2026-01-02" }
    struct BadKind: Encodable { var id = "s", url = "u", as_of = "2026-01-02", kind = "rumour" }
    struct BadDate: Encodable { var id = "s", url = "u", as_of = "2026-13-45", kind = "registry" }
    struct NumberID: Encodable { var id = 3, url = "u", as_of = "2026-01-02", kind = "registry" }
    for bytes in [
      try BinaryEncoder().encode(NoKind()), try BinaryEncoder().encode(BadKind()), try BinaryEncoder().encode(BadDate()),
      try BinaryEncoder().encode(NumberID()), try BinaryEncoder().encode(["a", "b"]),
    ] {
      #expect(throws: DecodingError.self) { try bytes.withUnsafeBytes { try CompactReader.read(Source.self, from: $0) } }
    }
  }

  /// Every truncation and many single-byte changes of a real provider's encoding either read or throw.
  @Test func corruptBytesNeverCrash() throws {
    let provider = try #require(try Self.catalog.get().providers.first { $0.offerings.count > 1 })
    let bytes = try BinaryEncoder().encode(provider)
    func read(_ bytes: [UInt8]) throws -> Provider { try bytes.withUnsafeBytes { try CompactReader.read(Provider.self, from: $0) } }
    for length in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 2000)) {
      #expect(throws: (any Error).self) { try read(Array(bytes[..<length])) }
    }
    var rejected = 0
    for index in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 1500)) {
      for value: UInt8 in [0x00, 0x07, 0x7F, 0x80, 0xFF] where bytes[index] != value {
        var changed = bytes
        changed[index] = value
        if (try? read(changed)) == nil { rejected += 1 }
      }
    }
    #expect(rejected > 0)
  }
}
