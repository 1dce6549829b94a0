import SovereignCatalog
import SovereignExposure
import Testing

/// The engine on the catalog shipped in `data/`.
@Suite struct BundledCatalogTests {
  @Test func azureIsExposedToTheCLOUDActThroughMicrosoftCorporation() throws {
    let catalog = try Catalog.bundled()
    let provider = try #require(catalog.provider(id: "microsoft-azure"))
    let results = ExposureEngine(catalog: catalog).assess(provider: provider)
    #expect(!results.isEmpty)
    for result in results {
      let law = try #require(result.exposure(to: "us-cloud-act"))
      #expect(law.verdict == .exposed)
      #expect(law.path?.description.hasSuffix("Microsoft Corporation (US) -> us-cloud-act") == true)
      #expect(law.path?.steps.last?.entityID == "microsoft-corporation")
    }
  }

  @Test func cleverCloudIsNotExposedOrNamesTheMissingFact() throws {
    let catalog = try Catalog.bundled()
    let provider = try #require(catalog.provider(id: "clever-cloud"))
    for result in ExposureEngine(catalog: catalog).assess(provider: provider) {
      let law = try #require(result.exposure(to: "us-cloud-act"))
      #expect(law.verdict != .exposed)
      if law.verdict == .unknown { #expect(!law.missingFacts.isEmpty) }
    }
  }

  /// Safespring (data/providers/safespring.yaml): its owners are named as a class ("owned by the
  /// employees and the board of directors") and placed in Sweden ("utan koppling till ägare utanför
  /// Sverige"), and it declares no access from outside the EEA; sources: safespring/web at commit
  /// 8159f9f (content/kontakt.md, content/tjanster/managed-infrastructure.md, the 2025-11
  /// sovereignty post). The verdict rests on those provider facts, without a SecNumCloud qualification.
  @Test func safespringIsNotExposedToTheCLOUDActOnProviderEvidence() throws {
    let catalog = try Catalog.bundled()
    let provider = try #require(catalog.provider(id: "safespring"))
    let engine = ExposureEngine(catalog: catalog)
    let results = engine.assess(provider: provider)
    #expect(results.count == 3)
    for result in results {
      let law = try #require(result.exposure(to: "us-cloud-act"))
      #expect(law.verdict == .notExposed)
      #expect(law.evidence == .provider)
      #expect(law.derived.isEmpty, "not settled by a SecNumCloud derivation")
    }
    #expect(engine.controlDecided(entityID: "safespring-ab").decided)
  }

  @Test func everyVerdictOfTheCatalogIsExplained() throws {
    let catalog = try Catalog.bundled()
    let engine = ExposureEngine(catalog: catalog)
    for offering in catalog.offerings {
      let result = engine.assess(offering: offering)
      #expect(result.laws.count == catalog.laws.count)
      for law in result.laws {
        switch law.verdict {
        case .exposed:
          #expect(law.path != nil, "\(offering.id) \(law.lawID): exposed without a path")
          #expect(law.missingFacts.isEmpty)
        case .unknown:
          #expect(!law.missingFacts.isEmpty, "\(offering.id) \(law.lawID): unknown without a missing fact")
        case .notExposed:
          #expect(law.missingFacts.isEmpty)
        }
        let lawSources = catalog.law(id: law.lawID)?.provenance.sources ?? []
        #expect(!lawSources.isEmpty && lawSources.allSatisfy(law.sources.contains), "\(law.lawID): the law's own sources are cited")
      }
      for criterion in result.secNumCloud196.criteria where criterion.verdict == .unknown {
        #expect(!criterion.missingFacts.isEmpty, "\(offering.id) \(criterion.id): unknown without a missing fact")
      }
    }
  }
}
