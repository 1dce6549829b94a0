/// The summary of one provider in `sovereign providers` (and `GET /api/v1/providers`).
public struct ProviderRow: Sendable, Encodable {
  public static let headers = ["id", "name", "seat", "offerings", "hds", "secnumcloud", "website"]

  public var id: String
  public var name: String
  public var seat: String
  public var offerings: Int
  /// Best HDS status among its offerings.
  public var hds: String
  /// Best SecNumCloud status among its offerings.
  public var secnumcloud: String
  public var website: String

  public init(_ provider: Provider, catalog: Catalog) {
    id = provider.id
    name = provider.name
    offerings = provider.offerings.count
    website = provider.website
    let hdsStatuses = provider.offerings.map { $0.certifications.hds?.status ?? .unknown }
    hds =
      hdsStatuses.contains(.certified) ? "certified" : hdsStatuses.allSatisfy { $0 == .notCertified } ? "not-certified" : "unknown"
    let snc = provider.offerings.map { $0.certifications.secNumCloud?.status ?? .unknown }
    secnumcloud =
      snc.contains(.qualified) ? "qualified" : snc.contains(.inProgress) ? "in-progress" : snc.allSatisfy { $0 == .none } ? "none" : "unknown"
    let seats = Set(provider.offerings.map { catalog.entities[$0.contractingEntity]?.seat.value ?? "unknown" })
    seat = seats.sorted().joined(separator: " ")
  }

  /// The row's cells, in ``headers`` order.
  public var cells: [String] { [id, name, seat, String(offerings), hds, secnumcloud, website] }

  /// One row per provider of `catalog`, in catalog order.
  public static func rows(of catalog: Catalog) -> [ProviderRow] {
    catalog.providers.map { ProviderRow($0, catalog: catalog) }
  }
}
