import Foundation
import SovereignCatalog
import SovereignTestSupport

/// A small valid catalog, as in-memory files, that tests change one line at a time.
enum CatalogFixture {
  /// A provider file; line numbers matter to the tests (see `line(of:)`).
  static let provider = """
    id: example-cloud
    name: Example Cloud
    website: https://example.org
    sources:
      legal:
        url: https://example.org/legal
        title: Legal notice
        as_of: 2026-01-15
        kind: provider
      hds:
        url: https://example.org/hds
        as_of: 2025-03-19
        kind: provider
    entities:
      - id: example-sas
        name: Example SAS
        kind: company
        seat: FR
        headquarters: FR
        source: legal
        owners:
          - owner: example-parent
            capital: 100
            votes: 100
            source: legal
        owners_complete: yes
      - id: example-parent
        name: Example Parent Inc.
        kind: company
        seat: US
        source: legal
    offerings:
      - id: example-iaas
        name: Example IaaS
        contracting_entity: example-sas
        service_types: [iaas]
        source: legal
        regions:
          source: legal
          list:
            - { country: FR, city: Paris }
        capabilities:
          source: legal
          list: [vm, kubernetes]
        certifications:
          hds:
            status: certified
            activities: [1, 2, 3, 4, 5, 6]
            referential: "2.0"
            valid_until: 2027-12-19
            source: hds
    """

  static func files(provider: String = provider, extra: [CatalogFile] = []) -> [CatalogFile] {
    let base = FixtureCatalogText.baseFiles(countries: ["FR", "IE", "US", "CH"]).sorted { $0.key < $1.key }.map {
      CatalogFile(relativePath: $0.key, contents: Array($0.value.utf8))
    }
    return base + [CatalogFile(relativePath: "providers/example-cloud.yaml", contents: Array(provider.utf8))] + extra
  }

  /// The provider file with the first occurrence of `old` replaced by `new`.
  static func provider(replacing old: String, with new: String) -> String {
    guard let range = provider.range(of: old) else { fatalError("fixture has no `\(old)`") }
    return provider.replacingCharacters(in: range, with: new)
  }

  /// 1-based line number of the first line containing `text` in `file`.
  static func line(of text: String, in file: String = provider) -> Int {
    let lines = file.split(separator: "\n", omittingEmptySubsequences: false)
    guard let index = lines.firstIndex(where: { $0.contains(text) }) else { fatalError("no line with `\(text)`") }
    return index + 1
  }

  /// Loads the files and returns the diagnostics (empty when the catalog is valid).
  static func diagnostics(_ files: [CatalogFile]) -> [Diagnostic] {
    do {
      _ = try CatalogLoader.load(files: files)
      return []
    } catch {
      return error.diagnostics
    }
  }
}
