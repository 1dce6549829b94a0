import SovereignCatalog
import SovereignExposure
import Testing

@testable import SovereignScoring

/// `EngineExposure` prepares every offering's assessment without the ownership reports (no gate
/// or criterion reads them); what it gives out is still the engine's whole assessment.
@Suite struct EngineExposureTests {
  @Test func givesTheEnginesWholeAssessmentOfEveryBundledOffering() throws {
    let catalog = try Catalog.bundled()
    let day = CalendarDate(iso: "2026-12-01")!
    let exposure = EngineExposure(catalog: catalog, asOf: day)
    let engine = ExposureEngine(catalog: catalog, asOf: day)
    var withOwners = 0
    for offering in catalog.offerings {
      let whole = engine.assess(offering: offering)
      #expect(exposure.assessment(of: offering) == whole, "\(offering.id)")
      if !whole.ownership.isEmpty { withOwners += 1 }
      var partial = whole
      partial.ownership = []
      #expect(engine.assess(offering: offering, ownership: false) == partial, "\(offering.id): only the ownership reports are left out")
      for law in catalog.laws {
        #expect(exposure.verdict(of: offering, for: law.id) == whole.verdict(for: law.id))
        #expect(exposure.exposure(of: offering, to: law) == EngineExposure.evidence(whole, law: law))
      }
      #expect(exposure.secNumCloud196(of: offering) == EngineExposure.secNumCloud196(whole))
      #expect(exposure.conflicts(of: offering) == whole.conflicts)
    }
    #expect(withOwners > catalog.offerings.count / 2, "the comparison covers ownership reports")
    #expect(exposure.verdict(of: catalog.offerings[0], for: "no-such-law") == nil)
  }
}
