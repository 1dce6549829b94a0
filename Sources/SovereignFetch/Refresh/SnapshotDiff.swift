import SovereignCatalog

/// One difference a refresh reports.
public struct Change: Sendable, Hashable, Codable, CustomStringConvertible {
  public enum Kind: String, Sendable, Hashable, Codable {
    /// In the new list, not in the old one.
    case added
    /// In the old list, gone from the new one (withdrawn, or renamed).
    case removed
    /// A field changed (activities, referential, certificate, dates, status...).
    case changed
    /// Listed, but its end of validity has passed.
    case expired
    /// Listed, and its end of validity is within the horizon (90 days).
    case expiringSoon = "expiring-soon"
  }

  public var kind: Kind
  /// The row's holder (and service) as printed.
  public var subject: String
  /// The field that changed, for `changed`.
  public var field: String?
  public var old: String?
  public var new: String?

  public var description: String {
    switch kind {
    case .added: return "new: \(subject)" + (new.map { " (\($0))" } ?? "")
    case .removed: return "no longer listed: \(subject)" + (old.map { " (was \($0))" } ?? "")
    case .changed: return "changed: \(subject): \(field ?? "?") \(old ?? "none") -> \(new ?? "none")"
    case .expired: return "expired: \(subject) (end of validity \(new ?? "?"))"
    case .expiringSoon: return "expiring soon: \(subject) (end of validity \(new ?? "?"))"
    }
  }
}

/// Compares two parsed lists (pure).
public enum SnapshotDiff {
  /// Days ahead that count as "expiring soon".
  public static let horizonDays = 90

  /// Changes from `old` to `new`, then expired/expiring rows of `new` as of `today`.
  public static func compare(old: [CertificationRecord], new: [CertificationRecord], today: CalendarDate) -> [Change] {
    let oldByKey = index(old)
    let newByKey = index(new)
    var changes: [Change] = []
    for (key, record) in newByKey.sorted(by: { $0.key < $1.key }) {
      guard let previous = oldByKey[key] else {
        changes.append(Change(kind: .added, subject: subject(record), new: summary(record)))
        continue
      }
      for (field, before, after) in fields(previous, record) where before != after {
        changes.append(Change(kind: .changed, subject: subject(record), field: field, old: before, new: after))
      }
    }
    for (key, record) in oldByKey.sorted(by: { $0.key < $1.key }) where newByKey[key] == nil {
      changes.append(Change(kind: .removed, subject: subject(record), old: summary(record)))
    }
    changes += expiry(new, today: today)
    return changes
  }

  /// Expired and soon-expiring rows.
  public static func expiry(_ records: [CertificationRecord], today: CalendarDate) -> [Change] {
    var changes: [Change] = []
    for record in records.sorted(by: { $0.key < $1.key }) {
      guard let end = record.validUntil else { continue }
      if end < today {
        changes.append(Change(kind: .expired, subject: subject(record), new: end.description))
      } else if today.days(until: end) <= horizonDays {
        changes.append(Change(kind: .expiringSoon, subject: subject(record), new: end.description))
      }
    }
    return changes
  }

  /// Rows by key; a repeated key gets its certificate number appended so no row is dropped.
  static func index(_ records: [CertificationRecord]) -> [String: CertificationRecord] {
    var result: [String: CertificationRecord] = [:]
    for record in records {
      var key = record.key
      if result[key] != nil { key += " # " + (record.identifier ?? record.activitiesText ?? String(result.count)) }
      while result[key] != nil { key += "'" }
      result[key] = record
    }
    return result
  }

  static func subject(_ record: CertificationRecord) -> String {
    var subject = record.service.map { "\(record.holder) — \($0)" } ?? record.holder
    if let product = record.product { subject += " (\(product))" }
    return subject
  }

  static func summary(_ record: CertificationRecord) -> String? {
    var parts: [String] = []
    if let activities = record.activities { parts.append("activities " + activities.map(String.init).joined(separator: ",")) }
    if let referential = record.referential { parts.append(referential) }
    if let identifier = record.identifier { parts.append(identifier) }
    if let end = record.validUntil { parts.append("until \(end)") }
    return parts.isEmpty ? nil : parts.joined(separator: ", ")
  }

  static func fields(_ a: CertificationRecord, _ b: CertificationRecord) -> [(String, String?, String?)] {
    func list(_ values: [Int]?) -> String? { values.map { $0.map(String.init).joined(separator: ",") } }
    return [
      ("activities", list(a.activities) ?? a.activitiesText, list(b.activities) ?? b.activitiesText),
      ("referential", a.referential, b.referential),
      ("certifying body", a.body, b.body),
      ("certificate/decision", a.identifier, b.identifier),
      ("service types", a.serviceTypes?.joined(separator: ","), b.serviceTypes?.joined(separator: ",")),
      ("valid from", a.validFrom?.description, b.validFrom?.description),
      ("valid until", a.validUntil?.description, b.validUntil?.description),
      ("role", a.role, b.role),
      ("HDS certified", a.hdsCertified, b.hdsCertified),
      ("SecNumCloud qualified", a.secNumCloudQualified, b.secNumCloudQualified),
      ("access from outside the EEA", a.nonEEAAccess, b.nonEEAAccess),
      ("third-country law risk", a.thirdCountryLawRisk, b.thirdCountryLawRisk),
    ]
  }
}
