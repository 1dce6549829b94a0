import Foundation
import SovereignCatalog
import SovereignTestSupport
import Testing

/// The bundled catalog is compiled at build time (`EmbedCatalogTool`): it must be the catalog the
/// strict YAML path gives, and an invalid `data/` must fail the build.
@Suite struct CompiledCatalogTests {
  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  static let dataDirectory = packageRoot.appending(path: "data")

  static func json<T: Encodable>(_ value: T) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return try encoder.encode(value)
  }

  @Test func compiledCatalogEqualsTheStrictYAMLLoadOfTheSameFiles() throws {
    let compiled = try Catalog.bundled()
    let strict = try CatalogLoader.load(files: Catalog.bundledFiles)
    #expect(compiled.providers.count == strict.providers.count)
    #expect(compiled.providers.map(\.id) == strict.providers.map(\.id))
    for (a, b) in zip(compiled.providers, strict.providers) {
      #expect(try Self.json(a) == Self.json(b), "provider \(a.id): JSON differs")
      #expect(a == b, "provider \(a.id) differs (locations included)")
    }
    #expect(compiled.entities == strict.entities)
    #expect(try Self.json(compiled.entities) == Self.json(strict.entities))
    #expect(compiled.laws == strict.laws)
    #expect(compiled.countries == strict.countries)
    #expect(compiled.capabilities == strict.capabilities)
    #expect(compiled.rules == strict.rules)
    #expect(compiled.offerings.map(\.location) == strict.offerings.map(\.location))
  }

  @Test func compiledCatalogEqualsTheCatalogDirectoryOnDisk() throws {
    // What `--catalog data` reads from the package root: the same providers, byte for byte in
    // JSON (which records each provider's file as given, hence the `data/` display paths).
    let compiled = try Catalog.bundled()
    let files = try CatalogLoader.files(in: Self.dataDirectory).map {
      CatalogFile(relativePath: $0.relativePath, displayPath: "data/" + $0.relativePath, contents: $0.contents)
    }
    let onDisk = try CatalogLoader.load(files: files)
    #expect(compiled.providers.map(\.id) == onDisk.providers.map(\.id))
    for (a, b) in zip(compiled.providers, onDisk.providers) {
      #expect(try Self.json(a) == Self.json(b), "provider \(a.id): JSON differs from data/")
    }
    #expect(try Self.json(compiled.entities) == Self.json(onDisk.entities))
    #expect(try Self.json(compiled.laws) == Self.json(onDisk.laws))
    #expect(try Self.json(compiled.rules) == Self.json(onDisk.rules))
  }

  @Test func encodingRoundTripsAndRejectsOtherBytes() throws {
    let catalog = try Catalog.bundled()
    let bytes = try CompiledCatalog.encode(catalog)
    let again = try CompiledCatalog.decode(bytes)
    #expect(again.providers == catalog.providers)
    #expect(again.entities == catalog.entities)
    #expect(try CompiledCatalog.encode(again) == bytes, "the encoding is reproducible")
    #expect(throws: (any Error).self) { try CompiledCatalog.decode(Array("{}".utf8)) }
  }

  /// The build-time tool, built beside the test bundle as a host tool of the plugin.
  static var embedTool: URL {
    get throws {
      let directories = [
        Bundle.main.bundleURL.deletingLastPathComponent(), Bundle.main.bundleURL,
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
      ]
      for directory in directories {
        for name in ["EmbedCatalogTool-tool", "EmbedCatalogTool"] {
          let url = directory.appending(path: name)
          if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
      }
      throw ToolNotBuilt(description: "EmbedCatalogTool not found beside \(Bundle.main.bundleURL.path)")
    }
  }

  @Test func anInvalidBundledCatalogFailsTheBuildWithFileLineColumn() throws {
    let scratch = FileManager.default.temporaryDirectory.appending(path: "compiled-catalog-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: scratch) }
    let broken = scratch.appending(path: "data")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: Self.dataDirectory, to: broken)
    // Break one date in one provider file; the tool must name that file, line and column.
    let file = broken.appending(path: "providers/ovhcloud.yaml")
    var lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
    let index = try #require(lines.firstIndex { $0.contains("as_of: ") })
    lines[index] = lines[index].replacingOccurrences(of: #"as_of: .*"#, with: "as_of: 2024-13-45", options: .regularExpression)
    try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
    let output = scratch.appending(path: "Embedded.swift")

    let run = try SovereignRun.run([broken.path, output.path], executable: Self.embedTool)
    #expect(run.status == 65)
    #expect(run.stderr.contains("\(file.path):\(index + 1):"), "\(run.stderr)")
    #expect(run.stderr.contains("error:"))
    #expect(!FileManager.default.fileExists(atPath: output.path), "nothing half-written")

    // The untouched data compiles.
    let good = try SovereignRun.run([Self.dataDirectory.path, output.path], executable: Self.embedTool)
    #expect(good.status == 0, "\(good.stderr)")
    #expect(try String(contentsOf: output, encoding: .utf8).contains("static let compiled: String"))
  }
}

struct ToolNotBuilt: Error, CustomStringConvertible {
  var description: String
}
