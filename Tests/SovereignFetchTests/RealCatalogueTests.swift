import Foundation
import SovereignCatalog
import Testing

@testable import SovereignFetch

/// The SecNumCloud parser on the real ANSSI catalogue of 5 December 2025 (Fixtures/real, origin in
/// its README), and on variants derived from its text the way later editions move the layout.
@Suite struct RealSecNumCloudCatalogueTests {
  /// One expected row, as printed in section 3.3 of the December 2025 edition (read with
  /// `pdftotext -layout` from the PDF, pages 62).
  struct Row: Hashable, CustomStringConvertible {
    var provider: String
    var service: String
    var types: [String]
    var from: String
    var until: String
    var decision: String
    var description: String { "\(provider) | \(service) | \(types) | \(from) | \(until) | \(decision)" }

    init(_ provider: String, _ service: String, _ types: [String], _ from: String, _ until: String, _ decision: String) {
      (self.provider, self.service, self.types, self.from, self.until, self.decision) = (provider, service, types, from, until, decision)
    }

    init(_ record: CertificationRecord) {
      self.init(
        record.holder, record.service ?? "-", record.serviceTypes ?? [], record.validFrom?.description ?? "-",
        record.validUntil?.description ?? "-", record.identifier ?? "-")
    }
  }

  /// The 16 SecNumCloud services of the 5 December 2025 edition, in the catalogue's order.
  static let december2025: [Row] = [
    Row("Cegedim", "CegNumCloud Secured IaaS", ["iaas"], "2024-12-04", "2027-12-04", "1951"),
    Row(
      "Cloud Temple", "IAAS - Secure Temple (IaaS Vmware, IaaS Opensource, stockage objet S3, brique HSM-KMS, Baremetal)", ["iaas"],
      "2025-05-30", "2028-05-30", "918"),
    Row("Cloud Temple", "PaaS Openshift", ["paas"], "2025-05-30", "2028-05-30", "919"),
    Row("Index Education", "Pronote", ["saas"], "2025-05-05", "2027-06-18", "795"),
    Row("Index Education", "Pronote Primaire", ["saas"], "2025-05-05", "2027-06-18", "796"),
    Row("Index Education", "Hyperplanning", ["saas"], "2025-05-05", "2027-06-18", "797"),
    Row("Index Education", "EDT", ["saas"], "2025-05-05", "2027-06-18", "798"),
    Row("OVH", "Hosted Private Cloud powered by VMware", ["iaas"], "2023-12-28", "2026-12-29", "2279"),
    Row("OVH", "Bare Metal Pod", ["iaas"], "2025-03-24", "2028-03-24", "559"),
    Row("Oodrive", "Oodrive_Meet", ["saas"], "2025-01-20", "2028-01-25", "242"),
    Row("Oodrive", "Oodrive_Work", ["saas"], "2025-01-20", "2028-01-25", "243"),
    Row("Oodrive", "Oodrive_Work_Share", ["saas"], "2025-01-20", "2028-01-25", "241"),
    Row("Orange Business Services", "Cloud Avenue SecNum", ["iaas"], "2025-07-11", "2028-07-11", "1147"),
    Row("Outscale", "IaaS", ["iaas"], "2023-11-30", "2026-11-30", "2118"),
    Row("Whaller", "Whaller Donjon SaaS", ["saas"], "2024-08-02", "2027-08-02", "1369"),
    Row("Worldline", "Worldline Cloud Services - Secured IaaS", ["iaas"], "2025-03-24", "2028-03-31", "561"),
  ]

  static let pdfName = "real/anssi-catalogue-2025-12.pdf"
  static let excerptName = "real/anssi-catalogue-2025-12.secnumcloud-section.layout.txt"

  static func rows(_ text: String) throws -> [Row] {
    try SecNumCloudCatalogueParser.parse(text: text).map(Row.init)
  }

  @Test("the December 2025 PDF gives exactly its 16 SecNumCloud services, none of 3.4 or of the other sections")
  func realPDF() throws {
    let text = try PDFText.extract(Fixtures.bytes(Self.pdfName), timeout: 60)
    let rows = try Self.rows(text)
    #expect(rows == Self.december2025)
    #expect(!rows.contains { $0.provider.contains("I-Tracing") })  // 3.4, same column labels
  }

  @Test("the December 2025 PDF states its edition on its cover: 5 December 2025")
  func realPDFEditionDate() throws {
    let text = try PDFText.extract(Fixtures.bytes(Self.pdfName), timeout: 60)
    #expect(SecNumCloudCatalogueParser.editionDate(text: text) == CalendarDate(year: 2025, month: 12, day: 5))
    // The section alone states no edition: no date is made up.
    #expect(SecNumCloudCatalogueParser.editionDate(text: Fixtures.text(Self.excerptName)) == nil)
    // "Mise à jour", accents or not, with the date after the phrase (not a date before it).
    #expect(SecNumCloudCatalogueParser.editionDate(text: "01/01/2020\nCatalogue - MISE A JOUR : 3.2.2026\n") == CalendarDate(year: 2026, month: 2, day: 3))
  }

  @Test("the layout excerpt of the real text (table of contents first) gives the same 16 rows")
  func realExcerpt() throws {
    #expect(try Self.rows(Fixtures.text(Self.excerptName)) == Self.december2025)
  }

  // MARK: - Variants derived from the real text

  static var excerpt: [String] { Fixtures.text(excerptName).components(separatedBy: "\n") }

  /// Inserts `count` spaces at character `column` of every line where that column is blank
  /// (so no text is cut), from the line matching `from` on.
  static func shift(_ lines: [String], at column: Int, by count: Int, from: String = "Nom du fournisseur") -> [String] {
    guard let start = lines.firstIndex(where: { $0.contains(from) }) else { return lines }
    return lines.enumerated().map { index, line in
      guard index >= start, line.count > column else { return line }
      let characters = Array(line)
      guard characters[column - 1] == " ", characters[column] == " " || count < 0 else { return line }
      if count >= 0 { return String(characters[..<column]) + String(repeating: " ", count: count) + String(characters[column...]) }
      let removed = characters[(column + count)..<column]
      guard removed.allSatisfy({ $0 == " " }) else { return line }
      return String(characters[..<(column + count)]) + String(characters[column...])
    }
  }

  @Test("columns moved right, or the rows moved left of a header that stays put, still parse", arguments: [(36, 9), (64, 12), (36, -3), (64, -2)])
  func shiftedColumns(column: Int, by count: Int) throws {
    // Moving right: the whole table, header included. Moving left: the rows only.
    let lines = Self.shift(Self.excerpt, at: column, by: count, from: count > 0 ? "Nom du fournisseur" : "CegNumCloud Secured")
    #expect(lines != Self.excerpt)
    #expect(try Self.rows(lines.joined(separator: "\n")) == Self.december2025)
  }

  /// A layout line with each text starting at its column.
  static func place(_ pieces: [(Int, String)]) -> String {
    var line = ""
    for (column, text) in pieces {
      line += String(repeating: " ", count: line.isEmpty ? column : max(column - line.count, 2)) + text
    }
    return line
  }

  /// The excerpt with `insert` placed before the line that contains `before`.
  static func inserting(_ insert: [String], before marker: String, in lines: [String] = excerpt) -> [String] {
    let index = lines.firstIndex { $0.contains(marker) }!
    return Array(lines[..<index]) + insert + Array(lines[index...])
  }

  static var header: [String] {
    let lines = excerpt
    let index = lines.firstIndex { $0.contains("Nom du fournisseur") }!
    return Array(lines[index...(index + 1)])
  }

  @Test("a page break inside the table (footnotes, page number, running title, the header again, shifted) changes nothing")
  func pageBreakInsideTheTable() throws {
    let before = Self.excerpt
    let split = before.firstIndex { $0.hasPrefix("                                     Hosted Private Cloud") }!
    let footer = ["", "", "17   logiciels en tant que service", "18   plateforme en tant que service", "", "", String(repeating: " ", count: 140) + "Page 62 sur 69"]
    let running = ["Catalogue mis à jour le 05/12/2025 à 13:08:19", ""]
    // The next page's table sits 4 columns further right, header included.
    let rest = Array(before[split...]).map { $0.isEmpty || $0.hasPrefix("\u{0C}") ? $0 : "    " + $0 }
    let lines = Array(before[..<split]) + footer + ["\u{0C}" + running[0]] + running.dropFirst() + Self.header.map { "    " + $0 } + ["", ""] + rest
    #expect(try Self.rows(lines.joined(separator: "\n")) == Self.december2025)
  }

  @Test("a 17th row, its service wrapped above and below its line, is read with the others")
  func seventeenthRow() throws {
    let row = [
      Self.place([(37, "Example Sovereign")]),
      Self.place([(0, "Example Provider"), (67, "X"), (74, "X"), (87, "X"), (94, "01/02/2026"), (113, "01/02/2029"), (136, "4242")]),
      Self.place([(37, "Object Storage")]),
      "",
    ]
    let lines = Self.inserting(row, before: "Whaller                              Whaller Donjon")
    var expected = Self.december2025
    expected.insert(Row("Example Provider", "Example Sovereign Object Storage", ["iaas", "paas", "saas"], "2026-02-01", "2029-02-01", "4242"), at: 14)
    #expect(try Self.rows(lines.joined(separator: "\n")) == expected)
  }

  @Test("a renamed service now wrapped over two lines (none on the row's own line) is rebuilt")
  func renamedService() throws {
    let lines = Self.excerpt.flatMap { line -> [String] in
      guard line.hasPrefix("Orange Business Services") else { return [line] }
      return [
        "                                     Cloud Avenue",
        line.replacingOccurrences(of: "Cloud Avenue SecNum", with: String(repeating: " ", count: 19)),
        "                                     SecNumCloud 3.2",
      ]
    }
    var expected = Self.december2025
    expected[12].service = "Cloud Avenue SecNumCloud 3.2"
    #expect(try Self.rows(lines.joined(separator: "\n")) == expected)
  }

  @Test("a 3.3.2 table of assessment bodies and a 3.4 table under the same column labels add no row")
  func assessmentBodiesAndNextScheme() throws {
    var lines = Self.inserting(["            3.3.1. Prestataires qualifiés", ""], before: "Les services d'informatique en nuage")
    let bodies = ["            3.3.2. Organismes d'évaluation SecNumCloud", ""] + Self.header + [
      "", "", Self.place([(0, "Evaluator Example"), (37, "Evaluation SecNumCloud"), (67, "X"), (87, "X"), (94, "01/01/2025"), (113, "01/01/2028"), (137, "9001")]), "",
    ]
    lines = Self.inserting(bodies, before: "17   logiciels en tant que service", in: lines)
    let nextScheme = ["", "Les prestataires d'administration et de maintenance sécurisées sont qualifiés.", ""] + Self.header + [
      "", "", Self.place([(0, "I-Tracing"), (37, "Support et services managés"), (67, "X"), (94, "25/04/2024"), (113, "25/04/2027"), (137, "815")]), "",
    ]
    lines += nextScheme
    #expect(try Self.rows(lines.joined(separator: "\n")) == Self.december2025)
  }

  @Test("several spaces after the section number, and no dot, are the same section")
  func headingSpacing() throws {
    let lines = Self.excerpt.map { $0.replacingOccurrences(of: "3.3. Services d'informatique", with: "3.3     Services d'informatique") }
    #expect(try Self.rows(lines.joined(separator: "\n")) == Self.december2025)
  }

  @Test("the table of contents alone is no section: format changed, not an empty list")
  func tableOfContentsOnly() {
    let toc = Self.excerpt.prefix { !$0.contains("[...]") }.joined(separator: "\n")
    #expect(throws: ParseError.self) { try SecNumCloudCatalogueParser.parse(text: toc) }
  }
}

/// The real December 2025 rows against the bundled catalog: the catalog files' `aliases:` match
/// every holder the catalog contains, each to the one offering the row qualifies.
@Suite struct RealCatalogueReconciliationTests {
  @Test func everyHolderInTheCatalogMatchesItsOffering() throws {
    let records = try SecNumCloudCatalogueParser.parse(Fixtures.bytes(RealSecNumCloudCatalogueTests.excerptName))
    let catalog = try Catalog.bundled()
    let result = Reconciler(catalog: catalog).reconcile(records)
    var matched: [String: [String]] = [:]
    for match in result.matches { matched[match.record.identifier ?? "?", default: []] += match.offeringIDs }
    #expect(
      matched == [
        "1951": ["cegnumcloud"], "918": ["cloud-temple-iaas-secure-temple"], "919": ["cloud-temple-paas-openshift"],
        "2279": ["ovhcloud-hosted-private-cloud-vmware-snc"], "559": ["ovhcloud-bare-metal-pod-snc"],
        "242": ["oodrive-meet"], "243": ["oodrive-work"], "241": ["oodrive-work-share"],
        "1147": ["orange-cloud-avenue-secnum"], "2118": ["outscale-iaas-secnumcloud"], "561": ["worldline-secured-iaas"],
        "795": ["index-education-pronote"], "796": ["index-education-pronote-primaire"],
        "797": ["index-education-hyperplanning"], "798": ["index-education-edt"], "1369": ["whaller-donjon"],
      ])
    // Every one of the 16 services is in the catalog now.
    #expect(result.unmatched.isEmpty)
    // A holder the catalog lacks is reported with the nearest names.
    var stranger = records[0]
    stranger.holder = "Whaler Cloud"
    let other = Reconciler(catalog: catalog).reconcile([stranger])
    #expect(other.unmatched.count == 1)
    #expect(Reconciler(catalog: catalog).closestNames(to: other.unmatched[0]).count == 3)
    let findings = CatalogComparison.compare([stranger], parser: .secNumCloudCatalogue, catalog: catalog).map(\.description)
    #expect(findings.contains { $0.hasPrefix("not in the catalog: Whaler Cloud — ") && $0.contains("(closest catalog names: ") })
  }
}
