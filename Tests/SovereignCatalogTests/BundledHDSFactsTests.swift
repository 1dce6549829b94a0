import SovereignCatalog
import Testing

/// HDS facts of the bundled catalog, pinned to the documents they were read from.
@Suite struct BundledHDSFactsTests {
  /// Cloud Temple's SecNumCloud service agreement v2 (Cloud-Temple/docs,
  /// `static/contractual/files/CT.AM.JUR.ANX -Annexe_Convention de Services_SNC_v2.pdf`, commit
  /// dab6d8c07d876c1469eea9cb25e96b77e4f4d607, template validated 2026-04-17) covers the IaaS,
  /// OpenIaaS, Bare Metal and PaaS (Red Hat OpenShift) offers and says in § 1.1 "Les Services sont
  /// qualifiés SecNumCloud, HDS et C5"; the activities are the hosting row (2, 3, 4, 6, SecNumCloud
  /// 3.2) of its requirement-31 page,
  /// https://www.cloud-temple.com/transparence-sur-le-traitement-des-donnees-de-sante (read 2026-11-30).
  @Test func cloudTempleOpenShiftIsHDSCertifiedForTheHostingActivities() throws {
    let catalog = try Catalog.bundled()
    let offering = try #require(catalog.offering(id: "cloud-temple-paas-openshift"))
    let hds = try #require(offering.certifications.hds)
    #expect(hds.status == .certified)
    #expect(hds.activities == .known([2, 3, 4, 6]))
    // Neither document publishes the certifying body, the number or the end of validity.
    #expect(hds.body == .unknown && hds.certificate == .unknown && hds.validUntil == .unknown)
    #expect(hds.provenance.sources.map(\.kind).allSatisfy { $0 == .provider })
    let standing = CertificateCurrency.hds(hds, on: CalendarDate(iso: "2026-11-30"), rules: catalog.rules)
    #expect(standing.state == .current)
  }
}
