import Foundation
import SovereignCatalog
import SovereignExposure
import Testing

/// The engine on a catalog read from disk by ``CatalogLoader``, with the shipped law files.
@Suite struct CatalogDirectoryTests {
  static func load() throws -> Catalog {
    let directory = try CatalogDirectoryFixture.write()
    defer { try? FileManager.default.removeItem(at: directory) }
    return try CatalogLoader.load(directory: directory)
  }

  @Test func theShippedLawFilesLoad() throws {
    let catalog = try Self.load()
    let ids = catalog.laws.map(\.id)
    for id in ["us-cloud-act", "us-fisa-702", "cn-national-intelligence-law", "uk-investigatory-powers-act"] {
      #expect(ids.contains(id))
    }
    for law in catalog.laws {
      #expect(law.extraterritorial)
      #expect(!law.provenance.isEmpty)
      #expect(law.reach.contains(.control))
    }
  }

  @Test func azureIsExposedToTheCLOUDActThroughMicrosoftCorporation() throws {
    let catalog = try Self.load()
    let engine = ExposureEngine(catalog: catalog)
    let provider = try #require(catalog.provider(id: "microsoft-azure"))
    let result = try #require(engine.assess(provider: provider).first)
    let law = try #require(result.exposure(to: "us-cloud-act"))
    #expect(law.verdict == .exposed)
    #expect(
      law.path?.description
        == "Microsoft Ireland Operations Ltd -> 100% Microsoft Ireland Holdings Ltd (IE) -> 100% Microsoft Corporation (US) -> us-cloud-act")
    #expect(law.sources.contains { $0.url == "https://www.govinfo.gov/content/pkg/PLAW-115publ141/html/PLAW-115publ141.htm" })
    #expect(law.sources.contains { $0.url == "https://example.org/msft-registry" })
    #expect(result.verdict(for: "us-fisa-702") == .exposed)
    #expect(result.secNumCloud196.verdict == .fail)
    // The rendered report names the path and the estimate.
    let text = ExposureReport(results: [result]).render()
    // The path rests on registry extracts and, at its top, Microsoft's annual report (provider):
    // the weakest deciding fact grades the verdict.
    #expect(text.contains("us-cloud-act: exposed (provider evidence) (rule: control)"))
    #expect(law.evidence == .provider && law.grade == .provider)
    #expect(text.contains("SecNumCloud 3.2 § 19.6 eligibility (estimate): fail"))
  }

  @Test func cleverCloudIsUnknownNamingTheMissingOwners() throws {
    let catalog = try Self.load()
    let offering = try #require(catalog.offering(id: "clever-cloud-paas"))
    let result = ExposureEngine(catalog: catalog).assess(offering: offering)
    let law = try #require(result.exposure(to: "us-cloud-act"))
    #expect(law.verdict == .unknown)
    #expect(law.missingFacts == [
      "the owners of Clever Cloud SAS [clever-cloud-sas] are not known to be complete (owners_complete: unknown): an unlisted holder could control it"
    ])
    #expect(result.seat.outsideEU == .no)
    #expect(result.transparency.eeaOnlyStorage == .yes)
    #expect(result.criterion("19.6-a-seat")?.verdict == .pass)
    #expect(result.secNumCloud196.verdict == .unknown)
  }
}
