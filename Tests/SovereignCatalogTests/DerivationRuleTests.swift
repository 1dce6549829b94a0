import Foundation
import Testing

@testable import SovereignCatalogCore
import SovereignCatalog

/// The derivation rules of `data/rules/` and the one function that decides whether a certificate
/// is current on a date (``CertificateCurrency``).
@Suite("Derivation rules and certificate currency")
struct DerivationRuleTests {
  static let rules = (try? Catalog.bundled().rules) ?? []
  static let evaluation = CalendarDate(iso: "2026-11-30")!

  static func source(_ asOf: String, kind: SourceKind = .provider) -> Provenance {
    Provenance([Source(id: "s", url: "https://example.org/hds", asOf: CalendarDate(iso: asOf)!, kind: kind)])
  }

  @Test("the bundled rules load with their citations")
  func bundledRules() throws {
    let hds = try #require(Self.rules.first { $0.kind == .hdsReferentialMandatory })
    #expect(hds.id == "hds-referential-2-0" && hds.referential == "2.0" && hds.since == CalendarDate(iso: "2026-05-16"))
    #expect(!hds.provenance.isEmpty)
    let snc = try #require(Self.rules.first { $0.kind == .secNumCloudReferential })
    #expect(snc.referential == "3.2" && snc.since == CalendarDate(iso: "2022-03-08") && snc.validityYears == 3)
    #expect(snc.provenance.sources.contains { $0.kind == .regulator })
  }

  @Test("a 2025 HDS certificate with no valid-until is not known current on 2026-11-30")
  func oldHDSCertificateIsNotKnownCurrent() {
    let hds = HDSCertification(status: .certified, activities: .known([1, 2, 3, 4, 5, 6]), provenance: Self.source("2025-06-01"))
    let standing = CertificateCurrency.hds(hds, on: Self.evaluation, rules: Self.rules)
    #expect(standing.state == .notKnownCurrent)
    #expect(!standing.isCurrent)
    #expect(standing.referential == .unknown)
    #expect(standing.outdatedBy?.id == "hds-referential-2-0")
    #expect(standing.reason.contains("2025-06-01") && standing.reason.contains("2026-05-16"))
    // Before the deadline the same certificate is current, with nothing derived.
    let before = CertificateCurrency.hds(hds, on: CalendarDate(iso: "2026-01-10"), rules: Self.rules)
    #expect(before.state == .current && before.rules.isEmpty)
    // Without the rule nothing is derived either.
    #expect(CertificateCurrency.hds(hds, on: Self.evaluation, rules: []).state == .current)
  }

  @Test("an HDS certificate valid until 2027 is a derived 2.0 certificate on 2026-11-30")
  func validHDSCertificateIsDerived20() {
    let hds = HDSCertification(
      status: .certified, validUntil: .known(CalendarDate(iso: "2027-03-01")!), provenance: Self.source("2025-06-01"))
    let standing = CertificateCurrency.hds(hds, on: Self.evaluation, rules: Self.rules)
    #expect(standing.state == .current)
    #expect(standing.referential == .known("2.0"))
    #expect(standing.referentialRule?.id == "hds-referential-2-0")
    #expect(standing.derivations.first?.hasPrefix("derived: HDS referential 2.0") == true)
    // A listing dated after the deadline derives it too; a read 1.1 is not current after it.
    let listed = HDSCertification(status: .certified, provenance: Self.source("2026-09-01", kind: .officialList))
    #expect(CertificateCurrency.hds(listed, on: Self.evaluation, rules: Self.rules).referential == .known("2.0"))
    let old = HDSCertification(
      status: .certified, referential: .known("1.1"), validUntil: .known(CalendarDate(iso: "2027-03-01")!),
      provenance: Self.source("2025-06-01"))
    #expect(CertificateCurrency.hds(old, on: Self.evaluation, rules: Self.rules).state == .notKnownCurrent)
    // Past its valid-until it is not held, whatever the rules.
    let expired = HDSCertification(status: .certified, validUntil: .known(CalendarDate(iso: "2026-11-29")!), provenance: Self.source("2026-06-01"))
    #expect(CertificateCurrency.hds(expired, on: Self.evaluation, rules: Self.rules).state == .expired)
  }

  @Test("a SecNumCloud qualification past its end date is expired; a current one is derived 3.2")
  func secNumCloudCurrency() {
    let past = SecNumCloudQualification(
      status: .qualified, referential: .known("3.2"), validUntil: .known(CalendarDate(iso: "2026-11-29")!), provenance: Self.source("2024-01-01"))
    #expect(CertificateCurrency.secNumCloud(past, on: Self.evaluation, rules: Self.rules).state == .expired)
    // Qualified on a known date, no end date: it ends three years later (derived).
    let dated = SecNumCloudQualification(
      status: .qualified, qualifiedOn: .known(CalendarDate(iso: "2023-06-01")!), provenance: Self.source("2024-01-01"))
    let ended = CertificateCurrency.secNumCloud(dated, on: Self.evaluation, rules: Self.rules)
    #expect(ended.state == .expired && ended.validUntil == .known(CalendarDate(iso: "2026-06-01")!))
    #expect(ended.validUntilRule?.id == "secnumcloud-referential-3-2")
    // Current, referential not recorded (or recorded 3.1): derived 3.2.
    let current = SecNumCloudQualification(
      status: .qualified, referential: .known("3.1"), validUntil: .known(CalendarDate(iso: "2028-12-17")!), provenance: Self.source("2025-12-17"))
    let standing = CertificateCurrency.secNumCloud(current, on: Self.evaluation, rules: Self.rules)
    #expect(standing.state == .current && standing.referential == .known("3.2"))
    #expect(standing.reason.contains("the record says 3.1"))
    #expect(standing.expires(within: 90, of: Self.evaluation) == false)
    #expect(standing.expires(within: 90, of: CalendarDate(iso: "2028-10-01")!))
    #expect(CertificateCurrency.secNumCloud(current, on: Self.evaluation, rules: []).referential == .known("3.1"))
  }

  @Test("a SecNumCloud qualification without dates is current only within three years of its newest source")
  func undatedSecNumCloudQualification() {
    // Known only from a source of 2020, no dates, recorded 3.1: a 3.1 qualification was issued
    // before 2022-03-08 and lasts three years, so it ended by 2025-03-08; never derived 3.2.
    let old = SecNumCloudQualification(status: .qualified, referential: .known("3.1"), provenance: Self.source("2020-06-01", kind: .officialList))
    let standing = CertificateCurrency.secNumCloud(old, on: Self.evaluation, rules: Self.rules)
    #expect(standing.state == .notKnownCurrent && !standing.isCurrent)
    #expect(standing.referential == .known("3.1") && standing.referentialRule == nil)
    #expect(standing.outdatedBy?.id == "secnumcloud-referential-3-2")
    #expect(standing.reason.contains("ended by 2025-03-08"))
    // The same without a recorded referential: not known current three years after its source.
    let unread = SecNumCloudQualification(status: .qualified, provenance: Self.source("2020-06-01", kind: .officialList))
    let unreadStanding = CertificateCurrency.secNumCloud(unread, on: Self.evaluation, rules: Self.rules)
    #expect(unreadStanding.state == .notKnownCurrent && unreadStanding.referential == .unknown)
    #expect(unreadStanding.reason.contains("2020-06-01"))
    // Listed in the official catalogue of 2025-12-05: current on 2026-11-30 (and derived 3.2),
    // not known current from 2028-12-05 on.
    let listed = SecNumCloudQualification(status: .qualified, provenance: Self.source("2025-12-05", kind: .officialList))
    let listedStanding = CertificateCurrency.secNumCloud(listed, on: Self.evaluation, rules: Self.rules)
    #expect(listedStanding.state == .current && listedStanding.referential == .known("3.2"))
    #expect(CertificateCurrency.secNumCloud(listed, on: CalendarDate(iso: "2028-12-05"), rules: Self.rules).state == .notKnownCurrent)
    // Recorded 3.1 and seen in 2024, before 2025-03-08: still current then, as recorded.
    let early = CertificateCurrency.secNumCloud(
      SecNumCloudQualification(status: .qualified, referential: .known("3.1"), provenance: Self.source("2024-01-01")),
      on: CalendarDate(iso: "2024-06-01"), rules: Self.rules)
    #expect(early.state == .current && early.referential == .known("3.1"))
    // Without the rule nothing is derived: current, as before.
    #expect(CertificateCurrency.secNumCloud(old, on: Self.evaluation, rules: []).state == .current)
  }

  @Test("a rule file is read strictly: unknown kind and missing validity years are reported with their position")
  func ruleFileIsStrict() throws {
    let rule = """
      id: snc
      kind: secnumcloud-referentiel
      statement: test
      referential: "3.2"
      since: 2022-03-08
      source: s
      sources:
        s: { url: https://example.org/s, as_of: 2022-03-08, kind: regulator }
      """
    let diagnostics = CatalogFixture.diagnostics(
      CatalogFixture.files(extra: [CatalogFile(relativePath: "rules/snc.yaml", contents: Array(rule.utf8))]))
    let kind = try #require(diagnostics.first { $0.message.contains("`kind`") })
    #expect(kind.location.file == "rules/snc.yaml" && kind.location.line == 2 && kind.location.column == 7)
    #expect(kind.hint?.contains("secnumcloud-referential") == true)
    let fixed = rule.replacingOccurrences(of: "referentiel", with: "referential")
    let missing = CatalogFixture.diagnostics(
      CatalogFixture.files(extra: [CatalogFile(relativePath: "rules/snc.yaml", contents: Array(fixed.utf8))]))
    #expect(missing.map(\.message) == ["a `secnumcloud-referential` rule is missing the key `validity_years`"])
  }
}
