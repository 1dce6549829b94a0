import Foundation

/// Parses the SecNumCloud section of ANSSI's catalogue of qualified products and services, from
/// the text `pdftotext -layout` extracts from the PDF.
///
/// How the layout text is read:
/// - pages are split on form feeds; lines repeated at the top or bottom of most pages (running
///   titles, dates) and `Page N sur M` lines are dropped;
/// - the section starts at a heading naming SecNumCloud and ends at the next numbered heading;
/// - the column header row is found **by its labels** (provider, service, type, qualification
///   date, end of validity, decision) on every page, and column positions are taken from it, so
///   a reordered or re-spaced table still parses;
/// - a row is the line carrying a date or decision number; lines of text without them are parts
///   of wrapped cells and are joined to the row of their block (blocks are separated by blank
///   lines), or to the preceding row.
public enum SecNumCloudCatalogueParser {
  /// Bumped whenever parsing changes, and stored with each snapshot.
  public static let version = 1

  enum Column: String, CaseIterable {
    case provider, service, type, qualifiedOn, validUntil, decision
  }

  static func column(forLabel label: String) -> Column? {
    let text = NameNormalizer.fold(label)
    if text.contains("fin de validite") || text.contains("echeance") || text.contains("expir") || text.contains("valable")
      || text == "validite"
    {
      return .validUntil
    }
    if text.contains("decision") || text.contains("reference") { return .decision }
    if text.contains("date de qualification") || text.contains("qualifie le") || text.contains("date de delivrance") || text == "qualification" {
      return .qualifiedOn
    }
    if text.contains("fournisseur") || text.contains("prestataire") || text.contains("societe") || text.contains("commanditaire") { return .provider }
    if text.contains("service") || text.contains("offre") || text.contains("produit") { return .service }
    if text == "type" || text.hasPrefix("type ") || text.contains("modele") { return .type }
    return nil
  }

  /// Parses the extracted text's bytes (UTF-8).
  public static func parse(_ bytes: [UInt8]) throws(ParseError) -> [CertificationRecord] {
    try parse(text: UTF8Text.decode(bytes))
  }

  /// Parses the extracted text.
  public static func parse(text: String) throws(ParseError) -> [CertificationRecord] {
    let lines = cleanedLines(text)
    guard let start = lines.firstIndex(where: { isSectionHeading($0) && NameNormalizer.fold($0).contains("secnumcloud") }) else {
      throw .formatChanged(source: "SecNumCloud catalogue", detail: "no section heading naming SecNumCloud")
    }
    var columns: [(column: Column, start: Int)]? = nil
    var sawHeader = false
    var records: [CertificationRecord] = []
    var block: [[Column: String]] = []
    var anchors: [Bool] = []

    func flushBlock() {
      defer {
        block = []
        anchors = []
      }
      guard !block.isEmpty else { return }
      let anchorIndexes = anchors.indices.filter { anchors[$0] }
      guard !anchorIndexes.isEmpty else {
        // Continuation lines with no row of their own: join them to the last row.
        if !records.isEmpty { for cells in block { append(cells, to: &records[records.count - 1]) } }
        return
      }
      var rows: [[Column: String]] = anchorIndexes.map { block[$0] }
      for (index, cells) in block.enumerated() where !anchors[index] {
        let target = anchorIndexes.count == 1 ? 0 : max(0, (anchorIndexes.lastIndex { $0 < index }) ?? 0)
        let isBefore = index < anchorIndexes[target]
        for (column, text) in cells {
          let existing = rows[target][column]
          rows[target][column] = existing.map { isBefore ? text + " " + $0 : $0 + " " + text } ?? text
        }
      }
      for row in rows { if let record = record(from: row) { records.append(record) } }
    }

    for line in lines[(start + 1)...] {
      if line.trimmingCharacters(in: .whitespaces).isEmpty {
        flushBlock()
        continue
      }
      if isSectionHeading(line) && !NameNormalizer.fold(line).contains("secnumcloud") {
        break
      }
      let chunks = Self.chunks(of: line)
      let labelled = chunks.compactMap { chunk in column(forLabel: chunk.text).map { (column: $0, start: chunk.start) } }
      if Set(labelled.map(\.column)).count >= 4 && labelled.count == chunks.count {
        flushBlock()
        columns = labelled
        sawHeader = true
        continue
      }
      guard let columns else { continue }
      var cells: [Column: String] = [:]
      for chunk in chunks {
        let column = Self.assign(chunk.start, columns)
        cells[column] = cells[column].map { $0 + " " + chunk.text } ?? chunk.text
      }
      let isAnchor = [Column.qualifiedOn, .validUntil].contains { cells[$0].flatMap(DateText.parse) != nil }
      block.append(cells)
      anchors.append(isAnchor)
    }
    flushBlock()
    guard sawHeader else {
      throw .formatChanged(source: "SecNumCloud catalogue", detail: "the SecNumCloud section has no header row with provider, service, type and dates")
    }
    guard !records.isEmpty else {
      throw .formatChanged(source: "SecNumCloud catalogue", detail: "the SecNumCloud section has no rows")
    }
    return records
  }

  /// The column whose header starts at or before `position` (with a little slack), else the first.
  static func assign(_ position: Int, _ columns: [(column: Column, start: Int)]) -> Column {
    var best = columns[0].column
    for candidate in columns where candidate.start <= position + 2 { best = candidate.column }
    return best
  }

  static func append(_ cells: [Column: String], to record: inout CertificationRecord) {
    for (column, text) in cells {
      switch column {
      case .provider: record.holder += " " + text
      case .service: record.service = record.service.map { $0 + " " + text } ?? text
      default: break
      }
    }
  }

  static func record(from cells: [Column: String]) -> CertificationRecord? {
    guard let provider = cells[.provider], !provider.isEmpty else { return nil }
    var record = CertificationRecord(holder: provider)
    record.service = cells[.service]
    if let type = cells[.type] {
      let types = ["iaas", "paas", "caas", "saas"].filter { NameNormalizer.fold(type).contains($0) }
      record.serviceTypes = types.isEmpty ? nil : types
    }
    record.validFrom = cells[.qualifiedOn].flatMap(DateText.parse)
    record.validUntil = cells[.validUntil].flatMap(DateText.parse)
    record.identifier = cells[.decision]
    return record
  }

  /// Pieces of a layout line separated by two or more spaces, with their column (in characters).
  static func chunks(of line: String) -> [(text: String, start: Int)] {
    var result: [(String, Int)] = []
    var current = ""
    var start = 0
    var spaces = 0
    for (position, character) in line.enumerated() {
      if character == " " || character == "\t" {
        spaces += 1
        continue
      }
      if !current.isEmpty && spaces >= 2 {
        result.append((current, start))
        current = ""
      } else if !current.isEmpty && spaces == 1 {
        current.append(" ")
      }
      if current.isEmpty { start = position }
      spaces = 0
      current.append(character)
    }
    if !current.isEmpty { result.append((current, start)) }
    return result.map { (text: $0.0, start: $0.1) }
  }

  /// A numbered heading such as `3.3 Prestataires ... (SecNumCloud)` or `4 Sites agréés`.
  static func isSectionHeading(_ line: String) -> Bool {
    let trimmed = line.trimmingCharacters(in: .whitespaces)
    let parts = trimmed.split(separator: " ", maxSplits: 1)
    guard parts.count == 2, trimmed.count < 140, parts[0].count <= 8, parts[0].first?.isNumber == true,
      parts[0].allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }), parts[1].first?.isLetter == true
    else { return false }
    return DateText.parse(trimmed) == nil && chunks(of: trimmed).count <= 2
  }

  /// The lines of the text without page furniture: `Page N sur M`, and lines repeated at the
  /// top or bottom of at least half the pages (when there are three pages or more).
  static func cleanedLines(_ text: String) -> [String] {
    // Called once per line of a 100-page document: stay on Unicode scalars and UTF-8, and avoid
    // Foundation's NSString bridges (trimming, replacing, folding), which dominated the time.
    let pages = text.split(separator: "\u{0C}", omittingEmptySubsequences: false).map {
      $0.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
        line.utf8.contains(13) ? String(String.UnicodeScalarView(line.unicodeScalars.filter { $0 != "\r" })) : String(line)
      }
    }
    var furniture = Set<String>()
    if pages.count >= 3 {
      var counts: [String: Int] = [:]
      for page in pages {
        let content = page.filter { !trimmed($0).isEmpty }
        for line in Set(content.prefix(2) + content.suffix(2)) { counts[signature(line), default: 0] += 1 }
      }
      furniture = Set(counts.filter { $0.value * 2 >= pages.count }.map(\.key))
    }
    // A line can only be furniture if its trimmed length is one of the furniture lengths
    // (the signature keeps the length of ASCII text): a cheap test before the signature.
    let furnitureLengths = Set(furniture.map(\.utf8.count))
    var result: [String] = []
    for page in pages {
      for line in page {
        if mayBePageNumber(line), isPageNumber(NameNormalizer.fold(line)) { continue }
        if !furniture.isEmpty, furnitureLengths.contains(String(trimmed(line)).utf8.count), furniture.contains(signature(line)),
          !isHeaderLike(line)
        {
          continue
        }
        result.append(line)
      }
      result.append("")  // a page break ends a block
    }
    return result
  }

  /// The line without leading and trailing spaces and tabs.
  static func trimmed(_ line: String) -> Substring.UnicodeScalarView {
    let scalars = line.unicodeScalars
    guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }),
      let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" })
    else { return Substring("").unicodeScalars }
    return Substring(line).unicodeScalars[first...last]
  }

  /// A line's shape for spotting repeated page headers and footers: trimmed, digits replaced by `#`.
  static func signature(_ line: String) -> String {
    var view = String.UnicodeScalarView()
    for scalar in trimmed(line) { view.append(scalar.properties.numericType != nil ? "#" : scalar) }
    return String(view)
  }

  /// Cheap test before folding: a page-number line contains "age" in some case.
  static func mayBePageNumber(_ line: String) -> Bool {
    let bytes = Array(line.utf8)
    guard bytes.count >= 6, bytes.count < 120 else { return false }
    for index in 0..<(bytes.count - 2) where bytes[index] | 0x20 == 0x61 && bytes[index + 1] | 0x20 == 0x67 && bytes[index + 2] | 0x20 == 0x65 {
      return true
    }
    return false
  }

  /// `Page 3 sur 100`, `page 3/100`.
  static func isPageNumber(_ folded: String) -> Bool {
    let words = folded.split(whereSeparator: { $0 == " " || $0 == "/" })
    guard words.count == 4 || words.count == 3, words[0] == "page", Int(words[1]) != nil else { return false }
    return words.count == 4 ? (words[2] == "sur" || words[2] == "of") && Int(words[3]) != nil : Int(words[2]) != nil
  }

  /// A column header line is never dropped as furniture (it is handled by label).
  static func isHeaderLike(_ line: String) -> Bool {
    chunks(of: line).compactMap { column(forLabel: $0.text) }.count >= 4
  }
}
