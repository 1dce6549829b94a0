import Foundation

/// Parses a host's HDS transfer mapping page (HDS 2.0 requirement 31): a table with, per actor,
/// its role, whether it is HDS certified and SecNumCloud 3.2 qualified, its hosting activities,
/// access to health data from outside the EEA (req. 29) and third-country-law risk (req. 30).
///
/// Columns are found by label (English or French), in any order.
public enum TransferMappingParser {
  /// Bumped whenever parsing changes, and stored with each snapshot.
  public static let version = 1

  enum Column: CaseIterable {
    case actor, role, hds, secNumCloud, activities, access, risk
  }

  static func column(forLabel label: String) -> Column? {
    let text = NameNormalizer.fold(label)
    if text.isEmpty { return nil }
    if text.contains("30") || text.contains("risk") || text.contains("risque") || text.contains("legislation") { return .risk }
    if text.contains("29") || text.contains("access") || text.contains("acces") { return .access }
    if text.contains("secnumcloud") { return .secNumCloud }
    if text.contains("hds") || text.contains("certifie") || text.contains("certified") { return .hds }
    if text.contains("activit") { return .activities }
    if text.contains("role") { return .role }
    if text.contains("name") || text.contains("nom") || text.contains("actor") || text.contains("acteur") || text.contains("raison sociale")
      || text.contains("entity") || text.contains("entite") || text.contains("societe") || text.contains("company")
    {
      return .actor
    }
    return nil
  }

  /// Parses the page's bytes (UTF-8).
  public static func parse(_ bytes: [UInt8]) throws(ParseError) -> [CertificationRecord] {
    try parse(text: UTF8Text.decode(bytes))
  }

  public static func parse(text: String) throws(ParseError) -> [CertificationRecord] {
    var records: [CertificationRecord] = []
    for table in HTMLScanner(text).tables {
      guard let headerIndex = table.rows.prefix(3).firstIndex(where: { row in
        Set(row.compactMap { column(forLabel: $0.text) }).isSuperset(of: [.actor, .access, .risk])
      }) else { continue }
      let columns = table.rows[headerIndex].map { column(forLabel: $0.text) }
      for row in table.rows[(headerIndex + 1)...] {
        var values: [Column: String] = [:]
        for (index, cell) in row.enumerated() where index < columns.count {
          if let column = columns[index], values[column] == nil, !cell.text.isEmpty { values[column] = cell.text }
        }
        guard let actor = values[.actor] else { continue }
        var record = CertificationRecord(holder: actor)
        record.role = values[.role]
        record.hdsCertified = values[.hds].map(answer)
        record.secNumCloudQualified = values[.secNumCloud].map(answer)
        if let text = values[.activities] {
          record.activitiesText = text
          record.activities = ActivityList.parse(text)
        }
        record.nonEEAAccess = values[.access].map(answer)
        record.thirdCountryLawRisk = values[.risk].map(answer)
        records.append(record)
      }
    }
    guard !records.isEmpty else {
      throw .formatChanged(
        source: "HDS transfer mapping", detail: "no table with the actor, requirement 29 (access) and requirement 30 (risk) columns")
    }
    return records
  }

  /// `yes`, `no`, `exempted`, or the text as printed when it says more (e.g. "Yes (support from Canada)").
  static func answer(_ text: String) -> String {
    let folded = NameNormalizer.fold(text).trimmingCharacters(in: CharacterSet(charactersIn: ".!"))
    switch folded {
    case "yes", "oui", "x", "✓", "✔": return "yes"
    case "no", "non", "-", "—", "none", "aucun", "aucune": return "no"
    case "exempted", "exempt", "exempte", "exemptee", "dispense", "dispensee": return "exempted"
    default: return text
    }
  }
}
