import Foundation
import SovereignCatalog

/// Parses the SecNumCloud section of ANSSI's catalogue of qualified products and services, from
/// the text `pdftotext -layout` extracts from the PDF.
///
/// Written against the document's structure, not one edition's positions:
/// - pages are split on form feeds; `Page N sur M` lines and lines repeated at the top or bottom
///   of most pages are dropped (``cleanedLines(_:)``);
/// - the section is the numbered heading naming SecNumCloud (never its table-of-contents entry,
///   which ends with dot leaders or a page number), with any spacing after the number; it ends at
///   the next heading of the same or a higher level (`3.4`, `4.`). Subsections (`3.3.1`) stay
///   inside, except one naming assessment bodies (`3.3.2 ... évaluation`), whose rows are never read;
/// - a table is read only under a header that names, **by label**, the provider, the service, the
///   service types (four `SaaS`/`PaaS`/`CaaS`/`IaaS` columns marked `X`, or a single type column)
///   and a qualification date; the header may span several lines and is repeated after page
///   breaks. Column positions come from each header, so a re-spaced table still parses;
/// - a row is the line carrying a date in a date column; the lines of its block (blocks are
///   separated by blank lines) above and below it hold the rest of its wrapped cells. Provider
///   and service texts are told apart by the blank gap between their columns in the rows
///   themselves (pdftotext left-aligns cells, while headers are centred).
public enum SecNumCloudCatalogueParser {
  /// Bumped whenever parsing changes, and stored with each snapshot.
  /// 2: the real ANSSI layout (X type columns, two-line header, names wrapped above and below).
  /// 3: the edition date of the cover (``editionDate(text:)``), stored with the snapshot.
  public static let version = 3

  enum Column: Hashable {
    case provider, service, type, qualifiedOn, validUntil, decision, other
    case serviceType(String)  // one of the SaaS / PaaS / CaaS / IaaS columns

    var isServiceType: Bool {
      if case .serviceType = self { return true }
      return false
    }
  }

  /// Canonical order of service types in records.
  static let serviceTypeOrder = ["iaas", "paas", "caas", "saas"]

  /// The column a header label names, or nil when it names none of ours.
  static func column(forLabel label: String) -> Column? {
    let text = NameNormalizer.fold(label)
    if serviceTypeOrder.contains(text) { return .serviceType(text) }
    if text.contains("decision") || text.contains("reference") { return .decision }
    if text.contains("date de fin") || text.contains("fin de validite") || text.contains("echeance") || text.contains("expir")
      || text.contains("valable") || text == "validite"
    {
      return .validUntil
    }
    if text.contains("date de debut") || text.contains("date de qualification") || text.contains("qualifie le")
      || text.contains("date de delivrance") || text == "qualification"
    {
      return .qualifiedOn
    }
    if text.contains("fournisseur") || text.contains("prestataire") || text.contains("societe") || text.contains("commanditaire") {
      return .provider
    }
    if text.contains("service") || text.contains("offre") || text.contains("produit") { return .service }
    if text == "type" || text.hasPrefix("type ") || text.contains("modele") { return .type }
    if text.contains("niveau") || text.contains("recommandation") { return .other }
    return nil
  }

  /// The date the catalogue says it was last updated, from the first line saying "mis(e) à jour"
  /// with a date after it (the cover of the December 2025 edition: "Catalogue mis à jour le
  /// 05/12/2025 à 13:08:19"); nil when the text states none. The facts of an imported copy are
  /// as of this date, not the day it was imported.
  public static func editionDate(text: String) -> CalendarDate? {
    for line in text.split(whereSeparator: \.isNewline) {
      let folded = NameNormalizer.fold(String(line))
      guard let phrase = folded.range(of: "mis a jour") ?? folded.range(of: "mise a jour") else { continue }
      if let date = DateText.parse(String(folded[phrase.upperBound...])) { return date }
    }
    return nil
  }

  /// Parses the extracted text's bytes (UTF-8).
  public static func parse(_ bytes: [UInt8]) throws(ParseError) -> [CertificationRecord] {
    try parse(text: UTF8Text.decode(bytes))
  }

  /// Parses the extracted text.
  public static func parse(text: String) throws(ParseError) -> [CertificationRecord] {
    let lines = cleanedLines(text)
    guard let start = lines.indices.first(where: { index in
      heading(lines[index]).map { namesSecNumCloud($0.title) } ?? false
    }), let section = heading(lines[start])
    else {
      throw .formatChanged(source: "SecNumCloud catalogue", detail: "no section heading naming SecNumCloud (only its table-of-contents entry, if any)")
    }
    var end = lines.count
    for index in (start + 1)..<lines.count {
      if let next = heading(lines[index]), endsSection(section.number, at: next.number) {
        end = index
        break
      }
    }

    // Split the section into tables, each under its own header.
    var tables: [Table] = []
    var current: Table? = nil
    var excluded = false
    var sawHeader = false
    var index = start + 1
    while index < end {
      let line = lines[index]
      if let sub = heading(line), sub.number.count > section.number.count, sub.number.starts(with: section.number) {
        if let table = current { tables.append(table) }
        current = nil
        excluded = namesAssessmentBodies(sub.title)
        index += 1
        continue
      }
      if let (columns, consumed) = header(at: index, in: lines, before: end) {
        if let table = current { tables.append(table) }
        current = excluded ? nil : Table(columns: columns)
        sawHeader = sawHeader || !excluded
        index += consumed
        continue
      }
      current?.lines.append(line)
      index += 1
    }
    if let table = current { tables.append(table) }
    guard sawHeader else {
      throw .formatChanged(
        source: "SecNumCloud catalogue",
        detail: "the SecNumCloud section has no table header naming the provider, the service, the service types and the qualification dates")
    }
    var records: [CertificationRecord] = []
    for table in tables { records += try table.records() }
    guard !records.isEmpty else {
      throw .formatChanged(source: "SecNumCloud catalogue", detail: "the SecNumCloud section has no rows")
    }
    return records
  }

  // MARK: - Headings

  /// A numbered heading: `3.3. Services ... (SecNumCloud)`, `3.3   Services`, `4 Sites agréés`.
  struct Heading {
    var number: [Int]
    var title: String
  }

  /// The heading a line holds, or nil. Table-of-contents entries (dot leaders, `…`, or a page
  /// number after the title), dates and long lines are not headings.
  static func heading(_ line: String) -> Heading? {
    let trimmed = NameNormalizer.trimmed(line)
    guard trimmed.count < 160, let first = trimmed.first, first.isASCII, first.isNumber else { return nil }
    let parts = trimmed.split(separator: " ", maxSplits: 1)
    guard parts.count == 2 else { return nil }
    let numberText = parts[0].hasSuffix(".") ? parts[0].dropLast() : parts[0]
    let pieces = numberText.split(separator: ".", omittingEmptySubsequences: false)
    guard (1...4).contains(pieces.count), pieces.allSatisfy({ (1...2).contains($0.count) && $0.allSatisfy { $0.isASCII && $0.isNumber } })
    else { return nil }
    let title = NameNormalizer.trimmed(String(parts[1]))
    guard let letter = title.first, letter.isLetter, letter.isUppercase else { return nil }
    guard !title.contains(".."), !title.contains("…"), DateText.parse(title) == nil else { return nil }
    let titleChunks = chunks(of: title)
    if titleChunks.count > 1, let last = titleChunks.last, last.text.allSatisfy({ $0.isASCII && $0.isNumber }) { return nil }
    return Heading(number: pieces.compactMap { Int($0) }, title: title)
  }

  static func namesSecNumCloud(_ title: String) -> Bool {
    let folded = NameNormalizer.fold(title)
    return folded.contains("secnumcloud")
  }

  /// A subsection listing the bodies that assess providers, not qualified services.
  static func namesAssessmentBodies(_ title: String) -> Bool {
    let folded = NameNormalizer.fold(title)
    return ["evaluat", "organisme", "auditeur", "centre"].contains { folded.contains($0) }
  }

  /// Whether heading `next` ends the section numbered `start`: same or higher level, numbered
  /// after it, and no further than the next top-level number (footnote lines such as
  /// `17   logiciels ...` are not headings of the document's outline).
  static func endsSection(_ start: [Int], at next: [Int]) -> Bool {
    guard next.count <= start.count, let top = next.first, let startTop = start.first, top <= startTop + 1 else { return false }
    return next.lexicographicallyPrecedes(start) == false && next != Array(start.prefix(next.count))
  }

  // MARK: - Header

  /// A header column: what it holds and where its label sits.
  struct HeaderColumn {
    var column: Column
    var start: Int
    var end: Int
    var center: Double { Double(start + end) / 2 }
  }

  /// The header starting at `index` (one to four lines) and how many lines it takes, or nil when
  /// the line does not start a header of the SecNumCloud services table.
  static func header(at index: Int, in lines: [String], before end: Int) -> (columns: [HeaderColumn], consumed: Int)? {
    let first = chunks(of: lines[index])
    guard first.count >= 3, first.compactMap({ column(forLabel: $0.text) }).count >= 2 else { return nil }
    // Labels wrapped over the following lines join the first line's label they sit under.
    var labels = first.map { (text: $0.text, start: $0.start, end: $0.end) }
    var consumed = 1
    while consumed < 4, index + consumed < end {
      let line = lines[index + consumed]
      let more = chunks(of: line)
      if more.isEmpty || more.contains(where: { isDate($0.text) || isMark($0.text) }) || heading(line) != nil { break }
      for chunk in more {
        let overlaps = labels.indices.map { overlap(labels[$0].start, labels[$0].end, chunk.start, chunk.end) }
        if let best = overlaps.indices.max(by: { overlaps[$0] < overlaps[$1] }), overlaps[best] > 0 {
          labels[best].text += " " + chunk.text
          labels[best].start = min(labels[best].start, chunk.start)
          labels[best].end = max(labels[best].end, chunk.end)
        } else {
          labels.append((chunk.text, chunk.start, chunk.end))
        }
      }
      consumed += 1
    }
    let columns = labels.compactMap { label in
      column(forLabel: label.text).map { HeaderColumn(column: $0, start: label.start, end: label.end) }
    }.sorted { $0.start < $1.start }
    let kinds = columns.map(\.column)
    let typeColumns = kinds.filter(\.isServiceType).count
    guard kinds.contains(.provider), kinds.contains(.service), typeColumns >= 2 || kinds.contains(.type),
      kinds.contains(.qualifiedOn) || kinds.contains(.validUntil)
    else { return nil }
    return (columns, consumed)
  }

  static func overlap(_ a0: Int, _ a1: Int, _ b0: Int, _ b1: Int) -> Int { max(0, min(a1, b1) - max(a0, b0)) }

  // MARK: - Cells

  static func isDate(_ text: String) -> Bool {
    text.count <= 10 && text.count >= 8 && DateText.parse(text) != nil && text.allSatisfy { $0.isASCII && ($0.isNumber || "/.-".contains($0)) }
  }

  /// An `X` (or tick) marking a service-type column.
  static func isMark(_ text: String) -> Bool { ["X", "x", "✓", "✔", "☒"].contains(text) }

  /// One table: its header columns and the lines under it.
  struct Table {
    var columns: [HeaderColumn]
    var lines: [String] = []

    /// Where a chunk of a body line belongs.
    typealias Cell = (column: Column, text: String, start: Int, end: Int)

    func records() throws(ParseError) -> [CertificationRecord] {
      // Blocks of non-blank lines; a block with a dated line holds one row per dated line.
      var blocks: [[[Chunk]]] = [[]]
      for line in lines {
        var pieces = chunks(of: line)
        // A running title or note across several columns is not a cell: it separates blocks.
        if pieces.contains(where: { chunk in columns.filter { overlap($0.start, $0.end, chunk.start, chunk.end) > 0 }.count >= 3 }) {
          pieces = []
        }
        if pieces.isEmpty {
          if !blocks[blocks.count - 1].isEmpty { blocks.append([]) }
        } else {
          blocks[blocks.count - 1].append(pieces)
        }
      }
      blocks = blocks.filter { block in block.contains { line in line.contains { isDate($0.text) && isDateColumn(nearest($0)) } } }
      let textColumns = leftTextColumns(blocks)
      let offset = dataOffset(blocks)
      var records: [CertificationRecord] = []
      for block in blocks {
        let cells = block.map { line in line.map { chunk in cell(chunk, textColumns, offset: offset) } }
        let anchors = cells.indices.filter { index in cells[index].contains { isDateColumn($0.column) && isDate($0.text) } }
        var rows: [[Cell]] = Array(repeating: [], count: anchors.count)
        for (lineIndex, line) in cells.enumerated() {
          // Each line goes to the nearest dated line (the earlier one on a tie).
          let target = anchors.indices.min { abs(anchors[$0] - lineIndex) < abs(anchors[$1] - lineIndex) } ?? 0
          rows[target] += line
        }
        for row in rows { records.append(try record(row)) }
      }
      return records
    }

    func isDateColumn(_ column: Column) -> Bool { column == .qualifiedOn || column == .validUntil }

    /// The header column nearest a chunk: the one it overlaps most, else the nearest centre.
    func nearest(_ chunk: Chunk, among candidates: [HeaderColumn]? = nil) -> Column {
      let pool = candidates ?? columns
      let overlaps = pool.map { overlap($0.start, $0.end, chunk.start, chunk.end) }
      if let best = overlaps.indices.max(by: { overlaps[$0] < overlaps[$1] }), overlaps[best] > 0 { return pool[best].column }
      let center = Double(chunk.start + chunk.end) / 2
      return pool.min { abs($0.center - center) < abs($1.center - center) }?.column ?? .other
    }

    /// Start of the first column right of the provider and service columns.
    var leftZoneLimit: Int {
      columns.filter { $0.column != .provider && $0.column != .service }.map(\.start).min() ?? Int.max
    }

    /// Provider and service texts are left-aligned in their columns while their labels are
    /// centred, so their columns are found from the rows: the character ranges the texts left of
    /// the type and date columns occupy, separated by gaps no row's text crosses.
    func leftTextColumns(_ blocks: [[[Chunk]]]) -> [(start: Int, end: Int, column: Column)] {
      var spans: [(start: Int, end: Int)] = []
      for block in blocks {
        for line in block {
          for chunk in line where chunk.start < leftZoneLimit - 1 && !isDate(chunk.text) && !isMark(chunk.text) {
            spans.append((chunk.start, chunk.end))
          }
        }
      }
      spans.sort { $0.start < $1.start }
      var groups: [(start: Int, end: Int)] = []
      for span in spans {
        if let last = groups.last, span.start <= last.end + 1 {
          groups[groups.count - 1].end = max(last.end, span.end)
        } else {
          groups.append(span)
        }
      }
      let headers = columns.filter { $0.column == .provider || $0.column == .service || $0.end <= leftZoneLimit }
      if groups.count == headers.count {
        return zip(groups, headers).map { ($0.start, $0.end, $1.column) }
      }
      return groups.map { group in
        let center = Double(group.start + group.end) / 2
        let column = headers.min { abs($0.center - center) < abs($1.center - center) }?.column ?? .other
        return (group.start, group.end, column)
      }
    }

    /// How far the rows' cells sit right of their labels (negative: left), measured on the
    /// dates (median), so that `X` marks, a few characters apart, are read under the right label
    /// even when the rows moved against the header.
    func dataOffset(_ blocks: [[[Chunk]]]) -> Int {
      let dateColumns = columns.filter { isDateColumn($0.column) }
      var offsets: [Int] = []
      for block in blocks {
        for line in block {
          for chunk in line where isDate(chunk.text) {
            let center = Double(chunk.start + chunk.end) / 2
            if let label = dateColumns.min(by: { abs($0.center - center) < abs($1.center - center) }) {
              offsets.append(chunk.start - label.start)
            }
          }
        }
      }
      guard !offsets.isEmpty else { return 0 }
      return offsets.sorted()[offsets.count / 2]
    }

    func cell(_ chunk: Chunk, _ textColumns: [(start: Int, end: Int, column: Column)], offset: Int = 0) -> Cell {
      let column: Column
      if isDate(chunk.text), columns.contains(where: { isDateColumn($0.column) }) {
        column = nearest(chunk, among: columns.filter { isDateColumn($0.column) })
      } else if isMark(chunk.text), columns.contains(where: { $0.column.isServiceType }) {
        let moved = Chunk(text: chunk.text, start: chunk.start - offset, end: chunk.end - offset)
        column = nearest(moved, among: columns.filter { $0.column.isServiceType })
      } else if chunk.start < leftZoneLimit - 1, let group = textColumns.first(where: { chunk.start >= $0.start && chunk.start < $0.end }) {
        column = group.column
      } else {
        column = nearest(chunk)
      }
      return (column, chunk.text, chunk.start, chunk.end)
    }

    func record(_ cells: [Cell]) throws(ParseError) -> CertificationRecord {
      func text(_ column: Column) -> String? {
        let parts = cells.filter { $0.column == column }.map(\.text)
        guard !parts.isEmpty else { return nil }
        return joinWrapped(parts)
      }
      guard let provider = text(.provider), !provider.isEmpty else {
        let dates = cells.filter { isDate($0.text) }.map(\.text).joined(separator: ", ")
        throw .formatChanged(source: "SecNumCloud catalogue", detail: "a row (dated \(dates)) has no provider name under the provider column")
      }
      var record = CertificationRecord(holder: provider)
      record.service = text(.service)
      var types: Set<String> = []
      for cell in cells where isMark(cell.text) {
        if case .serviceType(let type) = cell.column { types.insert(type) }
      }
      if let typeText = text(.type) {
        let words = NameNormalizer.fold(typeText).split { !$0.isLetter }.map(String.init)
        types.formUnion(words.filter { serviceTypeOrder.contains($0) })
      }
      record.serviceTypes = types.isEmpty ? nil : serviceTypeOrder.filter { types.contains($0) }
      record.validFrom = cells.first { $0.column == .qualifiedOn && isDate($0.text) }.flatMap { DateText.parse($0.text) }
      record.validUntil = cells.first { $0.column == .validUntil && isDate($0.text) }.flatMap { DateText.parse($0.text) }
      record.identifier = text(.decision)
      return record
    }
  }

  /// Lines of a wrapped cell joined: with a space, or without one after a word cut by a hyphen
  /// (`HSM-` + `KMS`), never after a spaced dash (`Services -` + `Secured`).
  static func joinWrapped(_ parts: [String]) -> String {
    var result = ""
    for part in parts {
      if result.isEmpty {
        result = part
      } else if result.hasSuffix("-"), result.dropLast().last?.isLetter == true {
        result += part
      } else {
        result += " " + part
      }
    }
    return result
  }

  // MARK: - Layout text

  /// A piece of a layout line: text with single spaces kept, and its columns (in characters).
  struct Chunk: Hashable {
    var text: String
    var start: Int
    var end: Int
  }

  /// Pieces of a layout line separated by two or more spaces.
  static func chunks(of line: String) -> [Chunk] {
    var result: [Chunk] = []
    var current = ""
    var start = 0
    var length = 0
    var spaces = 0
    for (position, character) in line.enumerated() {
      if character == " " || character == "\t" || character == "\u{00A0}" {
        spaces += 1
        continue
      }
      if !current.isEmpty && spaces >= 2 {
        result.append(Chunk(text: current, start: start, end: start + length))
        current = ""
      } else if !current.isEmpty && spaces == 1 {
        current.append(" ")
        length += 1
      }
      if current.isEmpty {
        start = position
        length = 0
      }
      spaces = 0
      current.append(character)
      length += 1
    }
    if !current.isEmpty { result.append(Chunk(text: current, start: start, end: start + length)) }
    return result
  }

  /// The lines of the text without page furniture: `Page N sur M`, and lines repeated at the
  /// top or bottom of at least half the pages (when there are three pages or more). A page break
  /// becomes a blank line (it ends a block).
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
          !isHeaderLike(line), heading(line) == nil
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
    guard bytes.count >= 6, bytes.count < 200 else { return false }
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
