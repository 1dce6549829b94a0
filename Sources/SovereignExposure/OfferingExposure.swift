import SovereignCatalogCore

/// Everything the exposure engine concludes about one offering: the verdict for each law, the
/// non-EU seat fact, the SecNumCloud 19.6 eligibility estimate, the HDS 2.0 transparency facts
/// and the ownership of the entities that provide it.
public struct OfferingExposure: Sendable, Hashable, Codable {
  public var offeringID: String
  public var offeringName: String
  public var providerID: String
  /// One verdict per law of the catalog, in law id order.
  public var laws: [LawExposure]
  public var seat: SeatFact
  public var secNumCloud196: SecNumCloudEligibility
  public var transparency: TransparencySummary
  /// One report per providing entity (contracting entity first, then operators).
  public var ownership: [OwnershipReport]
  /// Sourced facts that contradict what the offering's SecNumCloud qualification attests, each
  /// decided by ``AttestationConflict/rule``; empty when there is none.
  public var conflicts: [AttestationConflict] = []
  /// The day the verdicts are for (nil: validity dates not checked).
  public var asOf: CalendarDate? = nil
  /// Certificates and qualifications expired or ending within 90 days of ``asOf``.
  public var certificates: [CertificateValidity.Notice] = []
  /// The what-if values the verdicts may rest on (`--assume`); nil (absent from JSON) when none.
  /// Each law and § 19.6 criterion resting on one says `assumed: true`.
  public var assumptions: [Assumption]? = nil

  public init(
    offeringID: String, offeringName: String, providerID: String, laws: [LawExposure], seat: SeatFact,
    secNumCloud196: SecNumCloudEligibility, transparency: TransparencySummary, ownership: [OwnershipReport]
  ) {
    self.offeringID = offeringID
    self.offeringName = offeringName
    self.providerID = providerID
    self.laws = laws
    self.seat = seat
    self.secNumCloud196 = secNumCloud196
    self.transparency = transparency
    self.ownership = ownership
  }

  /// The verdict for a law id, or nil when the catalog has no such law.
  public func verdict(for lawID: String) -> ExposureVerdict? {
    laws.first { $0.lawID == lawID }?.verdict
  }

  /// The full result for a law id.
  public func exposure(to lawID: String) -> LawExposure? {
    laws.first { $0.lawID == lawID }
  }

  /// True only when every listed law is `not-exposed` (unknown or missing laws are not immunity).
  public func isImmune(to lawIDs: some Sequence<String>) -> Bool {
    lawIDs.allSatisfy { verdict(for: $0) == .notExposed }
  }

  enum CodingKeys: String, CodingKey {
    case offeringID = "offering"
    case offeringName = "offering_name"
    case providerID = "provider"
    case laws, seat
    case secNumCloud196 = "secnumcloud_19_6"
    case transparency, ownership, conflicts
    case asOf = "as_of"
    case certificates = "certificate_notices"
    case assumptions
  }
}
