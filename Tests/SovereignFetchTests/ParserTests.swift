import Foundation
import SovereignCatalog
import Testing

@testable import SovereignFetch

@Suite struct ActivityListTests {
  @Test(arguments: [
    ("1 à 6", [1, 2, 3, 4, 5, 6]), ("1-6", [1, 2, 3, 4, 5, 6]), ("de 1 à 6", [1, 2, 3, 4, 5, 6]),
    ("1, 2, 3", [1, 2, 3]), ("1, 2, 3 et 4", [1, 2, 3, 4]), ("1/2/5", [1, 2, 5]), ("I à VI", [1, 2, 3, 4, 5, 6]),
    ("activités 1 à 4, 6", [1, 2, 3, 4, 6]), ("6 activités", [1, 2, 3, 4, 5, 6]), ("Hébergeur infogéreur", [3, 4, 5, 6]),
    ("Hébergeur d'infrastructure physique", [1, 2]), ("1 to 6", [1, 2, 3, 4, 5, 6]), ("Toutes", [1, 2, 3, 4, 5, 6]),
  ])
  func normalises(text: String, expected: [Int]) {
    #expect(ActivityList.parse(text) == expected)
  }

  @Test(arguments: ["3 activités", "", "7", "1 à 9", "n/a", "6 à 1"])
  func unknownStaysUnknown(text: String) {
    #expect(ActivityList.parse(text) == nil)
  }
}

@Suite struct DateTextTests {
  @Test func readsFrenchAndISODates() {
    #expect(DateText.parse("11/09/2028")?.description == "2028-09-11")
    #expect(DateText.parse("valable jusqu'au 1/2/2027")?.description == "2027-02-01")
    #expect(DateText.parse("2027-12-19")?.description == "2027-12-19")
    #expect(DateText.parse("31/02/2027") == nil)
    #expect(DateText.parse("n° 38436-2") == nil)
  }
}

@Suite struct NameNormalizerTests {
  @Test func foldsCaseAccentsPunctuationAndLegalForms() {
    #expect(NameNormalizer.normalize("OVH SAS") == "ovh")
    #expect(NameNormalizer.normalize("ovh s.a.s.") == "ovh")
    #expect(NameNormalizer.normalize("Clever-Cloud SAS") == "clever cloud")
    #expect(NameNormalizer.normalize("Thales Cloud Sécurisé") == "thales cloud securise")
    #expect(NameNormalizer.normalize("SAS") == "sas")
  }
}

@Suite struct HDSListParserTests {
  @Test func readsTheDirectoryByLabel() throws {
    let records = try HDSListParser.parse(Fixtures.bytes("hds-list.html"))
    #expect(records.count == 8)
    let scalingo = try #require(records.first { $0.holder == "Scalingo SAS" })
    #expect(scalingo.activities == [1, 2, 3, 4, 5, 6])
    #expect(scalingo.referential == "2.0")
    #expect(normalizedReferential("HDS V1.1") == "1.1" && normalizedReferential("référentiel 2024") == "2.0" && normalizedReferential("?") == "?")
    #expect(scalingo.body == "LNE")
    #expect(scalingo.identifier == "38436-2")
    #expect(scalingo.validUntil?.description == "2028-09-11")
    #expect(records.first { $0.holder == "Scaleway SAS" }?.activities == [1, 2, 3, 4])
    #expect(records.first { $0.holder == "Alpha Santé Hébergement SAS" }?.activities == [3, 4, 5, 6])
    #expect(records.first { $0.holder == "Outscale" }?.activitiesText == "1 à 6")
  }

  @Test func columnOrderDoesNotMatter() throws {
    let html = """
      <table><tr><th>Date de fin de validité</th><th>Organisme</th><th>Nom de l'hébergeur</th><th>Activités</th></tr>
      <tr><td>01/02/2029</td><td>LNE</td><td>Example SAS</td><td>1-3</td></tr></table>
      """
    let records = try HDSListParser.parse(text: html)
    #expect(records == [{
      var record = CertificationRecord(holder: "Example SAS")
      record.activities = [1, 2, 3]
      record.activitiesText = "1-3"
      record.body = "LNE"
      record.validUntil = CalendarDate(year: 2029, month: 2, day: 1)
      return record
    }()])
  }

  @Test func readsLabelledBlocks() throws {
    let html = """
      <h2>A</h2><div class="host"><h3>Alpha Cloud SAS</h3><ul><li>Activités certifiées : 1 à 6</li>
      <li>Référentiel : v2.0</li><li>Organisme certificateur : LNE</li><li>N° de certificat : 123-4</li>
      <li>Date de fin de validité : 05/06/2027</li></ul></div>
      <div class="host"><h3>Beta Hosting</h3><ul><li>Activités certifiées : 1, 2</li><li>Date de fin de validité : 07/08/2028</li></ul></div>
      """
    let records = try HDSListParser.parse(text: html)
    #expect(records.map(\.holder) == ["Alpha Cloud SAS", "Beta Hosting"])
    #expect(records[0].identifier == "123-4")
    #expect(records[1].activities == [1, 2])
  }

  @Test func aPageWithoutTheLabelsIsAFormatChange() {
    let html = "<html><body><h1>Nouvelle page</h1><table><tr><th>Nom</th><th>Statut</th></tr><tr><td>X</td><td>OK</td></tr></table></body></html>"
    #expect(throws: ParseError.self) { try HDSListParser.parse(text: html) }
    do {
      _ = try HDSListParser.parse(text: html)
    } catch {
      guard case .formatChanged = error else { Issue.record("expected formatChanged, got \(error)"); return }
    }
  }

  @Test func invalidUTF8IsRefused() {
    #expect(throws: ParseError.invalidUTF8(offset: 3)) { try HDSListParser.parse([0x3C, 0x70, 0x3E, 0xFF, 0xFE]) }
  }

  @Test func fullSizeListParses() throws {
    let records = try HDSListParser.parse(text: Fixtures.largeHDSList(hosts: 320))
    #expect(records.count == 320)
  }

  /// Hostile or broken HTML never crashes or hangs the scanner (issue 6: parsers are fuzz targets).
  @Test(arguments: [
    "", "<", "<<<<", "<table", "<table><tr><td>", "</td></tr></table>", "<!--", "<!-- <table> ", "<script>", "&#xFFFFFFFF;",
    "&#0;", "&;&&;", String(repeating: "<table>", count: 2000), String(repeating: "<td>x", count: 5000),
    "<table><tr><th>Hébergeur</th><th>Activités</th><th>Fin de validité</th></tr><tr><td></td></tr></table>",
  ])
  func malformedHTMLNeverCrashes(html: String) {
    _ = HTMLScanner(html)
    _ = try? HDSListParser.parse(text: html)
    _ = try? TransferMappingParser.parse(text: html)
  }
}

@Suite struct SecNumCloudCatalogueParserTests {
  @Test func readsTheSectionWithWrappedCellsAndPageFurniture() throws {
    let records = try SecNumCloudCatalogueParser.parse(Fixtures.bytes("secnumcloud-catalogue.txt"))
    #expect(records.count == 9)
    #expect(!records.contains { $0.holder.contains("Audit") })  // another section
    let temple = try #require(records.first { $0.identifier == "2026-3390" })
    #expect(temple.holder == "Cloud Temple")
    #expect(temple.service == "IaaS Secure Temple (VMware, open source, S3, HSM-KMS, bare metal)")
    let ovh = try #require(records.first { $0.identifier == "2023-0711" })
    #expect(ovh.service == "Hosted Private Cloud powered by VMware")
    #expect(ovh.validFrom?.description == "2023-12-28")
    #expect(ovh.validUntil?.description == "2026-12-29")
    #expect(ovh.serviceTypes == ["iaas"])
    #expect(records.first { $0.identifier == "2025-2201" }?.serviceTypes == ["iaas", "paas", "caas"])
    #expect(records.first { $0.identifier == "2025-1133" }?.service == "Worldline Cloud Services – Secured IaaS")
    #expect(records.contains { $0.identifier == "2026-3393" && $0.holder == "OVHcloud" })  // page 2, after a repeated header
  }

  @Test func readsTheTextPdftotextExtractsFromARealPDF() throws {
    let pdf = MinimalPDF.make(text: Fixtures.text("secnumcloud-catalogue.txt"))
    let text = try PDFText.extract(pdf, timeout: 20)
    let records = try SecNumCloudCatalogueParser.parse(text: text)
    let expected = try SecNumCloudCatalogueParser.parse(Fixtures.bytes("secnumcloud-catalogue.txt"))
    #expect(records == expected)
  }

  @Test func aDocumentWithoutTheSectionIsAFormatChange() {
    #expect(throws: ParseError.self) { try SecNumCloudCatalogueParser.parse(text: "Catalogue\n\n3.1 Produits certifiés\nX  Y  Z\n") }
    #expect(throws: ParseError.self) {
      try SecNumCloudCatalogueParser.parse(text: "3.3 Prestataires SecNumCloud\nNom    Adresse\nOVH    Roubaix\n")
    }
  }

  @Test func notAPDFIsRefusedBeforeRunningPdftotext() {
    #expect(throws: ParseError.self) { try PDFText.extract(Array("<html>".utf8)) }
  }
}

@Suite struct TransferMappingParserTests {
  @Test func readsTheRequirement31Table() throws {
    let records = try TransferMappingParser.parse(Fixtures.bytes("transfer-mapping.html"))
    #expect(records.count == 3)
    #expect(records[0].holder == "Example Health Cloud SAS")
    #expect(records[0].role == "Host")
    #expect(records[0].hdsCertified == "yes")
    #expect(records[0].secNumCloudQualified == "no")
    #expect(records[0].activities == [1, 2, 3, 4, 5, 6])
    #expect(records[0].nonEEAAccess == "no")
    #expect(records[0].thirdCountryLawRisk == "no")
    #expect(records[2].hdsCertified == "exempted")
    #expect(records[2].nonEEAAccess == "yes")
    #expect(records[2].nonEEAAccessText == "Yes (support from Canada)")
    #expect(records[2].thirdCountryLawRisk == "yes")
  }
}

@Suite struct FormatGuardTests {
  @Test func refusesLosingMoreThanHalfTheRows() {
    #expect(throws: ParseError.self) { try FormatGuard.check(source: "hds", newCount: 100, previousCount: 300) }
    #expect(throws: Never.self) { try FormatGuard.check(source: "hds", newCount: 290, previousCount: 300) }
    #expect(throws: Never.self) { try FormatGuard.check(source: "hds", newCount: 1, previousCount: 4) }
    #expect(throws: Never.self) { try FormatGuard.check(source: "hds", newCount: 5, previousCount: nil) }
  }
}
