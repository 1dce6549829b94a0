import Foundation
/// Parses the Agence du Numérique en Santé's list of certified health-data hosts (HTML).
///
/// The page is a directory by letter. Its columns or fields are found **by label**, never by
/// position, so a reordered or extended layout still parses. Two layouts are read:
/// - tables whose header row names the fields (`Hébergeur`, `Activités`, `Référentiel`,
///   `Organisme certificateur`, `N° de certificat`, `Date de fin de validité`, ...);
/// - one block per host: a heading with the host's name followed by `Label : value` lines.
///
/// A document where the host, activities and end-of-validity labels cannot all be found is a
/// ``ParseError/formatChanged(source:detail:)``, never an empty list.
public enum HDSListParser {
  /// Bumped whenever parsing changes, and stored with each snapshot.
  public static let version = 1

  /// A field of the list.
  enum Field: String, CaseIterable {
    case holder, activities, referential, body, certificate, validFrom, validUntil
  }

  /// The field a column header or line label names, if any.
  static func field(forLabel label: String) -> Field? {
    let text = NameNormalizer.fold(label).replacingOccurrences(of: "’", with: "'")
    if text.isEmpty || text.count > 80 { return nil }
    if text.contains("activit") || text.contains("perimetre") { return .activities }
    if text.contains("referentiel") || text.contains("version") { return .referential }
    if text.contains("organisme") || text.contains("certificateur") || text.contains("auditeur") { return .body }
    if text.contains("fin de validite") || text.contains("valable") || text.contains("expir") || text.contains("echeance")
      || text.contains("date de fin") || text.contains("valid until") || text == "validite"
    {
      return .validUntil
    }
    if text.contains("date de certification") || text.contains("debut") || text.contains("delivr") || text.contains("date d'obtention") {
      return .validFrom
    }
    if text.contains("certificat") || text.contains("numero") || text.hasPrefix("n°") || text.hasPrefix("no ") { return .certificate }
    if text.contains("hebergeur") || text.contains("raison sociale") || text.contains("societe") || text.contains("entreprise")
      || text == "nom" || text.hasPrefix("nom ") || text.contains("denomination")
    {
      return .holder
    }
    return nil
  }

  /// Parses the page's bytes (UTF-8).
  /// - Throws: ``ParseError/invalidUTF8(offset:)`` or ``ParseError/formatChanged(source:detail:)``.
  public static func parse(_ bytes: [UInt8]) throws(ParseError) -> [CertificationRecord] {
    let text = try UTF8Text.decode(bytes)
    return try parse(text: text)
  }

  /// Parses the page's text.
  public static func parse(text: String) throws(ParseError) -> [CertificationRecord] {
    let page = HTMLScanner(text)
    var records: [CertificationRecord] = []
    for table in page.tables {
      records += fromTable(table)
    }
    if records.isEmpty {
      records = fromBlocks(page.blocks)
    }
    guard !records.isEmpty else {
      throw .formatChanged(
        source: "HDS list",
        detail: "no table or block carries the labels for host, activities and end of validity")
    }
    return deduplicated(records)
  }

  static func fromTable(_ table: HTMLScanner.Table) -> [CertificationRecord] {
    guard let headerIndex = table.rows.prefix(3).firstIndex(where: { row in
      let fields = Set(row.compactMap { field(forLabel: $0.text) })
      return fields.isSuperset(of: [.holder, .activities, .validUntil])
    }) else { return [] }
    let columns = table.rows[headerIndex].map { field(forLabel: $0.text) }
    var records: [CertificationRecord] = []
    for row in table.rows[(headerIndex + 1)...] {
      var values: [Field: String] = [:]
      for (index, cell) in row.enumerated() where index < columns.count {
        if let field = columns[index], values[field] == nil, !cell.text.isEmpty { values[field] = cell.text }
      }
      if let record = record(from: values) { records.append(record) }
    }
    return records
  }

  static func fromBlocks(_ blocks: [HTMLScanner.Block]) -> [CertificationRecord] {
    var records: [CertificationRecord] = []
    var values: [Field: String] = [:]
    var sawLabels = Set<Field>()
    func finish() {
      if let record = record(from: values) { records.append(record) }
      values = [:]
    }
    for block in blocks {
      if let separator = block.text.firstIndex(of: ":"),
        let field = field(forLabel: String(block.text[..<separator]))
      {
        let value = block.text[block.text.index(after: separator)...].trimmingCharacters(in: .whitespaces)
        if field == .holder, values[.holder] != nil { finish() }
        if values[field] == nil, !value.isEmpty { values[field] = value }
        sawLabels.insert(field)
      } else if let level = block.headingLevel, level >= 2, block.text.count > 1 {
        // A heading names the next host; single letters are the directory's section titles.
        finish()
        values[.holder] = block.text
      }
    }
    finish()
    guard sawLabels.isSuperset(of: [.activities, .validUntil]) else { return [] }
    return records
  }

  /// A record when the row names a host and at least one certification fact.
  static func record(from values: [Field: String]) -> CertificationRecord? {
    guard let holder = values[.holder], !holder.isEmpty, values.count >= 2 else { return nil }
    var record = CertificationRecord(holder: holder)
    if let text = values[.activities] {
      record.activitiesText = text
      record.activities = ActivityList.parse(text)
    }
    record.referential = values[.referential]
    record.body = values[.body]
    record.identifier = values[.certificate]
    record.validFrom = values[.validFrom].flatMap(DateText.parse)
    record.validUntil = values[.validUntil].flatMap(DateText.parse)
    return record
  }

  /// Keeps one record per (holder, certificate): the directory may list a host under two letters.
  static func deduplicated(_ records: [CertificationRecord]) -> [CertificationRecord] {
    var seen = Set<String>()
    var result: [CertificationRecord] = []
    for record in records {
      let key = record.key + " # " + (record.identifier ?? "") + " # " + (record.activitiesText ?? "")
      if seen.insert(key).inserted { result.append(record) }
    }
    return result
  }
}
