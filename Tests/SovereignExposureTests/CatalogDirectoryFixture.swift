import Foundation
import SovereignCatalog
import SovereignTestSupport

/// A small catalog directory on disk: the bundled vocabularies and law files, plus two provider
/// files shaped like the catalog's `microsoft-azure` and `clever-cloud` (facts invented for the
/// test, sources pointing at example.org).
enum CatalogDirectoryFixture {
  static let microsoftAzure = """
    id: microsoft-azure
    name: Microsoft Azure
    website: https://azure.microsoft.com
    sources:
      registry:
        url: https://example.org/msft-registry
        title: Test registry extract
        as_of: 2026-01-15
        kind: registry
      annual-report:
        url: https://example.org/msft-annual-report
        as_of: 2025-07-30
        kind: provider
    entities:
      - id: microsoft-ireland-operations
        name: Microsoft Ireland Operations Ltd
        kind: company
        seat: IE
        headquarters: IE
        source: registry
        owners:
          - owner: microsoft-ireland-holdings
            capital: 100
            source: registry
        owners_complete: yes
      - id: microsoft-ireland-holdings
        name: Microsoft Ireland Holdings Ltd
        kind: company
        seat: IE
        headquarters: IE
        source: registry
        owners:
          - owner: microsoft-corporation
            capital: 100
            source: registry
        owners_complete: unknown
      - id: microsoft-corporation
        name: Microsoft Corporation
        kind: company
        seat: US
        headquarters: US
        listed: yes
        source: annual-report
        owners:
          - owner: microsoft-shareholders
            capital: 100
            source: annual-report
        owners_complete: yes
      - id: microsoft-shareholders
        name: Microsoft public float
        kind: public-float
    offerings:
      - id: microsoft-azure-france
        name: Microsoft Azure (France Central)
        contracting_entity: microsoft-ireland-operations
        service_types: [iaas, paas]
        source: registry
        regions:
          source: registry
          list:
            - { country: FR, city: Paris, name: francecentral }

    """

  static let cleverCloud = """
    id: clever-cloud
    name: Clever Cloud
    website: https://www.clever-cloud.com
    sources:
      cc-legal:
        url: https://example.org/cc-legal
        title: Test legal notice
        as_of: 2026-01-15
        kind: provider
    entities:
      - id: clever-cloud-sas
        name: Clever Cloud SAS
        kind: company
        seat: FR
        headquarters: FR
        source: cc-legal
        owners:
          - owner: clever-cloud-founder
            capital: unknown
            source: cc-legal
        owners_complete: unknown
      - id: clever-cloud-founder
        name: A founder
        kind: person
        seat: FR
        source: cc-legal
    offerings:
      - id: clever-cloud-paas
        name: Clever Cloud PaaS (Paris)
        contracting_entity: clever-cloud-sas
        service_types: [paas]
        source: cc-legal
        hds_transparency:
          eea_only_storage: yes
          non_eea_access: no
          access_countries: [FR]
          source: cc-legal

    """

  /// Writes the fixture into a new temporary directory and returns it (the caller removes it).
  static func write() throws -> URL {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("exposure-fixture-\(UUID().uuidString)")
    for file in Catalog.bundledFiles where file.relativePath.hasPrefix("vocabularies/") || file.relativePath.hasPrefix("laws/") {
      try FixtureCatalogText.write(Data(file.contents), to: root.appendingPathComponent(file.relativePath))
    }
    try FixtureCatalogText.write(["providers/microsoft-azure.yaml": microsoftAzure, "providers/clever-cloud.yaml": cleverCloud], into: root)
    return root
  }
}
