import Foundation
import Testing

@testable import SovereignCatalogCore
import SovereignCatalog

@Suite("Catalog loading")
struct CatalogLoaderTests {
  @Test("the fixture catalog loads with its facts and sources")
  func fixtureLoads() throws {
    let catalog = try CatalogLoader.load(files: CatalogFixture.files())
    #expect(catalog.providers.map(\.id) == ["example-cloud"])
    let offering = try #require(catalog.offering(id: "example-iaas"))
    let hds = try #require(offering.certifications.hds)
    #expect(hds.status == .certified)
    #expect(hds.activities == .known([1, 2, 3, 4, 5, 6]))
    #expect(hds.referential == .known("2.0"))
    #expect(hds.validUntil == .known(CalendarDate(year: 2027, month: 12, day: 19)!))
    #expect(hds.body == .unknown)
    #expect(hds.provenance.sources.map(\.url) == ["https://example.org/hds"])
    #expect(hds.provenance.asOf == CalendarDate(iso: "2025-03-19"))
    #expect(hds.provenance.sources.map(\.kind) == [.provider])
    #expect(hds.provenance.grade == .provider)
    let entity = try #require(catalog.entities["example-sas"])
    #expect(entity.owners.first?.owner == "example-parent")
    #expect(entity.owners.first?.capital == .known(100))
    #expect(entity.ownersComplete == .yes)
    #expect(catalog.entities["example-parent"]?.ownersComplete == .unknown)
    #expect(catalog.laws.map(\.id) == ["us-cloud-act"])
    #expect(catalog.law(id: "us-cloud-act")?.reach == [.seat, .headquarters, .control])
  }

  /// One bad line each; the loader must name the file, the line and the column, and say what was expected.
  struct BadInput: Sendable, CustomTestStringConvertible {
    var name: String
    var old: String
    var new: String
    var expectedMessage: String
    var expectedLineText: String
    var expectedColumn: Int
    var expectedHint: String? = nil
    var testDescription: String { name }
  }

  static let badInputs: [BadInput] = [
    BadInput(
      name: "unknown key", old: "website: https", new: "webiste: https",
      expectedMessage: "unknown key `webiste` in the provider file", expectedLineText: "webiste", expectedColumn: 1,
      expectedHint: "did you mean `website`?"),
    BadInput(
      name: "wrong type", old: "service_types: [iaas]", new: "service_types: iaas",
      expectedMessage: "`service_types` of offering `example-iaas` must be a list", expectedLineText: "service_types: iaas",
      expectedColumn: 20),
    BadInput(
      name: "HDS activity outside 1-6", old: "activities: [1, 2, 3, 4, 5, 6]", new: "activities: [1, 2, 7]",
      expectedMessage: "an HDS activity must be between 1 and 6, found 7", expectedLineText: "activities: [1, 2, 7]",
      expectedColumn: 28),
    BadInput(
      name: "percentage outside 0-100", old: "capital: 100", new: "capital: 140",
      expectedMessage: "`capital` of ownership of entity `example-sas` by `example-parent` must be between 0 and 100, found 140",
      expectedLineText: "capital: 140", expectedColumn: 18),
    BadInput(
      name: "bad date", old: "valid_until: 2027-12-19", new: "valid_until: 2027-02-30",
      expectedMessage: "HDS `valid_until` must be a date written YYYY-MM-DD, found `2027-02-30`",
      expectedLineText: "valid_until: 2027-02-30", expectedColumn: 22),
    BadInput(
      name: "unknown capability", old: "list: [vm, kubernetes]", new: "list: [vm, kubernetess]",
      expectedMessage: "unknown capability `kubernetess`", expectedLineText: "kubernetess", expectedColumn: 18,
      expectedHint: "did you mean `kubernetes`?"),
    BadInput(
      name: "unknown country code", old: "seat: FR", new: "seat: FRA",
      expectedMessage: "`seat` of entity `example-sas`: unknown country code `FRA`", expectedLineText: "seat: FRA",
      expectedColumn: 11, expectedHint: "did you mean `FR`?"),
    BadInput(
      name: "ownership edge to a missing entity", old: "owner: example-parent", new: "owner: example-parnt",
      expectedMessage: "an owner of `example-sas` refers to entity `example-parnt`, which no provider file declares",
      expectedLineText: "- id: example-sas", expectedColumn: 5, expectedHint: "did you mean `example-parent`?"),
    BadInput(
      name: "fact without source", old: "        valid_until: 2027-12-19\n        source: hds",
      new: "        valid_until: 2027-12-19",
      expectedMessage: "the HDS certification of offering `example-iaas` states facts but names no source",
      expectedLineText: "status: certified", expectedColumn: 9),
    BadInput(
      name: "source id not declared", old: "        source: hds", new: "        source: hsd",
      expectedMessage: "source `hsd` is not declared in this file's `sources:`", expectedLineText: "source: hsd",
      expectedColumn: 17, expectedHint: "did you mean `hds`?"),
    BadInput(
      name: "malformed YAML", old: "name: Example IaaS", new: "name: Example: [IaaS",
      expectedMessage: "invalid YAML", expectedLineText: "name: Example: [IaaS", expectedColumn: 0),
    BadInput(
      name: "duplicate key", old: "name: Example Cloud", new: "name: Example Cloud\nname: Again",
      expectedMessage: "duplicate key `name`", expectedLineText: "name: Example Cloud", expectedColumn: 0),
    BadInput(
      name: "source kind missing", old: "    title: Legal notice\n    as_of: 2026-01-15\n    kind: provider",
      new: "    title: Legal notice\n    as_of: 2026-01-15",
      expectedMessage: "source `legal` is missing the key `kind`", expectedLineText: "url: https://example.org/legal", expectedColumn: 5,
      expectedHint: "say what the document is: one of official-list, regulator, registry, law, court, provider, secondary"),
    BadInput(
      name: "source kind outside the vocabulary", old: "    as_of: 2026-01-15\n    kind: provider",
      new: "    as_of: 2026-01-15\n    kind: registery",
      expectedMessage: "`kind` of source `legal` must be one of official-list, regulator, registry, law, court, provider, secondary, found `registery`",
      expectedLineText: "kind: registery", expectedColumn: 11, expectedHint: "did you mean `registry`?"),
    // A list with an unknown entry is not known to be complete: read without the entry, it
    // would look complete (and a complete list of access countries decides a law's reach).
    BadInput(
      name: "unknown inside a list of access countries", old: "    service_types: [iaas]",
      new: "    service_types: [iaas]\n    hds_transparency:\n      access_countries: [FR, unknown]\n      source: legal",
      expectedMessage: "an access country: `unknown` cannot be one entry of `access_countries`",
      expectedLineText: "access_countries: [FR, unknown]", expectedColumn: 30,
      expectedHint: "write `access_countries: unknown` when the list is not known to be complete, or list only known countries"),
    BadInput(
      name: "unknown country of a region", old: "- { country: FR, city: Paris }", new: "- { country: unknown, city: Paris }",
      expectedMessage: "`country` of a region: `unknown` cannot be one entry of `regions`",
      expectedLineText: "country: unknown", expectedColumn: 22),
    BadInput(
      name: "anchors refused", old: "name: Example Cloud", new: "name: &n Example Cloud",
      expectedMessage: "YAML anchors and aliases (&name, *name) are not accepted", expectedLineText: "name: &n Example",
      expectedColumn: 7),
  ]

  @Test("each class of bad input is reported with its message and position", arguments: badInputs)
  func badInputIsReported(_ bad: BadInput) throws {
    let text = CatalogFixture.provider(replacing: bad.old, with: bad.new)
    let diagnostics = CatalogFixture.diagnostics(CatalogFixture.files(provider: text))
    let diagnostic = try #require(
      diagnostics.first { $0.message.contains(bad.expectedMessage) },
      "expected “\(bad.expectedMessage)” among: \(diagnostics.map(\.description))")
    #expect(diagnostic.location.file == "providers/example-cloud.yaml")
    #expect(diagnostic.location.line == CatalogFixture.line(of: bad.expectedLineText, in: text))
    if bad.expectedColumn > 0 { #expect(diagnostic.location.column == bad.expectedColumn) }
    if let hint = bad.expectedHint { #expect(diagnostic.hint == hint) }
  }

  @Test("all problems of a catalog are reported together, in file and line order")
  func allProblemsTogether() {
    var text = CatalogFixture.provider(replacing: "seat: FR", with: "seat: XX")
    text = text.replacingOccurrences(of: "activities: [1, 2, 3, 4, 5, 6]", with: "activities: [0]")
    let diagnostics = CatalogFixture.diagnostics(CatalogFixture.files(provider: text))
    #expect(diagnostics.count == 2)
    #expect(diagnostics.map(\.location.line) == diagnostics.map(\.location.line).sorted())
  }

  @Test("the same entity declared twice is an error naming the first place")
  func duplicateEntity() {
    let other = CatalogFile(
      relativePath: "providers/other.yaml",
      contents: Array(
        """
        id: other
        name: Other
        website: https://other.example
        sources:
          s: { url: https://other.example/legal, as_of: 2026-01-01, kind: provider }
        entities:
          - { id: example-sas, name: Copy, kind: company, seat: FR, source: s }
        offerings:
          - { id: other-paas, name: Other PaaS, contracting_entity: example-sas, service_types: [paas], source: s }
        """.utf8))
    let diagnostics = CatalogFixture.diagnostics(CatalogFixture.files(extra: [other]))
    #expect(diagnostics.contains { $0.message.contains("entity `example-sas` is already declared at providers/example-cloud.yaml:15") })
  }

  @Test("a file that is not UTF-8 is refused with the offset of the first bad byte")
  func invalidUTF8() {
    var bytes = Array("id: example-cloud\nname: Ex".utf8)
    bytes.append(0xFF)
    let files = CatalogFixture.files().filter { !$0.relativePath.hasPrefix("providers/") }
      + [CatalogFile(relativePath: "providers/example-cloud.yaml", contents: bytes)]
    let diagnostics = CatalogFixture.diagnostics(files)
    #expect(diagnostics.contains { $0.message == "the file is not valid UTF-8 text (first bad byte at offset 26)" })
  }

  @Test("deep nesting is refused before parsing")
  func deepNesting() {
    let text = "id: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
    let diagnostics = CatalogFixture.diagnostics(CatalogFixture.files(provider: text))
    #expect(diagnostics.contains { $0.message.contains("nested deeper than 64 levels") && $0.location.line == 1 })
  }

  @Test("an alias bomb is refused at its first anchor, without expanding it")
  func aliasBomb() {
    var lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for level in 1...9 {
      let previous = "*l\(level - 1)".replacingOccurrences(of: "*l0", with: "*a")
      lines.append("l\(level): &l\(level) [\(Array(repeating: previous, count: 9).joined(separator: ", "))]")
    }
    let diagnostics = CatalogFixture.diagnostics(CatalogFixture.files(provider: lines.joined(separator: "\n")))
    #expect(diagnostics.count == 1)
    #expect(diagnostics.first?.message == "YAML anchors and aliases (&name, *name) are not accepted")
    #expect(diagnostics.first?.location.line == 1)
    #expect(diagnostics.first?.location.column == 4)
  }

  @Test("a source with a bad address is reported once, not again at every fact that cites it")
  func invalidSourceReportedOnce() {
    let text = CatalogFixture.provider(replacing: "url: https://example.org/hds", with: "url: ftp://example.org/hds")
    let diagnostics = CatalogFixture.diagnostics(CatalogFixture.files(provider: text))
    #expect(diagnostics.count == 1, "\(diagnostics)")
    #expect(diagnostics.first?.message.hasPrefix("`url` of source `hds` must be a web address") == true)
  }

  @Test("an unclosed quote is explained: libyaml's context first, then the problem, with a hint")
  func unclosedQuote() throws {
    let text = CatalogFixture.provider(replacing: "name: Example IaaS", with: "name: \"Example IaaS")
    let diagnostic = try #require(CatalogFixture.diagnostics(CatalogFixture.files(provider: text)).first)
    #expect(diagnostic.message == "invalid YAML: while parsing a block mapping, did not find expected key")
    #expect(diagnostic.hint?.hasPrefix("a quote or bracket opened above may be unclosed") == true)
  }

  @Test("a missing vocabulary is reported")
  func missingVocabulary() {
    let files = CatalogFixture.files().filter { $0.relativePath != "vocabularies/capabilities.yaml" }
    let diagnostics = CatalogFixture.diagnostics(files)
    #expect(diagnostics.contains { $0.message == "the catalog has no `vocabularies/capabilities.yaml`" })
  }

  @Test("loading a directory that does not exist says so")
  func missingDirectory() {
    #expect(throws: CatalogLoadError.self) { try CatalogLoader.load(directory: URL(fileURLWithPath: "/nonexistent/catalog")) }
  }
}
