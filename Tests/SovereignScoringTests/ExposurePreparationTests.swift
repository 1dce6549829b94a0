import Dispatch
import SovereignCatalog
import SovereignExposure
import Testing

@testable import SovereignScoring

/// The exposure of a catalog computed by threads that share the offerings out
/// (`ExposurePreparation`), and the bundled catalog's, started before it is needed
/// (`EngineExposure.prefetchBundled(asOf:)`): the same readings as `EngineExposure(catalog:asOf:)`.
@Suite struct ExposurePreparationTests {
  static let day = CalendarDate(iso: "2026-12-01")!

  /// Every reading of `exposure` equals `expected`'s, offering by offering and law by law.
  static func expectSame(_ exposure: EngineExposure, _ expected: EngineExposure, catalog: Catalog) {
    for offering in catalog.offerings {
      for law in catalog.laws {
        #expect(exposure.exposure(of: offering, to: law) == expected.exposure(of: offering, to: law), "\(offering.id) \(law.id)")
      }
      #expect(exposure.secNumCloud196(of: offering) == expected.secNumCloud196(of: offering), "\(offering.id)")
      #expect(exposure.conflicts(of: offering) == expected.conflicts(of: offering), "\(offering.id)")
      #expect(exposure.assessment(of: offering) == expected.assessment(of: offering), "\(offering.id)")
    }
  }

  @Test func offeringsSharedOutAmongThreadsGiveTheSameReadings() throws {
    let catalog = try Catalog.bundled()
    let preparation = ExposurePreparation(catalog: catalog, asOf: Self.day)
    let helper = DispatchGroup()
    DispatchQueue.global().async(group: helper) { preparation.work() }
    let prepared = try #require(preparation.finish())
    helper.wait()
    #expect(prepared.map(\.id) == catalog.offerings.map(\.id))
    let expected = EngineExposure(catalog: catalog, asOf: Self.day)
    Self.expectSame(EngineExposure(engine: preparation.engine, prepared: prepared), expected, catalog: catalog)
    // Asked again, it gives the same readings at once.
    #expect(preparation.finish()?.map(\.id) == prepared.map(\.id))
  }

  /// The bundled catalog's exposure from the assessments the build made (`rank --as-of`): the
  /// one computed for that day, on a day the qualifications are current and on one after some ended.
  @Test func theBundledCatalogsExposureFromTheBuildsAssessmentsIsTheComputedOne() throws {
    let catalog = try Catalog.bundled()
    #expect(!EngineExposure.madeAtBuildTime.isEmpty)
    for day in [Self.day, CalendarDate(iso: "2029-06-30")!] {
      let fromBuild = EngineExposure(catalog: catalog, asOf: day, madeAhead: EngineExposure.madeAtBuildTime)
      Self.expectSame(fromBuild, EngineExposure(catalog: catalog, asOf: day), catalog: catalog)
    }
  }

  @Test func anAbandonedPreparationGivesNothingAndDoesNotHang() throws {
    let catalog = try Catalog.bundled()
    let untouched = ExposurePreparation(catalog: catalog, asOf: Self.day)
    untouched.abandon()
    #expect(untouched.finish() == nil)

    // Abandoned while another thread works: `finish` waits for its current offering, then
    // gives nothing, or everything if that thread was done first.
    let busy = ExposurePreparation(catalog: catalog, asOf: Self.day)
    let helper = DispatchGroup()
    DispatchQueue.global().async(group: helper) { busy.work() }
    busy.abandon()
    let result = busy.finish()
    helper.wait()
    #expect(result == nil || result?.count == catalog.offerings.count)
  }

  @Test func aCatalogWithoutOfferingsIsFinishedAtOnce() throws {
    let empty = Catalog(providers: [], entities: [:], laws: [], countries: [:], capabilities: [:])
    #expect(ExposurePreparation(catalog: empty, asOf: nil).finish()?.isEmpty == true)
  }

  /// The only test that starts the process-wide prefetch.
  @Test func theBundledCatalogsPrefetchedExposureIsTheOneComputedForThatDay() throws {
    #expect(EngineExposure.bundled(asOf: Self.day) == nil, "nothing was started")
    EngineExposure.prefetchBundled(asOf: Self.day)
    let prefetched = try #require(EngineExposure.bundled(asOf: Self.day))
    let catalog = try Catalog.bundled()
    Self.expectSame(prefetched, EngineExposure(catalog: catalog, asOf: Self.day), catalog: catalog)
    // Another day is not what was computed: nil, and the prefetch is then given up.
    #expect(EngineExposure.bundled(asOf: CalendarDate(iso: "2027-06-30")!) == nil)
    #expect(EngineExposure.bundled(asOf: Self.day) == nil)
  }
}
