import Foundation
import Testing

@testable import SovereignCatalogCore

/// ``BinaryEncoder`` / ``BinaryDecoder``: every `Codable` shape the catalog uses round-trips,
/// the bytes are reproducible, and corrupt bytes give an error, never a crash.
@Suite struct BinaryCodingTests {
  enum Kind: String, Codable, Hashable { case alpha, beta }

  struct Inner: Codable, Hashable {
    var name: String
    var score: Double
  }

  struct Sample: Codable, Hashable {
    var text: String
    var empty: String
    var unicode: String
    var integers: [Int]
    var extremes: [Int64]
    var unsigned: UInt64
    var small: UInt8
    var flags: [Bool]
    var doubles: [Double]
    var optional: String?
    var missing: Int?
    var kind: Kind
    var nested: [Inner]
    var table: [String: Inner]
    var matrix: [[Double]]
    var known: Known<[String]>
    var unknown: Known<Int>
    var date: CalendarDate
  }

  static let sample = Sample(
    text: "SecNumCloud 3.2", empty: "", unicode: "Société Générale — 数据 🇪🇺", integers: [0, 1, -1, 127, 128, -129, 300_000],
    extremes: [.min, .max, 0], unsigned: .max, small: 255, flags: [true, false], doubles: [0, -0.0, 1.5, .pi, 1e-300, -2.5e300],
    optional: "present", missing: nil, kind: .beta,
    nested: [Inner(name: "a", score: 0.25), Inner(name: "b", score: 1)],
    table: ["z": Inner(name: "last", score: 3), "a": Inner(name: "first", score: 2), "m": Inner(name: "mid", score: -1)],
    matrix: [[1, 2], [], [3]], known: .known(["x", "y"]), unknown: .unknown, date: CalendarDate(iso: "2026-05-16")!)

  static func decode<T: Decodable>(_ type: T.Type, _ bytes: [UInt8]) throws -> T {
    try bytes.withUnsafeBytes { try BinaryDecoder().decode(type, from: $0) }
  }

  @Test func everyShapeRoundTrips() throws {
    let bytes = try BinaryEncoder().encode(Self.sample)
    let decoded = try Self.decode(Sample.self, bytes)
    #expect(decoded == Self.sample)
    #expect(decoded.doubles[1].sign == .minus, "-0.0 keeps its sign")
  }

  @Test func bytesAreReproducibleWhateverTheDictionaryOrder() throws {
    var other = Self.sample
    other.table = Dictionary(uniqueKeysWithValues: Self.sample.table.sorted { $0.key > $1.key })
    #expect(try BinaryEncoder().encode(other) == BinaryEncoder().encode(Self.sample))
  }

  @Test func aMissingKeyAndATypeMismatchAreErrors() throws {
    let bytes = try BinaryEncoder().encode(Inner(name: "a", score: 1))
    struct Wider: Decodable { var name: String; var extra: String }
    struct Wrong: Decodable { var name: Double }
    #expect(throws: DecodingError.self) { try Self.decode(Wider.self, bytes) }
    #expect(throws: DecodingError.self) { try Self.decode(Wrong.self, bytes) }
    #expect(throws: DecodingError.self) { try Self.decode(UInt8.self, BinaryEncoder().encode(300)) }
  }

  /// Every truncation and every single-byte change of a real encoding either decodes or throws.
  @Test func corruptBytesNeverCrash() throws {
    let bytes = try BinaryEncoder().encode(Self.sample)
    for length in 0..<bytes.count {
      #expect(throws: (any Error).self) { try Self.decode(Sample.self, Array(bytes[..<length])) }
    }
    var rejected = 0
    for index in bytes.indices {
      for value: UInt8 in [0x00, 0x07, 0x7F, 0x80, 0xFF] where bytes[index] != value {
        var changed = bytes
        changed[index] = value
        if (try? Self.decode(Sample.self, changed)) == nil { rejected += 1 }
      }
    }
    #expect(rejected > 0)
  }

  /// The bundled catalog itself: the compiled form decodes to what it encoded.
  @Test func catalogHeaderRoundTrips() throws {
    let catalog = try CatalogLoader.load(files: CatalogLoader.files(in: CompiledCatalogTests.dataDirectory))
    let bytes = try CompiledCatalog.encode(catalog)
    let again = try CompiledCatalog.decode(bytes)
    #expect(again.providers == catalog.providers)
    #expect(again.entities == catalog.entities)
    #expect(again.laws == catalog.laws)
    #expect(again.rules == catalog.rules)
  }
}
