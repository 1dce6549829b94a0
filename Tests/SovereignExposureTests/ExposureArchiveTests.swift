import Foundation
import SovereignCatalog
import SovereignExposure
import Testing

/// `ExposureArchive`: the compact form the build embeds the bundled catalog's assessments in.
@Suite struct ExposureArchiveTests {
  /// Every offering of the bundled catalog assessed on the basis of no evidence, the qualified
  /// ones also on their qualification's, and an assessment with an attestation conflict.
  static func entries() throws -> [ExposureArchive.Entry] {
    let catalog = try Catalog.bundled()
    let engine = ExposureEngine(catalog: catalog)
    let day = CalendarDate(iso: "2026-12-02")!
    var entries: [ExposureArchive.Entry] = []
    for offering in catalog.offerings {
      entries.append(.init(assessment: engine.assess(offering: offering, basis: .none, ownership: false), basisDay: nil))
      let basis = ExposureEngine.basis(of: offering, on: day, rules: catalog.rules)
      if basis.hasQualificationEvidence {
        entries.append(.init(assessment: engine.assess(offering: offering, basis: basis, ownership: false), basisDay: day))
      }
    }
    let conflicted = AttestationConflictTests.catalog(subcontractorAccess: .yes)
    let conflictDay = CalendarDate(iso: "2026-11-29")!
    let basis = ExposureEngine.basis(of: conflicted.offerings[0], on: conflictDay, rules: conflicted.rules)
    let withConflict = ExposureEngine(catalog: conflicted).assess(offering: conflicted.offerings[0], basis: basis, ownership: false)
    return entries + [.init(assessment: withConflict, basisDay: conflictDay)]
  }

  @Test func decodingGivesBackEveryEntryEncoded() throws {
    let entries = try Self.entries()
    let assessments = entries.map(\.assessment)
    // The set covers every part of the layout: conflicts, paths with and without entities,
    // unknown and known access countries, derivation rules, grades and none, basis days and none.
    #expect(assessments.contains { !$0.conflicts.isEmpty })
    #expect(assessments.contains { $0.laws.contains { $0.path?.steps.contains { $0.entityID == nil } == true } })
    #expect(assessments.contains { $0.laws.contains { $0.path?.steps.contains { $0.entityID != nil } == true } })
    #expect(assessments.contains { $0.transparency.accessCountries.isKnown })
    #expect(assessments.contains { !$0.transparency.accessCountries.isKnown })
    #expect(assessments.contains { $0.secNumCloud196.criteria.contains { !$0.derived.isEmpty } })
    #expect(assessments.contains { $0.laws.contains { $0.evidence == nil } })
    #expect(entries.contains { $0.basisDay == nil } && entries.contains { $0.basisDay != nil })
    let decoded = try ExposureArchive.decode(ExposureArchive.encode(entries))
    #expect(decoded.count == entries.count)
    for (read, written) in zip(decoded, entries) { #expect(read == written, "\(written.assessment.offeringID)") }
    #expect(try ExposureArchive.decode(ExposureArchive.encode([])).isEmpty)
  }

  /// The day, the certificate notices, the assumptions and the ownership reports are not kept.
  @Test func whatDependsOnTheDayIsLeftOut() throws {
    let catalog = try Catalog.bundled()
    let offering = try #require(catalog.offerings.first)
    let full = ExposureEngine(catalog: catalog, asOf: CalendarDate(iso: "2026-12-02")).assess(offering: offering)
    #expect(!full.ownership.isEmpty && full.asOf != nil)
    let read = try #require(try ExposureArchive.decode(ExposureArchive.encode([.init(assessment: full, basisDay: nil)])).first)
    #expect(read.assessment.ownership.isEmpty && read.assessment.asOf == nil)
    #expect(read.assessment.certificates.isEmpty && read.assessment.assumptions == nil)
    var expected = full
    (expected.ownership, expected.asOf, expected.certificates, expected.assumptions) = ([], nil, [], nil)
    #expect(read.assessment == expected)
  }

  @Test func corruptBytesAreRefusedNotACrash() throws {
    let bytes = ExposureArchive.encode(Array(try Self.entries().suffix(3)))
    // Cut anywhere: an error, never a crash or a partial result.
    for length in stride(from: 0, to: bytes.count, by: 5) {
      #expect(throws: ExposureArchive.Corrupt.self) { try ExposureArchive.decode(Array(bytes.prefix(length))) }
    }
    #expect(throws: ExposureArchive.Corrupt.self) { try ExposureArchive.decode(bytes + [0]) }
    var otherVersion = bytes
    otherVersion[0] = UInt8(ExposureArchive.version + 1)
    #expect(throws: ExposureArchive.Corrupt.self) { try ExposureArchive.decode(otherVersion) }
    // Any byte changed: an error or some entries, never a crash.
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<300 {
      var changed = bytes
      changed[Int.random(in: 0..<changed.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
      _ = try? ExposureArchive.decode(changed)
    }
  }

  /// What the build embedded is what the engine makes from the bundled catalog now: every
  /// offering on the basis of no evidence, every qualified one also on its qualification's, each
  /// equal to the engine's assessment on that basis.
  @Test func theBuildsArchiveIsTheEnginesAssessmentOfTheBundledCatalog() throws {
    let catalog = try Catalog.bundled()
    let bytes = try #require(Data(base64Encoded: Catalog.bundledExposureArchive))
    let embedded = try ExposureArchive.decode(Array(bytes))
    let engine = ExposureEngine(catalog: catalog)
    #expect(Set(embedded.filter { $0.basisDay == nil }.map(\.assessment.offeringID)) == Set(catalog.offerings.map(\.id)))
    let qualified = catalog.offerings.filter { $0.certifications.secNumCloud?.status == .qualified }
    #expect(!qualified.isEmpty)
    #expect(Set(embedded.filter { $0.basisDay != nil }.map(\.assessment.offeringID)) == Set(qualified.map(\.id)))
    for entry in embedded {
      let offering = try #require(catalog.offering(id: entry.assessment.offeringID))
      let basis = entry.basisDay.map { ExposureEngine.basis(of: offering, on: $0, rules: catalog.rules) } ?? .none
      #expect(entry.basisDay == nil || basis.hasQualificationEvidence, "\(offering.id)")
      #expect(entry.assessment == engine.assess(offering: offering, basis: basis, ownership: false), "\(offering.id)")
    }
  }
}
