import SovereignCatalogCore

/// A current SecNumCloud 3.2 qualification, used as evidence against non-EU control and access.
///
/// ANSSI qualifies a service under SecNumCloud 3.2 only after checking chapter 19.6: no non-EU
/// entity holds more than 24 % (individually) or 39 % (collectively) of the provider's capital or
/// votes, none has a veto or may appoint the board majority (19.6 b), non-EU third parties have no
/// technical means to obtain the data (19.6 c); and chapter 19.2: data stored and processed, the
/// service administered and supervised, in the EU. So for a law of a non-EU country, a doubt that
/// comes only from unknown ownership details or unknown access countries is settled by the
/// qualification. It does not override a sourced path to a law (facts win), and it needs the
/// qualification to be current on the evaluation date and under 3.2 (3.1 had no § 19.6), read or
/// derived by the catalog's `secnumcloud-referential` rule (see ``CertificateCurrency``).
///
/// The engine reads the evaluation date only to find this evidence: two days with equal evidence
/// (or none on both) give the same assessment (``ExposureEngine/Basis``). Hence the standing is
/// kept without its `reason`, a sentence that may name the day and that no rule here reads.
struct SecNumCloudEvidence: Sendable, Hashable {
  let qualification: SecNumCloudQualification
  /// Where the qualification stands on the date, with the rules that derived its referential or
  /// end (its `reason` left empty).
  let standing: CertificateStanding

  /// The SecNumCloud 3.2 requirements document (ANSSI, 8 March 2022), chapters 19.2 and 19.6.
  static let referential = Source(
    id: "anssi-secnumcloud-3-2",
    url: "https://cyber.gouv.fr/sites/default/files/document/secnumcloud-referentiel-exigences-v3.2.pdf",
    title: "ANSSI: SecNumCloud requirements, version 3.2 (chapters 19.2 data location, 19.6 protection against non-EU law)",
    asOf: CalendarDate(year: 2022, month: 3, day: 8)!, kind: .regulator)

  /// Evidence when the offering's qualification is current on `asOf` (when given) and under 3.2,
  /// read or derived by `rules`.
  init?(offering: Offering, asOf: CalendarDate?, rules: [DerivationRule]) {
    guard let snc = offering.certifications.secNumCloud else { return nil }
    var standing = CertificateCurrency.secNumCloud(snc, on: asOf, rules: rules)
    guard standing.isCurrent, standing.referential.value == "3.2" else { return nil }
    standing.reason = ""
    qualification = snc
    self.standing = standing
  }

  var sources: [Source] {
    var list = qualification.provenance.sources + [Self.referential]
    for rule in standing.rules {
      // The rule may cite the referential already listed (same document, another title): once.
      merge(rule.provenance.sources.filter { source in !list.contains { $0.url == source.url } }, into: &list)
    }
    return list
  }

  /// " (derived: …)" when a rule derived the referential or the end date, else "".
  var derivedSuffix: String {
    standing.rules.isEmpty ? "" : " (" + standing.derivations.joined(separator: "; ") + ")"
  }

  func explanation(settling doubts: [String]) -> String {
    let until = standing.validUntil.value.map { " (valid until \($0)\(standing.validUntilRule == nil ? "" : ", derived"))" } ?? ""
    return "Qualified SecNumCloud 3.2\(until)\(derivedSuffix): ANSSI's qualification attests that no non-EU entity controls the provider "
      + "(§ 19.6 b: at most 24 % individually and 39 % collectively of capital and votes, no veto, no board majority) "
      + "and that non-EU third parties cannot technically obtain the data (§ 19.6 c; data stored and administered in the EU, "
      + "§ 19.2; customer support may still be given from outside the EU, § 19.2 e). This settles what the catalog's own facts "
      + "leave open: " + doubts.joined(separator: " ")
  }
}
