import SovereignCatalog
import Testing

/// `sovereign providers` (and the web catalog) judge certificates as the gates do.
@Suite("Provider rows")
struct ProviderRowTests {
  @Test("a certificate past its valid-until is not counted as held; before it, it is")
  func rowsJudgeCertificatesOnTheirDate() throws {
    let catalog = try CatalogLoader.load(files: CatalogFixture.files())
    let provider = try #require(catalog.providers.first)
    // The fixture's HDS certificate is valid until 2027-12-19.
    #expect(ProviderRow(provider, catalog: catalog, on: CalendarDate(iso: "2026-06-01")!).hds == "certified")
    #expect(ProviderRow(provider, catalog: catalog, on: CalendarDate(iso: "2028-01-01")!).hds == "not-certified")
    // Known only from a source older than referential 2.0 becoming mandatory: not known current.
    var ruled = catalog
    ruled.rules = try Catalog.bundled().rules
    ruled.providers[0].offerings[0].certifications.hds?.validUntil = .unknown
    #expect(ProviderRow.rows(of: ruled, on: CalendarDate(iso: "2026-11-30")!).first?.hds == "unknown")
    #expect(ProviderRow.rows(of: ruled, on: CalendarDate(iso: "2026-01-10")!).first?.hds == "certified")
  }
}
