import Foundation
import SovereignCatalog
import SovereignExposure
import Testing

/// `ExposureEngine.Basis`: the engine reads the day only to find an offering's SecNumCloud
/// evidence, so an assessment made ahead of time is the one for every day with its basis.
@Suite struct AssessmentBasisTests {
  /// Days around every date the engine compares with: before and after the SecNumCloud 3.2 and
  /// HDS 2.0 referentials, qualification and certificate ends, the edges of a `CalendarDate`.
  static let days: [CalendarDate?] = [
    nil, "1900-01-01", "2019-06-30", "2022-03-07", "2022-03-08", "2025-03-07", "2025-03-08", "2026-05-15", "2026-05-16",
    "2026-12-02", "2027-12-31", "2028-06-30", "2029-12-31", "2031-01-01", "2200-12-31",
  ].map { $0.flatMap(CalendarDate.init(iso:)) }

  /// On every day, the assessment taken from the build's archive (when one was made on that
  /// day's basis) is the one the engine makes that day; on the day the catalog was reviewed every
  /// offering is taken from it.
  @Test func anAssessmentMadeAheadIsTheDaysWheneverTheBasisIsTheSame() throws {
    let catalog = try Catalog.bundled()
    let made = try ExposureArchive.decode(Array(try #require(Data(base64Encoded: Catalog.bundledExposureArchive))))
    for day in Self.days {
      let engine = ExposureEngine(catalog: catalog, asOf: day)
      var reused = 0
      for offering in catalog.offerings {
        guard let taken = engine.assessment(of: offering, from: made) else { continue }
        reused += 1
        #expect(taken == engine.assess(offering: offering, ownership: false), "\(offering.id) on \(day?.description ?? "no day")")
      }
      #expect(reused >= catalog.offerings.count / 2, "\(day?.description ?? "no day")")
      if day == CalendarDate(iso: "2026-12-02") { #expect(reused == catalog.offerings.count) }
    }
  }

  @Test func anOfferingNotQualifiedHasNoEvidenceOnAnyDay() throws {
    var catalog = AttestationConflictTests.catalog(subcontractorAccess: nil)
    for status in [SecNumCloudQualification.Status.inProgress, .none, .unknown] {
      catalog.providers[0].offerings[0].certifications.secNumCloud?.status = status
      for day in Self.days {
        #expect(ExposureEngine.basis(of: catalog.offerings[0], on: day, rules: catalog.rules) == .none, "\(status)")
      }
    }
    catalog.providers[0].offerings[0].certifications.secNumCloud = nil
    #expect(ExposureEngine.basis(of: catalog.offerings[0], on: nil, rules: catalog.rules) == .none)
  }

  /// The basis matters: a qualified offering's verdicts change with it (the qualification is
  /// evidence while current, not after it ended), and an assessment made on one basis is not
  /// taken on a day with another.
  @Test func aQualifiedOfferingsAssessmentChangesWithItsBasis() throws {
    let catalog = AttestationConflictTests.catalog(subcontractorAccess: nil)
    let offering = catalog.offerings[0]
    let (current, ended) = (CalendarDate(iso: "2026-11-29")!, CalendarDate(iso: "2029-01-01")!)
    let evidence = ExposureEngine.basis(of: offering, on: current, rules: catalog.rules)
    #expect(evidence.hasQualificationEvidence)
    #expect(ExposureEngine.basis(of: offering, on: ended, rules: catalog.rules) == .none)
    let undated = ExposureEngine(catalog: catalog)
    let made = [ExposureArchive.Entry(assessment: undated.assess(offering: offering, basis: evidence, ownership: false), basisDay: current)]
    #expect(made[0].assessment.verdict(for: "us-cloud-act") == .notExposed)
    #expect(ExposureEngine(catalog: catalog, asOf: ended).assess(offering: offering).verdict(for: "us-cloud-act") == .unknown)
    #expect(ExposureEngine(catalog: catalog, asOf: ended).assessment(of: offering, from: made) == nil)
    let later = ExposureEngine(catalog: catalog, asOf: CalendarDate(iso: "2027-03-01"))
    #expect(later.assessment(of: offering, from: made) == later.assess(offering: offering, ownership: false))
  }
}
