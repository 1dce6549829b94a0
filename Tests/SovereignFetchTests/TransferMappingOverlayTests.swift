import Foundation
import SovereignCatalog
import Testing

@testable import SovereignFetch

/// Transfer-mapping answers on catalog offerings, from the real OVHcloud page (one table per
/// product): an offering takes only the table whose product names it, and the answer combines
/// every actor of that table.
@Suite struct TransferMappingOverlayTests {
  static let page = "https://docs.example.org/hds-garanties"

  static func catalog() -> Catalog {
    let mapping = HDSTransparency(transferMappingURL: .known(page))
    func offering(_ id: String, _ name: String, transparency: HDSTransparency? = mapping) -> Offering {
      Offering(
        id: id, providerID: "ovhcloud", name: name, contractingEntity: "ovh-sas", serviceTypes: [.paas], provenance: Provenance(),
        hdsTransparency: transparency)
    }
    let ovh = Provider(
      id: "ovhcloud", name: "OVHcloud", website: "https://ovhcloud.com", entities: ["ovh-sas"],
      offerings: [
        offering("ovh-relational", "Relational Database"),
        offering("ovh-kubernetes", "Kubernetes"),
        offering("ovh-dedicated", "Dedicated Servers"),
        offering("ovh-other-page", "Grafana", transparency: HDSTransparency(transferMappingURL: .known("https://elsewhere.example.org"))),
      ])
    return Catalog(
      providers: [ovh],
      entities: ["ovh-sas": LegalEntity(id: "ovh-sas", name: "OVH SAS", kind: .company, seat: .known("FR"), headquarters: .known("FR"))],
      laws: [], countries: [:], capabilities: [:])
  }

  static func overlaid(_ entries: [CertificationRecord]) -> OverlaidCatalog {
    let metadata = SnapshotMetadata(
      source: "hds-transfer-mapping/ovhcloud", requestedURL: page, url: page, fetchedAt: "2026-11-20T08:00:00.000Z", httpStatus: 200,
      etag: nil, lastModified: nil, contentType: "text/html", sha256: "", parser: "hds-transfer-mapping",
      parserVersion: TransferMappingParser.version, entryCount: entries.count)
    let definition = SourceDefinition(
      id: "hds-transfer-mapping", publisher: "the host", certifies: "HDS transfers", format: "html", parser: .hdsTransferMapping,
      contentTypes: ["text/html"], urls: [], urlsFromCatalog: true)
    return SnapshotOverlay.apply(
      to: catalog(), snapshots: [Snapshot(id: "x", metadata: metadata, entries: entries)], sources: SourceList(sources: [definition]))
  }

  @Test("each offering takes its own product's table; a processor's 'yes' makes the offering's answer yes")
  func perProductTables() throws {
    let entries = try TransferMappingParser.parse(Fixtures.bytes("real/ovh-hds-garanties.fr.html"))
    let result = Self.overlaid(entries)
    // Relational Database: OVHcloud answers no, its processor Aiven OY yes (Canada, UK).
    let relational = try #require(result.catalog.offering(id: "ovh-relational")?.hdsTransparency)
    #expect(relational.nonEEAAccess == .yes)
    #expect(relational.thirdCountryLawRisk == .yes)
    #expect(result.notes["ovh-relational"]?.first?.contains("(table \"Relational Database\"), all 2 actors combined") == true)
    // Kubernetes: OVHcloud alone, no and no.
    let kubernetes = try #require(result.catalog.offering(id: "ovh-kubernetes")?.hdsTransparency)
    #expect(kubernetes.nonEEAAccess == .no)
    #expect(kubernetes.thirdCountryLawRisk == .no)
    #expect(kubernetes.provenance.sources.first?.url == Self.page)
    // No table for Dedicated Servers (the page points elsewhere): nothing applied, and said so.
    let dedicated = try #require(result.catalog.offering(id: "ovh-dedicated")?.hdsTransparency)
    #expect(dedicated.nonEEAAccess == .unknown)
    #expect(result.notes["ovh-dedicated"]?.first?.contains("has one table per product and none names this offering") == true)
    // A page the catalog does not give the offering never answers for it, even with its product's table.
    #expect(result.catalog.offering(id: "ovh-other-page")?.hdsTransparency?.nonEEAAccess == .unknown)
    #expect(result.notes["ovh-other-page"]?.first?.contains("its answers are not applied") == true)
  }

  @Test("never another product's table: the Kubernetes offering ignores the other 17 tables")
  func neverAnotherProductsTable() throws {
    var entries = try TransferMappingParser.parse(Fixtures.bytes("real/ovh-hds-garanties.fr.html"))
    // Make every other product's host answer yes: Kubernetes must still read its own "no".
    for index in entries.indices where entries[index].product != "Kubernetes" { entries[index].nonEEAAccess = "yes" }
    #expect(Self.overlaid(entries).catalog.offering(id: "ovh-kubernetes")?.hdsTransparency?.nonEEAAccess == .no)
  }

  @Test("a snapshot stored by parser version 1 (no products, answers as printed) still loads and applies as one page")
  func version1SnapshotsStayReadable() throws {
    let stored = """
      [{"holder": "OVHcloud", "role": "Hébergeur", "hdsCertified": "yes", "nonEEAAccess": "no", "thirdCountryLawRisk": "Non1"},
       {"holder": "Aiven OY", "role": "Sous-traitant", "hdsCertified": "Exempté2", "nonEEAAccess": "no", "thirdCountryLawRisk": "no"}]
      """
    let entries = try JSONDecoder().decode([CertificationRecord].self, from: Data(stored.utf8))
    #expect(entries.count == 2 && entries.allSatisfy { $0.product == nil && $0.notes == nil && $0.nonEEAAccessText == nil })
    let result = Self.overlaid(entries)
    // No products: the page answers as a whole; "Non1" is not a plain answer, so req. 30 stays unknown.
    let kubernetes = try #require(result.catalog.offering(id: "ovh-kubernetes")?.hdsTransparency)
    #expect(kubernetes.nonEEAAccess == .no)
    #expect(kubernetes.thirdCountryLawRisk == .unknown)
  }

  @Test(arguments: [
    (["no", "no"] as [String?], TriState?.some(.no)), (["no", "yes"], .some(.yes)), (["no", "unknown"], nil), (["no", "exempted"], nil),
    (["no", nil], nil), ([], nil),
  ])
  func answersCombine(answers: [String?], expected: TriState?) {
    #expect(TransferMappingAnswers.combined(answers) == expected)
  }
}
