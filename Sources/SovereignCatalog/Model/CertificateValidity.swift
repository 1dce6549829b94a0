/// Whether an offering's certificates and qualifications are current on a given day: expired
/// ones (valid-until before the day) count as not held; those ending within
/// ``CertificateValidity/warningDays`` of the day are flagged so a reader can check the renewal.
public enum CertificateValidity {
  /// Certificates ending within this many days of the evaluation date are flagged: 90.
  public static let warningDays = 90

  /// One certificate or qualification with an end date.
  public struct Notice: Sendable, Hashable, Codable {
    /// `expired` (counts as not held) or `expiring` (ends within ``CertificateValidity/warningDays``).
    public var kind: Kind
    /// `HDS certificate`, `SecNumCloud qualification` or `<scheme> certificate`.
    public var what: String
    public var validUntil: CalendarDate
    /// Days from the evaluation date to the end date (negative when expired).
    public var daysLeft: Int

    public enum Kind: String, Sendable, Hashable, Codable { case expired, expiring }

    /// `expired: HDS certificate valid until 2026-01-31` (counted as not held), or
    /// `expiring: SecNumCloud qualification valid until 2026-11-30 (29 days after the evaluation date); check the renewal`.
    public var text: String {
      switch kind {
      case .expired:
        "expired: \(what) valid until \(validUntil)"
      case .expiring:
        "expiring: \(what) valid until \(validUntil) (\(daysLeft) day\(daysLeft == 1 ? "" : "s") after the evaluation date); check the renewal"
      }
    }

    enum CodingKeys: String, CodingKey {
      case kind, what
      case validUntil = "valid_until"
      case daysLeft = "days_left"
    }
  }

  /// True when a certificate valid until `end` (nil: no end date known) is held on `day`: the
  /// same rule as ``CertificateCurrency/isCurrent(validUntil:on:)``, which it calls.
  public static func isCurrent(until end: CalendarDate?, on day: CalendarDate) -> Bool {
    CertificateCurrency.isCurrent(validUntil: end.map(Known.known) ?? .unknown, on: day)
  }

  /// The expired and expiring certificates of `offering` on `day`, HDS first, then SecNumCloud,
  /// then the other schemes in file order. Only held certificates (certified / qualified) count.
  public static func notices(for offering: Offering, on day: CalendarDate) -> [Notice] {
    let certs = offering.certifications
    var dated: [(String, CalendarDate?)] = []
    if let hds = certs.hds, hds.status == .certified { dated.append(("HDS certificate", hds.validUntil.value)) }
    if let snc = certs.secNumCloud, snc.status == .qualified { dated.append(("SecNumCloud qualification", snc.validUntil.value)) }
    for other in certs.others where other.status == .certified { dated.append(("\(other.scheme) certificate", other.validUntil.value)) }
    return dated.compactMap { what, end in
      guard let end else { return nil }
      let left = day.days(until: end)
      if left < 0 { return Notice(kind: .expired, what: what, validUntil: end, daysLeft: left) }
      if left <= warningDays { return Notice(kind: .expiring, what: what, validUntil: end, daysLeft: left) }
      return nil
    }
  }
}
