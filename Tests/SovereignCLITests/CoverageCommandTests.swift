import Foundation
import Sovereign
import SovereignTestSupport
import Testing

/// `sovereign coverage`: the JSON contract on a fixture catalog, and the library analysis behind it.
@Suite struct CoverageCommandTests {
  /// One provider, two offerings: a certified HDS host (certificate valid until 2099, referential
  /// not recorded, access countries declared) and a SecNumCloud service whose qualification ended.
  static let provider = """
    id: acme
    name: Acme Cloud
    website: https://acme.example
    sources:
      registry:
        url: https://example.org/acme-registry
        as_of: 2026-06-01
        kind: registry
      cert-page:
        url: https://example.org/acme-hds
        as_of: 2026-06-01
        kind: provider
      old-press:
        url: https://example.org/press-2020
        as_of: 2020-01-01
        kind: secondary
    entities:
      - id: acme-sas
        name: Acme SAS
        kind: company
        seat: FR
        headquarters: FR
        source: registry
        owners:
          - owner: acme-founder
            capital: 100
            source: registry
        owners_complete: yes
      - id: acme-founder
        name: A founder
        kind: person
        seat: FR
        headquarters: FR
        source: registry
    offerings:
      - id: acme-hds
        name: Acme HDS hosting
        contracting_entity: acme-sas
        service_types: [iaas]
        source: cert-page
        regions:
          list: [{ country: FR }]
          source: old-press
        certifications:
          hds:
            status: certified
            activities: [1, 2, 3, 4, 5, 6]
            referential: unknown
            valid_until: 2099-12-31
            source: cert-page
        hds_transparency:
          access_countries: [FR]
          source: cert-page
      - id: acme-snc
        name: Acme SecNumCloud
        contracting_entity: acme-sas
        service_types: [iaas]
        source: cert-page
        certifications:
          secnumcloud:
            status: qualified
            referential: "3.2"
            valid_until: 2026-01-31
            source: cert-page
    """

  static func writeCatalog() throws -> URL {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("coverage-fixture-\(UUID().uuidString)")
    for file in Catalog.bundledFiles
    where ["vocabularies/", "laws/us-cloud-act", "rules/"].contains(where: file.relativePath.hasPrefix) {
      try FixtureCatalogText.write(Data(file.contents), to: root.appendingPathComponent(file.relativePath))
    }
    try FixtureCatalogText.write(["providers/acme.yaml": provider], into: root)
    return root
  }

  @Test("`coverage --format json` follows the contract: offerings, providers, facts with known/derived/unknown, sources_by_kind")
  func jsonContract() throws {
    let root = try Self.writeCatalog()
    defer { try? FileManager.default.removeItem(at: root) }
    let result = try SovereignRun.run(["coverage", "--format", "json", "--catalog", root.path, "--offline"])
    #expect(result.status == 0, "\(result.stderr)")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    for key in ["offerings", "providers", "facts", "sources_by_kind"] { #expect(object[key] != nil, "missing \(key)") }
    let facts = try #require(object["facts"] as? [String: [String: Any]])
    #expect(Set(facts.keys) == Set(CoverageFact.allCases.map(\.rawValue)))
    for (id, totals) in facts {
      for key in ["known", "derived", "unknown"] { #expect(totals[key] is Int, "\(id).\(key)") }
    }
    // The HDS referential of acme-hds is derived (valid after 2026-05-16); its status is known.
    #expect(facts["hds_referential"]?["derived"] as? Int == 1)
    #expect(facts["hds_status"]?["known"] as? Int == 1 && facts["hds_status"]?["unknown"] as? Int == 1)
    #expect(facts["access_countries"]?["known"] as? Int == 1)
    #expect(facts["control_decided"]?["known"] as? Int == 2)
    let offerings = try #require(object["offerings"] as? [[String: Any]])
    #expect(offerings.map { $0["offering"] as? String } == ["acme-hds", "acme-snc"])
    let hds = try #require((offerings[0]["facts"] as? [String: [String: Any]])?["hds_referential"])
    #expect(hds["state"] as? String == "derived" && hds["value"] as? String == "2.0")
    #expect(hds["rule"] as? String == "hds-referential-2-0" && hds["grade"] as? String == "provider")
    let residency = try #require((offerings[0]["facts"] as? [String: [String: Any]])?["residency"])
    #expect(residency["state"] as? String == "known" && residency["grade"] as? String == "secondary")
    let snc = try #require((offerings[1]["facts"] as? [String: [String: Any]])?["secnumcloud_status"])
    #expect(snc["value"] as? String == "expired")
    let providers = try #require(object["providers"] as? [[String: Any]])
    #expect(providers.first?["id"] as? String == "acme" && providers.first?["offerings"] as? Int == 2)
    let kinds = try #require(object["sources_by_kind"] as? [String: Int])
    #expect(Set(kinds.keys) == Set(SourceKind.allCases.map(\.rawValue)))
    #expect(kinds["registry"] == 1 && kinds["provider"] == 1 && kinds["law"] ?? 0 >= 1)
    let stale = try #require(object["stale_sources"] as? [[String: Any]])
    #expect(stale.map { $0["id"] as? String } == ["old-press"])
  }

  @Test("the table lists each offering's facts and the totals")
  func table() throws {
    let root = try Self.writeCatalog()
    defer { try? FileManager.default.removeItem(at: root) }
    let result = try SovereignRun.run(["coverage", "--catalog", root.path, "--offline"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("Totals per fact"))
    let row = result.stdout.split(separator: "\n").first { $0.hasPrefix("acme-hds ") }
    #expect(row?.contains("Dp") == true)
    #expect(result.stdout.contains("Sources older than 365 days: 1"))
  }

  @Test("on a fixed date: certificates ending within 90 days are listed; an old HDS listing is not known current")
  func analysisOnAFixedDate() throws {
    let root = try Self.writeCatalog()
    defer { try? FileManager.default.removeItem(at: root) }
    let catalog = try CatalogLoader.load(directory: root)
    let early = CoverageAnalysis(catalog: catalog, date: CalendarDate(iso: "2025-12-01")!).report()
    #expect(early.expiringCertificates.map(\.offeringID) == ["acme-snc"])
    #expect(early.expiringCertificates.first?.daysLeft == 61)
    // Before 2026-05-16 nothing is derived; the referential stays unknown.
    #expect(early.offerings[0].facts[.hdsReferential]?.state == .unknown)
    #expect(early.facts[.secNumCloudStatus]?.known == 1)
  }

  @Test("on the bundled catalog both formats exit 0 and the JSON counts every offering")
  func bundled() throws {
    let table = try SovereignRun.run(["coverage", "--offline"])
    #expect(table.status == 0 && table.exitedNormally, "\(table.stderr)")
    #expect(table.stdout.contains("Targets"))
    let json = try SovereignRun.run(["coverage", "--offline", "--format", "json"])
    #expect(json.status == 0 && json.exitedNormally, "\(json.stderr)")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let catalog = try Catalog.bundled()
    #expect((object["offerings"] as? [Any])?.count == catalog.offerings.count)
    let targets = try #require(object["targets"] as? [String: Int])
    #expect(targets["offerings"] == catalog.offerings.count)
    let facts = try #require(object["facts"] as? [String: [String: Any]])
    for (id, totals) in facts {
      let sum = ["known", "derived", "unknown", "not_applicable"].compactMap { totals[$0] as? Int }.reduce(0, +)
      #expect(sum == catalog.offerings.count, "\(id) counts every offering once")
    }
  }

  @Test("a missing catalog directory exits 66")
  func missingCatalog() throws {
    let result = try SovereignRun.run(["coverage", "--catalog", "/nonexistent-coverage-dir", "--offline"])
    #expect(result.status == 66)
  }
}
