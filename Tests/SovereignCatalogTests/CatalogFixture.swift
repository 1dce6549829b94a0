import Foundation
import SovereignCatalog

/// A small valid catalog, as in-memory files, that tests change one line at a time.
enum CatalogFixture {
  static let countries = """
    countries:
      FR: { name: France, eu: yes, eea: yes }
      IE: { name: Ireland, eu: yes, eea: yes }
      US: { name: United States, eu: no, eea: no }
      CH: { name: Switzerland, eu: no, eea: no }
    """

  static let capabilities = """
    capabilities:
      vm: Virtual machines
      kubernetes: Managed Kubernetes
      object-storage: Object storage
    """

  static let law = """
    id: us-cloud-act
    name: US CLOUD Act
    jurisdiction: [US]
    citation: 18 U.S.C. § 2713
    summary: Providers under US jurisdiction must disclose data in their possession, custody or control.
    extraterritorial: yes
    reach: [seat, headquarters, control]
    source: law
    sources:
      law:
        url: https://www.govinfo.gov/content/pkg/PLAW-115publ141/html/PLAW-115publ141.htm
        as_of: 2018-03-23
    """

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
      hds:
        url: https://example.org/hds
        as_of: 2025-03-19
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
    [
      CatalogFile(relativePath: "vocabularies/countries.yaml", contents: Array(countries.utf8)),
      CatalogFile(relativePath: "vocabularies/capabilities.yaml", contents: Array(capabilities.utf8)),
      CatalogFile(relativePath: "laws/us-cloud-act.yaml", contents: Array(law.utf8)),
      CatalogFile(relativePath: "providers/example-cloud.yaml", contents: Array(provider.utf8)),
    ] + extra
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
