/// Decides whether a certificate or qualification is current on a date: the one function every
/// part of `sovereign` uses (exposure evidence, gates, criteria, coverage).
///
/// - A certificate past its valid-until on the date is not held (`expired`).
/// - HDS, with a `hds-referential-mandatory` rule (referential 2.0 mandatory from 2026-05-16): on
///   a date on or after the rule's `since`, a certificate known valid then (a valid-until on or
///   after the date, or a source dated on or after `since`) is derived to be a 2.0 certificate;
///   one known only from sources older than `since`, with no valid-until, is `not-known-current`;
///   one read as an older referential is `not-known-current` too.
/// - SecNumCloud, with a `secnumcloud-referential` rule (3.2 since 2022-03-08, three years): the
///   end date is derived from the qualification date when only that is known; with neither date,
///   a qualification is `not-known-current` from its newest source + three years on, and one
///   recorded under an older referential from `since` + three years on; a qualification current
///   on a date at least three years after `since` (or qualified since then) is derived to be under
///   3.2, whatever the recorded referential.
/// Without a date (nil) no validity is checked and nothing is derived from the date.
public enum CertificateCurrency {
  /// True when a certificate with this end date is still valid on `date` (or when either is unknown).
  public static func isCurrent(validUntil: Known<CalendarDate>, on date: CalendarDate?) -> Bool {
    guard let date, let end = validUntil.value else { return true }
    return end >= date
  }

  /// The standing of an HDS certification on `date` under `rules`.
  public static func hds(_ hds: HDSCertification?, on date: CalendarDate?, rules: [DerivationRule]) -> CertificateStanding {
    guard let hds else { return CertificateStanding(state: .unknown, reason: "no HDS certification is recorded") }
    switch hds.status {
    case .unknown: return CertificateStanding(state: .unknown, reason: "HDS status unknown")
    case .notCertified: return CertificateStanding(state: .notHeld, referential: hds.referential, reason: "not HDS-certified")
    case .certified: break
    }
    var standing = CertificateStanding(state: .current, validUntil: hds.validUntil, referential: hds.referential)
    if !isCurrent(validUntil: hds.validUntil, on: date), let end = hds.validUntil.value, let date {
      standing.state = .expired
      standing.reason = "the HDS certificate on record was valid until \(end), before \(date); no renewal is recorded"
      return standing
    }
    guard let date, let rule = rules.first(where: { $0.kind == .hdsReferentialMandatory }), date >= rule.since else {
      return standing
    }
    let newest = hds.provenance.newestAsOf
    let validAfter = hds.validUntil.value.map { $0 >= date } ?? false
    let listedAfter = newest.map { $0 >= rule.since } ?? false
    if let read = hds.referential.value, read != rule.referential, rank(read, of: rule.referential) < 0 {
      standing.state = .notKnownCurrent
      standing.outdatedBy = rule
      standing.reason =
        "the certificate on record is under referential \(read); since \(rule.since) referential \(rule.referential) is mandatory and no \(rule.referential) certificate is recorded"
      return standing
    }
    guard validAfter || listedAfter else {
      standing.state = .notKnownCurrent
      standing.outdatedBy = rule
      standing.reason =
        "the HDS certification is known only from sources dated \(newest?.description ?? "unknown"), before \(rule.since), when referential \(rule.referential) became mandatory; it is not known to be current on \(date)"
      return standing
    }
    if hds.referential.value != rule.referential {
      standing.referential = .known(rule.referential)
      standing.referentialRule = rule
      standing.reason =
        "referential \(rule.referential) derived: the certificate is known valid after \(rule.since) ("
        + (validAfter ? "valid until \(hds.validUntil.value!)" : "source dated \(newest!)") + ")"
    }
    return standing
  }

  /// The standing of a SecNumCloud qualification on `date` under `rules`. `in-progress` and
  /// `none` are not held (`notHeld`); `unknown` is `unknown`.
  public static func secNumCloud(
    _ snc: SecNumCloudQualification?, on date: CalendarDate?, rules: [DerivationRule]
  ) -> CertificateStanding {
    guard let snc else { return CertificateStanding(state: .unknown, reason: "no SecNumCloud status is recorded") }
    switch snc.status {
    case .unknown: return CertificateStanding(state: .unknown, reason: "SecNumCloud status unknown")
    case .none: return CertificateStanding(state: .notHeld, reason: "not SecNumCloud-qualified")
    case .inProgress: return CertificateStanding(state: .notHeld, reason: "SecNumCloud qualification in progress, not qualified")
    case .qualified: break
    }
    let rule = rules.first { $0.kind == .secNumCloudReferential }
    var standing = CertificateStanding(state: .current, validUntil: snc.validUntil, referential: snc.referential)
    if !snc.validUntil.isKnown, let rule, let years = rule.validityYears, let start = snc.qualifiedOn.value {
      standing.validUntil = .known(start.adding(years: years))
      standing.validUntilRule = rule
    }
    if !isCurrent(validUntil: standing.validUntil, on: date), let end = standing.validUntil.value, let date {
      standing.state = .expired
      standing.reason =
        "the SecNumCloud qualification on record \(standing.validUntilRule == nil ? "was valid until" : "ended (qualified on \(snc.qualifiedOn), \(rule?.validityYears ?? 0) years) on") \(end), before \(date); no renewal is recorded"
      return standing
    }
    // Without an end date, read or derived, a qualification lasts `years` from a day no later
    // than its newest source: on or after that source + `years` it is not known to be current.
    // One recorded under an older referential than the rule's was issued before `since` and
    // ended by `since` + `years` at the latest.
    if let date, let rule, let years = rule.validityYears, !standing.validUntil.isKnown {
      let newest = snc.provenance.newestAsOf
      if let read = snc.referential.value, rank(read, of: rule.referential) < 0, date >= rule.since.adding(years: years) {
        standing.state = .notKnownCurrent
        standing.outdatedBy = rule
        standing.reason =
          "the qualification on record is under referential \(read), issued before \(rule.since); a qualification lasts \(years) years, so it ended by \(rule.since.adding(years: years)) at the latest, and no \(rule.referential) qualification is recorded"
        return standing
      }
      if newest.map({ date >= $0.adding(years: years) }) ?? true {
        standing.state = .notKnownCurrent
        standing.outdatedBy = rule
        standing.reason =
          "the SecNumCloud qualification has no recorded dates and is known only from sources dated \(newest?.description ?? "unknown"); a qualification lasts \(years) years, so it is not known to be current on \(date)"
        return standing
      }
    }
    guard let rule, let years = rule.validityYears, snc.referential.value != rule.referential else { return standing }
    // The date the qualification is known valid: the evaluation date, or without one the newest source.
    guard let known = date ?? snc.provenance.newestAsOf else { return standing }
    let issuedSince = snc.qualifiedOn.value.map { $0 >= rule.since } ?? false
    if issuedSince || known >= rule.since.adding(years: years) {
      let recorded = snc.referential.value.map { " (the record says \($0))" } ?? ""
      standing.referential = .known(rule.referential)
      standing.referentialRule = rule
      standing.reason =
        "referential \(rule.referential) derived\(recorded): "
        + (issuedSince ? "qualified on \(snc.qualifiedOn), on or after \(rule.since)" : "valid on \(known), more than \(years) years after \(rule.since)")
    }
    return standing
  }

  /// Compares two referential versions written `major.minor`: negative when `a` is older.
  static func rank(_ a: String, of b: String) -> Int {
    func parts(_ text: String) -> [Int] { text.split(separator: ".").map { Int($0) ?? 0 } }
    let (x, y) = (parts(a), parts(b))
    for index in 0..<max(x.count, y.count) {
      let (l, r) = (index < x.count ? x[index] : 0, index < y.count ? y[index] : 0)
      if l != r { return l < r ? -1 : 1 }
    }
    return 0
  }
}

extension CalendarDate {
  /// The same day `years` later (29 February becomes 28 February in a common year). Past the
  /// range a `CalendarDate` holds (years 1900-2200), the nearest end of it: 2200-12-31 (or
  /// 1900-01-01), which every date it can be compared with lies before (or after).
  public func adding(years: Int) -> CalendarDate {
    let (target, overflow) = year.addingReportingOverflow(years)
    if overflow || target > 2200 { return CalendarDate(year: 2200, month: 12, day: 31)! }
    if target < 1900 { return CalendarDate(year: 1900, month: 1, day: 1)! }
    return CalendarDate(year: target, month: month, day: min(day, CalendarDate.daysIn(month: month, year: target)))!
  }
}
