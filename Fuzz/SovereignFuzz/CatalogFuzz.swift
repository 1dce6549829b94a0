import SovereignCatalog

/// Fuzzes the catalog loader on one provider file (the fuzzed input) beside the bundled
/// vocabularies and laws: the loader must return a catalog or throw at least one diagnostic.
enum CatalogFuzz {
  static let fixedFiles: [CatalogFile] = Catalog.bundledFiles.filter { !$0.relativePath.hasPrefix("providers/") }

  static func run(_ bytes: [UInt8]) {
    let provider = CatalogFile(relativePath: "providers/fuzz-provider.yaml", contents: bytes)
    do {
      let catalog = try CatalogLoader.load(files: fixedFiles + [provider])
      fuzzCheck(catalog.providers.count == 1, "one provider file gave \(catalog.providers.count) providers")
    } catch {
      fuzzCheck(!error.diagnostics.isEmpty, "the loader threw no diagnostic")
      _ = error.description
    }
  }
}
