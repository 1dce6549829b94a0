import SovereignCatalog

/// The counts issue 11's targets are measured by, computed from a report's offerings: HDS and
/// SecNumCloud status known, what the HDS-certified offerings state, and the US CLOUD Act verdict
/// among the offerings signed with an entity seated in the EU/EEA.
public struct CoverageTargets: Sendable, Hashable, Encodable {
  public var offerings = 0
  public var hdsStatusKnown = 0
  public var secNumCloudStatusKnown = 0
  /// Offerings whose HDS record says certified (current or not known current).
  public var hdsCertified = 0
  public var hdsCertifiedWithActivities = 0
  /// Referential read or derived.
  public var hdsCertifiedWithReferential = 0
  public var hdsCertifiedWithValidity = 0
  /// Offerings whose contracting entity's seat is in the EU/EEA.
  public var euEEASeated = 0
  /// Of those, with a CLOUD Act verdict (exposed or not-exposed, read or derived), any grade.
  public var euEEASeatedCloudActDecided = 0
  /// Of those, at provider grade or better.
  public var euEEASeatedCloudActDecidedProviderOrBetter = 0

  enum CodingKeys: String, CodingKey {
    case offerings
    case hdsStatusKnown = "hds_status_known"
    case secNumCloudStatusKnown = "secnumcloud_status_known"
    case hdsCertified = "hds_certified"
    case hdsCertifiedWithActivities = "hds_certified_with_activities"
    case hdsCertifiedWithReferential = "hds_certified_with_referential"
    case hdsCertifiedWithValidity = "hds_certified_with_validity"
    case euEEASeated = "eu_eea_seated"
    case euEEASeatedCloudActDecided = "eu_eea_seated_cloud_act_decided"
    case euEEASeatedCloudActDecidedProviderOrBetter = "eu_eea_seated_cloud_act_decided_provider_or_better"
  }

  /// True when the fact is known or derived.
  static func decided(_ fact: FactCoverage?) -> Bool {
    guard let state = fact?.state else { return false }
    return state == .known || state == .derived
  }

  init(offerings: [OfferingCoverage], catalog: Catalog) {
    self.offerings = offerings.count
    for offering in offerings {
      let facts = offering.facts
      if Self.decided(facts[.hdsStatus]) { hdsStatusKnown += 1 }
      if Self.decided(facts[.secNumCloudStatus]) { secNumCloudStatusKnown += 1 }
      if catalog.offering(id: offering.offeringID)?.certifications.hds?.status == .certified {
        hdsCertified += 1
        if Self.decided(facts[.hdsActivities]) { hdsCertifiedWithActivities += 1 }
        if Self.decided(facts[.hdsReferential]) { hdsCertifiedWithReferential += 1 }
        if Self.decided(facts[.hdsValidity]) { hdsCertifiedWithValidity += 1 }
      }
      if let seat = facts[.contractingEntitySeat]?.value, catalog.isEEA(seat) {
        euEEASeated += 1
        if Self.decided(facts[.usCloudAct]) {
          euEEASeatedCloudActDecided += 1
          if let grade = facts[.usCloudAct]?.grade, grade >= .provider { euEEASeatedCloudActDecidedProviderOrBetter += 1 }
        }
      }
    }
  }
}
