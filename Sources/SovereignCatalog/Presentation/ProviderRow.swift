/// The summary of one provider in `sovereign providers` (and `GET /api/v1/providers`).
public struct ProviderRow: Sendable, Encodable {
  public static let headers = ["id", "name", "seat", "offerings", "hds", "secnumcloud", "website"]

  public var id: String
  public var name: String
  public var seat: String
  public var offerings: Int
  /// Best HDS standing among its offerings on the row's date: `certified` when one holds a
  /// current certificate (``CertificateCurrency``, the rule the gates use), `not-certified` when
  /// none holds one and each is known not to (not certified, or past its end), else `unknown`
  /// (including a certificate not known to be current).
  public var hds: String
  /// Best SecNumCloud standing among its offerings on the row's date: `qualified` (current),
  /// `in-progress`, `none` (not qualified, or past its end), else `unknown` (including a
  /// qualification not known to be current).
  public var secnumcloud: String
  public var website: String

  /// The row of `provider` with its certifications judged on `date` (today by default).
  public init(_ provider: Provider, catalog: Catalog, on date: CalendarDate = .today()) {
    id = provider.id
    name = provider.name
    offerings = provider.offerings.count
    website = provider.website
    let hdsStates = provider.offerings.map { CertificateCurrency.hds($0.certifications.hds, on: date, rules: catalog.rules).state }
    hds =
      hdsStates.contains(.current)
      ? "certified" : hdsStates.allSatisfy { $0 == .notHeld || $0 == .expired } ? "not-certified" : "unknown"
    // Each offering's standing on the date, in the words of a qualification's status.
    let snc = provider.offerings.map { offering -> SecNumCloudQualification.Status in
      let record = offering.certifications.secNumCloud
      switch CertificateCurrency.secNumCloud(record, on: date, rules: catalog.rules).state {
      case .current: return .qualified
      case .notHeld: return record?.status == .inProgress ? .inProgress : SecNumCloudQualification.Status.none
      case .expired: return SecNumCloudQualification.Status.none
      case .notKnownCurrent, .unknown: return .unknown
      }
    }
    let best: SecNumCloudQualification.Status =
      snc.contains(.qualified)
      ? .qualified : snc.contains(.inProgress) ? .inProgress : snc.allSatisfy { $0 == SecNumCloudQualification.Status.none } ? .none : .unknown
    secnumcloud = best.rawValue
    let seats = Set(provider.offerings.map { catalog.entities[$0.contractingEntity]?.seat.value ?? "unknown" })
    seat = seats.sorted().joined(separator: " ")
  }

  /// The row's cells, in ``headers`` order.
  public var cells: [String] { [id, name, seat, String(offerings), hds, secnumcloud, website] }

  /// One row per provider of `catalog`, in catalog order, judged on `date` (today by default).
  public static func rows(of catalog: Catalog, on date: CalendarDate = .today()) -> [ProviderRow] {
    catalog.providers.map { ProviderRow($0, catalog: catalog, on: date) }
  }
}
