import Foundation
import SovereignTestSupport
import Testing

@testable import SovereignFetch

/// The transfer-mapping parser on real requirement-31 pages (Fixtures/real/, see
/// README-transfer-mappings.md). Expected rows are written from the page sources.
@Suite struct RealTransferMappingTests {
  static let ovhAccessNo = "Non, aucun accès aux données depuis un pays tiers à l’Espace Économique Européen"
  static let aivenAccess = "Oui. Pays concernés couverts par une décision d’adéquation au sens de l’article 45 du RGPD : Canada, Royaume-Uni."
  static let footnote1 = "1: OVHcloud respecte l'ensemble des exigences du chapitre 19.6 du référentiel SecNumCloud relatif à la protection vis-à-vis du droit extra-européen."
  static let footnote2 = "2: Exemption de Aiven au titre du contrôle exercé par OVHcloud sur la prestation de son sous-traitant Aiven OY, vérifié lors des audits de certification."
  static let footnote3 = "3: Voir le tableau ci-dessous."

  /// (product, activities of the OVHcloud row, Aiven OY also listed), in page order.
  static let ovhTables: [(String, [Int], Bool)] = [
    ("File Storage", [1, 2, 3, 4, 5, 6], false),
    ("Block Storage", [1, 2, 3, 4, 5, 6], false),
    ("Public Cloud Instances", [1, 2, 3, 4, 6], false),
    ("AI Deploy", [1, 2, 3, 4, 5, 6], false),
    ("AI Notebooks", [1, 2, 3, 4, 5, 6], false),
    ("AI Training", [1, 2, 3, 4, 5, 6], false),
    ("Data Processing", [1, 2, 3, 4, 5, 6], false),
    ("Kubernetes", [1, 2, 3, 4, 5, 6], false),
    ("Search Engine Software Platform", [1, 2, 3], true),
    ("Timeseries", [1, 2, 3], true),
    ("In-Memory Database", [1, 2, 3], true),
    ("Document Database", [1, 2, 3, 4, 5, 6], false),
    ("Relational Database", [1, 2, 3], true),
    ("Message Broker", [1, 2, 3], true),
    ("Private Registry", [1, 2, 3, 4, 5, 6], false),
    ("Log Data Platform", [1, 2, 3, 4, 5, 6], false),
    ("Grafana", [1, 2, 3], true),
    ("Emails on private infrastructures", [1, 2, 3, 4, 5, 6], false),
  ]

  @Test("OVHcloud: 24 rows, 18 tables with their product, footnote markers out of the answers and into notes")
  func ovhcloudPage() throws {
    let records = try TransferMappingParser.parse(Fixtures.bytes("real/ovh-hds-garanties.fr.html"))
    #expect(records.count == 24)
    #expect(Self.ovhTables.filter { !$0.2 }.count == 12)
    #expect(Self.ovhTables.filter(\.2).count == 6)
    var position = 0
    for (product, activities, withAiven) in Self.ovhTables {
      try #require(position < records.count)
      let host = records[position]
      #expect(host.holder == "OVHcloud")
      #expect(host.product == product)
      #expect(host.role == "Hébergeur")
      #expect(host.hdsCertified == "yes" && host.hdsCertifiedText == "Oui")
      #expect(host.secNumCloudQualified == "no" && host.secNumCloudQualifiedText == "Non")
      #expect(host.activities == activities, "\(product)")
      #expect(host.nonEEAAccess == "no")
      #expect(host.nonEEAAccessText == Self.ovhAccessNo)
      #expect(host.thirdCountryLawRisk == "no")
      #expect(host.thirdCountryLawRiskText == "Non")
      #expect(host.notes == [Self.footnote1])
      position += 1
      guard withAiven else { continue }
      let aiven = records[position]
      #expect(aiven.holder == "Aiven OY")
      #expect(aiven.product == product)
      #expect(aiven.role == "Sous-traitant")
      #expect(aiven.hdsCertified == "exempted" && aiven.hdsCertifiedText == "Exempté")
      #expect(aiven.secNumCloudQualified == "no")
      #expect(aiven.activities == [4, 5, 6])
      #expect(aiven.nonEEAAccess == "yes")
      #expect(aiven.nonEEAAccessText == Self.aivenAccess)
      #expect(aiven.thirdCountryLawRisk == "yes")
      #expect(aiven.thirdCountryLawRiskText == "Oui : Voir le tableau ci-dessous. Canada, Royaume-Uni.")
      let notes = aiven.notes ?? []
      #expect(notes.prefix(2) == [Self.footnote2, Self.footnote3])
      // The 19.6 table that follows becomes a finding on the row declaring the risk, not a row.
      #expect(notes.count == 3)
      #expect(notes.last?.hasPrefix("Critères du 19.6 de SecNumCloud non respectés: 19.6.b relatif au capital social et aux droits de vote 19.6.c relatif au recours à des sociétés tierces (sociétés appartenant au groupe Aiven); Mesures de réduction du risque déployées: - Durée de conservation") == true)
      position += 1
    }
    #expect(position == records.count)
    #expect(!records.contains { $0.holder.contains("19.6") || $0.holder.contains("Critères") })
    #expect(!records.contains { ["Dedicated Server", "Managed Private Cloud", "Private Cloud SecNumCloud"].contains($0.product ?? "") })
    // Each row has its own key, so snapshots compare row by row.
    #expect(Set(records.map(\.key)).count == 24)
  }

  @Test("Extra Horizon: 3 rows in English, no product (one table under the page title)")
  func extraHorizonPage() throws {
    let records = try TransferMappingParser.parse(Fixtures.bytes("real/extrahorizon-hdh-representation-of-guarantees.html"))
    #expect(records.map(\.holder) == ["Extra Horizon", "Amazon Web Services (AWS)", "MongoDB"])
    #expect(records.map(\.role) == ["Host", "Procesor", "Processor"])
    #expect(records.allSatisfy { $0.product == nil && $0.notes == nil })
    #expect(records.map(\.hdsCertified) == ["yes", "yes", "yes"])
    #expect(records.map(\.secNumCloudQualified) == ["no", "no", "no"])
    #expect(records.map(\.activities) == [[1, 2, 3, 4, 5, 6], [1, 2, 3, 4, 5, 6], [4, 5, 6]])
    #expect(records.map(\.nonEEAAccess) == ["no", "yes", "yes"])
    #expect(records[0].nonEEAAccessText == "No, no access to data from a country outside the European Economic Area")
    #expect(records[1].nonEEAAccessText == "Yes, covered by an adequacy decision within the meaning of Article 45 of the GDPR: US")
    #expect(records.map(\.thirdCountryLawRisk) == ["no", "no", "no"])
    #expect(records[2].thirdCountryLawRiskText?.hasPrefix("No, Extra Horizon engages only subprocessors that participate in the EU-U.S. Data Privacy Framework") == true)
  }

  @Test("the markdown sources' HTML rendering is what the HTML fixtures hold (same rows from the OVHcloud page's tables)")
  func sourcesAreTheOnesCopied() {
    let markdown = Fixtures.text("real/ovh-hds-garanties.guide.fr-fr.md")
    let html = Fixtures.text("real/ovh-hds-garanties.fr.html")
    #expect(markdown.components(separatedBy: "| OVHcloud |").count - 1 == 18)
    #expect(markdown.components(separatedBy: "| Aiven OY |").count - 1 == 6)
    #expect(html.components(separatedBy: "<td>OVHcloud</td>").count - 1 == 18)
  }

  @Test("another provider's page in the same structure parses: headings renumbered, English labels, markers elsewhere")
  func anotherLayoutOfTheSameStructure() throws {
    let page = """
      <h1>Transfer mapping</h1>
      <h3>A. Object Storage</h3>
      <table><tr><th>Company name</th><th>Role</th><th>HDS certified</th><th>Access from outside the EEA (req. 29)</th><th>Third-country law risk (req. 30)</th></tr>
      <tr><td>Example Cloud<sup>a</sup></td><td>Host</td><td>Yes</td><td>No<sup>a</sup></td><td>No</td></tr></table>
      <p><sup>a</sup> - Audited yearly.</p>
      <h3>B. Backup</h3>
      <table><tr><th>Company name</th><th>Role</th><th>HDS certified</th><th>Access from outside the EEA (req. 29)</th><th>Third-country law risk (req. 30)</th></tr>
      <tr><td>Example Cloud</td><td>Host</td><td>Yes</td><td>No, except support from Canada</td><td>N/A</td></tr></table>
      """
    let records = try TransferMappingParser.parse(text: page)
    #expect(records.map(\.product) == ["A. Object Storage", "B. Backup"].map(TransferMappingParser.productName))
    #expect(records.map(\.product) == ["Object Storage", "Backup"])
    #expect(records[0].holder == "Example Cloud")
    #expect(records[0].notes == ["a: Audited yearly."])
    #expect(records[0].nonEEAAccess == "no")
    // A "no" with a reservation, and "N/A", are unknown, never the favourable "no".
    #expect(records[1].nonEEAAccess == "unknown")
    #expect(records[1].nonEEAAccessText == "No, except support from Canada")
    #expect(records[1].thirdCountryLawRisk == "unknown")
  }

  @Test(arguments: [
    ("Non", "no"), ("Non, aucun accès aux données depuis un pays tiers à l'EEE", "no"), ("Oui (support depuis le Canada)", "yes"),
    ("Exempté", "exempted"), ("Exempted", "exempted"), ("No", "no"), ("Yes, covered by an adequacy decision", "yes"),
    ("Non applicable", "unknown"), ("n/a", "unknown"), ("Non, sauf support", "unknown"), ("", "unknown"), ("-", "unknown"),
    ("Partiellement", "unknown"), ("Yes/No", "unknown"),
  ])
  func answersAreMapped(text: String, expected: String) {
    #expect(TransferMappingParser.answer(text) == expected)
  }
}

/// End to end: `sovereign refresh hds-transfer-mapping --url` on the real OVHcloud page, served on
/// a loopback server.
@Suite(.serialized) struct RealTransferMappingRefreshTests {
  @Test func refreshStoresThe24RowsWithMappedAnswersAndProducts() throws {
    let served = try ServedFiles()
    defer { served.stop() }
    let (files, home, server) = (served.files, served.home, served.server)
    try files.write("ovh.html", Fixtures.bytes("real/ovh-hds-garanties.fr.html"))
    let run = try SovereignRun.run(
      ["refresh", "hds-transfer-mapping", "--url", server.url("/file/ovh.html")], environment: ["SOVEREIGN_HOME": home.url.path])
    #expect(run.status == 0, "\(run.stdout) \(run.stderr)")
    #expect(run.stdout.contains("hds-transfer-mapping/manual: updated, 24 entries"))
    let snapshot = try #require(try SnapshotStore(root: home.url).latest(source: "hds-transfer-mapping/manual"))
    #expect(snapshot.metadata.parserVersion == TransferMappingParser.version)
    #expect(snapshot.entries.count == 24)
    #expect(Set(snapshot.entries.compactMap(\.product)).count == 18)
    #expect(snapshot.entries.allSatisfy { ["yes", "no"].contains($0.nonEEAAccess ?? "") })
    #expect(!snapshot.entries.contains { ($0.thirdCountryLawRisk ?? "").contains("1") })
  }

  /// The address of OVHcloud's requirement-31 page as the bundled catalog gives it to its offerings.
  static let ovhPage =
    "https://github.com/ovh/docs/blob/25731dc1dedb9c89f29cd285412aa6d5b0f9b57d/pages/account_and_service_management/account_information/hds_garanties/guide.fr-fr.md"

  @Test("a copy of a provider's page imported with --file and --url is stored under that provider and feeds its offerings")
  func aCopyOfACatalogPageFeedsItsOfferings() throws {
    let home = TemporaryDirectory()
    defer { home.remove() }
    let copy = Fixtures.directory.appending(path: "real/ovh-hds-garanties.fr.html").path
    let environment = ["SOVEREIGN_HOME": home.url.path]
    let run = try SovereignRun.run(["refresh", "hds-transfer-mapping", "--file", copy, "--url", Self.ovhPage], environment: environment)
    #expect(run.status == 0, "\(run.stdout) \(run.stderr)")
    #expect(run.stdout.contains("hds-transfer-mapping/ovhcloud: updated, 24 entries"))
    let store = SnapshotStore(root: home.url)
    let stored = try #require(try store.latest(source: "hds-transfer-mapping/ovhcloud")).metadata
    #expect(stored.requestedURL == Self.ovhPage && stored.fileName == "ovh-hds-garanties.fr.html")

    // The offerings the catalog gives that page take its answers, citing the page.
    let exposure = try SovereignRun.run(["exposure", "ovhcloud-public-cloud-instances"], environment: environment)
    #expect(exposure.status == 0)
    #expect(exposure.stdout.contains("HDS transfer mapping (requirements 29-30) from the page fetched"))
    #expect(exposure.stdout.contains("(table \"Public Cloud Instances\"), its one actor"))
    #expect(exposure.stdout.contains("req. 30 third-country-law risk declared: no"))

    // Another copy without its address is stored apart: it replaces nothing of OVHcloud's.
    let other = try SovereignRun.run(["refresh", "hds-transfer-mapping", "--file", copy], environment: environment)
    #expect(other.status == 0)
    #expect(other.stdout.contains("hds-transfer-mapping/manual: updated"))
    #expect(try store.latest(source: "hds-transfer-mapping/ovhcloud")?.metadata == stored)
  }
}
