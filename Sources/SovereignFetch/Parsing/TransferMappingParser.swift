import Foundation

/// Parses a host's HDS transfer mapping page (HDS 2.0 requirement 31): tables with, per actor,
/// its role, whether it is HDS certified and SecNumCloud 3.2 qualified, its hosting activities,
/// access to health data from outside the EEA (req. 29) and third-country-law risk (req. 30).
///
/// Written against the structure, not one page's wording:
/// - a mapping table is a table whose header row (within its first three rows) labels an actor
///   column, a requirement-29 column and a requirement-30 column (English or French, any order);
///   other tables add no rows;
/// - footnote markers (`<sup>`) never reach an answer: "Non<sup>1</sup>" is "Non", and the
///   footnote's text (a paragraph after the table starting with the marker) becomes a note on the
///   row;
/// - answers are mapped by ``answer(_:)`` and kept as printed beside the mapped value;
/// - when the page has mapping tables under at least two different headings (one table per
///   product), the heading above each table, numbering removed, is the product of its rows;
/// - a table stating the SecNumCloud 19.6 criteria not met ("Critères du 19.6 … non respectés")
///   adds its findings as notes to the rows of the mapping table before it that declare a
///   requirement-30 risk.
public enum TransferMappingParser {
  /// Bumped whenever parsing changes, and stored with each snapshot.
  /// 2: footnote markers stripped and kept as notes, answers mapped to yes / no / exempted /
  /// unknown with the text kept, products from the headings, 19.6 findings.
  public static let version = 2

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
    let page = HTMLScanner(text)
    // Mapping tables: (table index, header row index, columns).
    var mappings: [(index: Int, header: Int, columns: [Column?])] = []
    for (index, table) in page.tables.enumerated() {
      guard let header = table.rows.prefix(3).firstIndex(where: { row in
        Set(row.compactMap { column(forLabel: $0.plainText) }).isSuperset(of: [.actor, .access, .risk])
      }) else { continue }
      mappings.append((index, header, table.rows[header].map { column(forLabel: $0.plainText) }))
    }
    let headings = Set(mappings.compactMap { page.tables[$0.index].heading })
    let perProduct = headings.count >= 2

    var records: [CertificationRecord] = []
    var rowsOfTable: [Int: Range<Int>] = [:]
    for mapping in mappings {
      let table = page.tables[mapping.index]
      let footnotes = footnotes(after: mapping.index, in: page)
      let product = perProduct ? table.heading.map(productName) : nil
      let start = records.count
      for row in table.rows[(mapping.header + 1)...] {
        var cells: [Column: HTMLScanner.Cell] = [:]
        for (index, cell) in row.enumerated() where index < mapping.columns.count {
          if let column = mapping.columns[index], cells[column] == nil, !cell.plainText.isEmpty { cells[column] = cell }
        }
        guard let actor = cells[.actor]?.plainText else { continue }
        var record = CertificationRecord(holder: actor)
        record.product = product
        record.role = cells[.role]?.plainText
        record.hdsCertifiedText = cells[.hds]?.plainText
        record.hdsCertified = record.hdsCertifiedText.map(answer)
        record.secNumCloudQualifiedText = cells[.secNumCloud]?.plainText
        record.secNumCloudQualified = record.secNumCloudQualifiedText.map(answer)
        if let text = cells[.activities]?.plainText {
          record.activitiesText = text
          record.activities = activities(text)
        }
        record.nonEEAAccessText = cells[.access]?.plainText
        record.nonEEAAccess = record.nonEEAAccessText.map(answer)
        record.thirdCountryLawRiskText = cells[.risk]?.plainText
        record.thirdCountryLawRisk = record.thirdCountryLawRiskText.map(answer)
        var notes: [String] = []
        for marker in row.flatMap(\.markers) {
          if let note = footnotes[marker].map({ "\(marker): \($0)" }), !notes.contains(note) { notes.append(note) }
        }
        record.notes = notes.isEmpty ? nil : notes
        records.append(record)
      }
      rowsOfTable[mapping.index] = start..<records.count
    }
    // 19.6 findings: a two-column (criteria, measures) table after a mapping table, same heading.
    for (index, table) in page.tables.enumerated() where rowsOfTable[index] == nil {
      guard let headerRow = table.rows.first, NameNormalizer.fold(headerRow.first?.plainText ?? "").contains("19.6"),
        let owner = rowsOfTable.keys.filter({ $0 < index }).max(), page.tables[owner].heading == table.heading,
        let rows = rowsOfTable[owner]
      else { continue }
      let labels = headerRow.map(\.plainText)
      var findings: [String] = []
      for row in table.rows.dropFirst() {
        let parts = row.enumerated().compactMap { column, cell -> String? in
          guard !cell.plainText.isEmpty else { return nil }
          return column < labels.count && !labels[column].isEmpty ? "\(labels[column]): \(cell.plainText)" : cell.plainText
        }
        if !parts.isEmpty { findings.append(parts.joined(separator: "; ")) }
      }
      for position in rows where records[position].thirdCountryLawRisk == "yes" {
        records[position].notes = (records[position].notes ?? []) + findings
      }
    }
    guard !records.isEmpty else {
      throw .formatChanged(
        source: "HDS transfer mapping", detail: "no table with the actor, requirement 29 (access) and requirement 30 (risk) columns")
    }
    return records
  }

  /// Footnotes defined after table `index` and before the next heading or table: paragraphs that
  /// start with a `<sup>` marker ("<sup>1</sup> : text"), by marker.
  static func footnotes(after index: Int, in page: HTMLScanner) -> [String: String] {
    var result: [String: String] = [:]
    for block in page.blocks where block.tablesBefore == index + 1 {
      if block.headingLevel != nil { break }
      guard let marker = block.markers.first, block.text.hasPrefix(marker) else { continue }
      let text = block.plainText.trimmingCharacters(in: CharacterSet(charactersIn: ":-–— ").union(.whitespaces))
      if !text.isEmpty && result[marker] == nil { result[marker] = text }
    }
    return result
  }

  /// A heading without its numbering: "12 - Search Engine Software Platform", "2.1. Backup",
  /// "A. Backup" and "IV) Backup" give the name alone.
  static func productName(_ heading: String) -> String {
    let words = heading.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
    guard words.count == 2 else { return heading }
    let first = words[0].trimmingCharacters(in: CharacterSet(charactersIn: ".):-–—"))
    let marked = words[0].last.map { ".):".contains($0) } ?? false
    let isNumber = !first.isEmpty && first.allSatisfy { $0.isNumber || $0 == "." }
    let isLetterOrRoman = marked && !first.isEmpty && (first.count == 1 && first.first!.isLetter || first.allSatisfy { "IVXivx".contains($0) })
    guard isNumber || isLetterOrRoman else { return heading }
    let rest = words[1].drop { "-–—.):".contains($0) || $0 == " " }
    return rest.isEmpty ? heading : String(rest)
  }

  /// Activities of a mapping row: the `N°` items when the cell lists them ("1° La mise à
  /// disposition … 2° …"), else ``ActivityList``.
  static func activities(_ text: String) -> [Int]? {
    let characters = Array(text)
    var found = Set<Int>()
    for (index, character) in characters.enumerated() where character == "°" && index > 0 {
      guard let value = characters[index - 1].wholeNumberValue, index < 2 || !characters[index - 2].isNumber else { continue }
      guard (1...6).contains(value) else { return nil }
      found.insert(value)
    }
    return found.isEmpty ? ActivityList.parse(text) : found.sorted()
  }

  /// Maps an answer as printed (footnote markers removed) to `yes`, `no`, `exempted` or `unknown`.
  ///
  /// The first word decides ("Oui. Pays concernés …" is yes, "Non, aucun accès …" is no), with
  /// two guards, because "no" is the favourable answer: "Non applicable" / "not applicable" /
  /// "N/A" are unknown, and a "no" whose text goes on with a reservation ("sauf", "except",
  /// "mais", "but", "hormis", "à l'exception", or a "oui"/"yes") is unknown, never no.
  static func answer(_ text: String) -> String {
    let folded = NameNormalizer.fold(text)
    let words = folded.split { !($0.isLetter || $0.isNumber || $0 == "/" || $0 == "✓" || $0 == "✔") }.map(String.init)
    guard let first = words.first else { return "unknown" }
    if folded.hasPrefix("n/a") || folded.hasPrefix("non applicable") || folded.hasPrefix("not applicable")
      || folded.hasPrefix("non concerne")
    {
      return "unknown"
    }
    switch first {
    case "yes", "oui", "x", "✓", "✔": return "yes"
    case "exempted", "exempt", "exempte", "exemptee", "dispense", "dispensee": return "exempted"
    case "no", "non", "none", "aucun", "aucune":
      let reservations = ["sauf", "except", "mais", "but", "hormis", "exception", "oui", "yes"]
      return words.dropFirst().contains(where: reservations.contains) ? "unknown" : "no"
    default: return "unknown"
    }
  }
}
