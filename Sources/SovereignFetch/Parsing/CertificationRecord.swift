import Foundation
import SovereignCatalog

/// One row of a certification list, whatever the source: an HDS certificate, a SecNumCloud
/// qualification, or a line of a provider's HDS transfer mapping. Fields a source does not
/// publish stay nil (unknown), never guessed.
public struct CertificationRecord: Sendable, Hashable, Codable {
  /// The certified company as printed (host, provider, or actor of a transfer mapping).
  public var holder: String
  /// Service name (SecNumCloud) or perimeter, when the list names one.
  public var service: String?
  /// HDS activities 1-6; nil when not stated or not understood (see ``activitiesText``).
  public var activities: [Int]?
  /// The activities exactly as printed.
  public var activitiesText: String?
  /// Referential version as printed (`v2.0`, `1.1`, ...).
  public var referential: String?
  /// Certifying body (HDS).
  public var body: String?
  /// Certificate number (HDS) or ANSSI decision number (SecNumCloud).
  public var identifier: String?
  /// Service types (SecNumCloud): `iaas`, `paas`, `caas`, `saas`.
  public var serviceTypes: [String]?
  /// Date of certification / qualification.
  public var validFrom: CalendarDate?
  /// End of validity.
  public var validUntil: CalendarDate?
  /// Transfer mapping: role in the hosting service (host, processor of the host, ...).
  public var role: String?
  /// Transfer mapping: HDS certified (`yes`, `no`, `exempted`, or as printed).
  public var hdsCertified: String?
  /// Transfer mapping: SecNumCloud 3.2 qualified (`yes`, `no`, or as printed).
  public var secNumCloudQualified: String?
  /// Transfer mapping: access to health data from outside the EEA (HDS req. 29).
  public var nonEEAAccess: String?
  /// Transfer mapping: subject to a third-country law risk (HDS req. 30).
  public var thirdCountryLawRisk: String?
  /// Transfer mapping: the answers exactly as printed (footnote markers removed), beside the
  /// mapped `yes` / `no` / `exempted` / `unknown` above.
  public var hdsCertifiedText: String?
  public var secNumCloudQualifiedText: String?
  public var nonEEAAccessText: String?
  public var thirdCountryLawRiskText: String?
  /// Transfer mapping: the product the row's table documents (the heading above the table), when
  /// the page has one table per product.
  public var product: String?
  /// Footnotes the row's cells point to, and findings a page states about the row (e.g. the
  /// SecNumCloud 19.6 criteria not met), as printed.
  public var notes: [String]?

  public init(holder: String) {
    self.holder = holder
  }

  /// Identity used to compare snapshots: normalised holder, service and product.
  public var key: String {
    var key = NameNormalizer.normalize(holder)
    if let service, !service.isEmpty { key += " | " + NameNormalizer.normalize(service) }
    if let product, !product.isEmpty { key += " @ " + NameNormalizer.normalize(product) }
    return key
  }
}
