/// Whether an offering holds a certificate or qualification on a date, with its referential and
/// end date as read or as derived by a ``DerivationRule``.
///
/// Computed by ``CertificateCurrency`` (the one place that decides "is current on date"); the
/// exposure engine, the gates, the criteria and the coverage report all read it.
public struct CertificateStanding: Sendable, Hashable {
  /// Where the certificate stands on the date.
  public enum State: String, Sendable, Hashable, Codable {
    /// Held on the date (no end date before it; not outdated by a rule).
    case current
    /// Its valid-until (read or derived) is before the date: not held.
    case expired
    /// Known only from evidence that a rule makes insufficient on the date (e.g. an HDS
    /// certificate known only from before referential 2.0 became mandatory): not known held.
    case notKnownCurrent = "not-known-current"
    /// The source says it is not held (not certified, not qualified).
    case notHeld = "not-held"
    /// Nothing is known (no status, or status unknown, or in progress for SecNumCloud).
    case unknown
  }

  public var state: State
  /// The end date: read, derived (see ``validUntilRule``) or unknown.
  public var validUntil: Known<CalendarDate>
  /// The rule that derived ``validUntil``, when it was not read.
  public var validUntilRule: DerivationRule?
  /// The referential version: read, derived (see ``referentialRule``) or unknown.
  public var referential: Known<String>
  /// The rule that derived ``referential``, when it was not read.
  public var referentialRule: DerivationRule?
  /// The rule that made the certificate `not-known-current`, if any.
  public var outdatedBy: DerivationRule?
  /// Why, in one plain sentence (empty for a plain current certificate with nothing derived).
  public var reason: String

  public init(
    state: State, validUntil: Known<CalendarDate> = .unknown, validUntilRule: DerivationRule? = nil,
    referential: Known<String> = .unknown, referentialRule: DerivationRule? = nil, outdatedBy: DerivationRule? = nil,
    reason: String = ""
  ) {
    self.state = state
    self.validUntil = validUntil
    self.validUntilRule = validUntilRule
    self.referential = referential
    self.referentialRule = referentialRule
    self.outdatedBy = outdatedBy
    self.reason = reason
  }

  /// True only when the certificate is held on the date.
  public var isCurrent: Bool { state == .current }

  /// The rules applied, each once, in the order referential, end date, outdating.
  public var rules: [DerivationRule] {
    var seen: [DerivationRule] = []
    for rule in [referentialRule, validUntilRule, outdatedBy].compactMap({ $0 }) where !seen.contains(rule) {
      seen.append(rule)
    }
    return seen
  }

  /// "derived: …" lines for every rule applied.
  public var derivations: [String] { rules.map(\.citation) }

  /// True when its end date (read or derived) falls within `days` days after `date` (inclusive).
  public func expires(within days: Int, of date: CalendarDate) -> Bool {
    guard state == .current, let end = validUntil.value else { return false }
    return end >= date && date.days(until: end) <= days
  }
}
