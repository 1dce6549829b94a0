import Foundation
import SovereignCatalog

/// Reads a CSV or JSON export of the ANS list of certified HDS hosts (docs/hds-list-export.md):
/// one row per certificate, with the columns ``Column``. Strict: a missing required column, an
/// unknown column, an empty host, activities or a date that cannot be read stop the import with
/// the line and column of the problem; nothing is guessed.
public enum HDSListExport {
  /// The columns, by their documented names (the ANS page's French labels are accepted too).
  enum Column: String, CaseIterable {
    case host
    case certificationBody = "certification_body"
    case certificate
    case activities
    case referential
    case certifiedOn = "certified_on"
    case validUntil = "valid_until"

    static let required: [Column] = [.host, .activities, .validUntil]

    /// The column a header names: the documented name (case, spaces and `-` ignored) or a label
    /// of the ANS page ("Hébergeur", "Organisme certificateur", "Date de fin de validité", ...).
    init?(label: String) {
      let key = label.trimmingSpaces.lowercased().replacingOccurrences(of: " ", with: "_").replacingOccurrences(of: "-", with: "_")
      if let column = Column(rawValue: key) {
        self = column
        return
      }
      switch HDSListParser.field(forLabel: label) {
      case .holder: self = .host
      case .body: self = .certificationBody
      case .certificate: self = .certificate
      case .activities: self = .activities
      case .referential: self = .referential
      case .validFrom: self = .certifiedOn
      case .validUntil: self = .validUntil
      case nil: return nil
      }
    }
  }

  /// A cell and where it is.
  struct Cell {
    var text: String
    var line: Int
    var column: Int
  }

  // MARK: - CSV

  /// Parses a CSV export. `file` names the document in messages.
  public static func parseCSV(text: String, file: String) throws(ParseError) -> [CertificationRecord] {
    let table: CSVTable
    do { table = try CSVTable.read(text) } catch { throw .invalidExport(file: file, line: error.line, column: error.column, message: error.message) }
    guard let header = table.rows.first else {
      throw .invalidExport(file: file, line: 1, column: 1, message: "the file is empty; expected a header row (\(Column.allCases.map(\.rawValue).joined(separator: ", ")))")
    }
    var columns: [Column] = []
    for field in header {
      guard let column = Column(label: field.text) else {
        throw .invalidExport(
          file: file, line: field.line, column: field.column,
          message: "unknown column `\(field.text)`; the columns are \(Column.allCases.map(\.rawValue).joined(separator: ", ")) (remove other columns)")
      }
      guard !columns.contains(column) else {
        throw .invalidExport(file: file, line: field.line, column: field.column, message: "column `\(column.rawValue)` appears twice")
      }
      columns.append(column)
    }
    for column in Column.required where !columns.contains(column) {
      throw .invalidExport(file: file, line: 1, column: 1, message: "the header has no `\(column.rawValue)` column (required: \(Column.required.map(\.rawValue).joined(separator: ", ")))")
    }
    var records: [CertificationRecord] = []
    for row in table.rows.dropFirst() {
      var cells: [Column: Cell] = [:]
      for (index, field) in row.enumerated() { cells[columns[index]] = Cell(text: field.text, line: field.line, column: field.column) }
      records.append(try record(cells, file: file, line: row[0].line))
    }
    return try nonEmpty(records, file: file)
  }

  // MARK: - JSON

  /// Parses a JSON export: an array of objects whose keys are the columns' names, values strings
  /// (activities may also be an array of numbers). `file` names the document in messages.
  public static func parseJSON(text: String, file: String) throws(ParseError) -> [CertificationRecord] {
    let value: Any
    do { value = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]) } catch {
      let (line, column) = JSONPositions.errorPosition(in: error, text: text) ?? (1, 1)
      throw .invalidExport(file: file, line: line, column: column, message: "not valid JSON: \(JSONPositions.reason(error))")
    }
    guard let array = value as? [Any] else {
      throw .invalidExport(file: file, line: 1, column: 1, message: "expected an array of objects, one per certificate")
    }
    let starts = JSONPositions.elementStarts(text)
    var records: [CertificationRecord] = []
    for (index, element) in array.enumerated() {
      let (line, position) = index < starts.count ? starts[index] : (1, 1)
      guard let object = element as? [String: Any] else {
        throw .invalidExport(file: file, line: line, column: position, message: "entry \(index + 1) is not an object")
      }
      var cells: [Column: Cell] = [:]
      for key in object.keys.sorted() {
        guard let column = Column(label: key) else {
          throw .invalidExport(
            file: file, line: line, column: position,
            message: "entry \(index + 1): unknown key `\(key)`; the keys are \(Column.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard cells[column] == nil else {
          throw .invalidExport(file: file, line: line, column: position, message: "entry \(index + 1): `\(column.rawValue)` given twice")
        }
        let raw = object[key]!
        let text: String
        if let string = raw as? String {
          text = string
        } else if raw is NSNull {
          text = ""
        } else if column == .activities, let numbers = raw as? [Any], numbers.allSatisfy(isNumber) {
          text = numbers.map { "\($0)" }.joined(separator: ", ")
        } else {
          throw .invalidExport(
            file: file, line: line, column: position,
            message: "entry \(index + 1): `\(column.rawValue)` must be a string\(column == .activities ? " or an array of numbers" : "")")
        }
        cells[column] = Cell(text: text, line: line, column: position)
      }
      for required in Column.required where cells[required] == nil {
        throw .invalidExport(file: file, line: line, column: position, message: "entry \(index + 1) has no `\(required.rawValue)`")
      }
      records.append(try record(cells, file: file, line: line, entry: index + 1))
    }
    return try nonEmpty(records, file: file)
  }

  /// A JSON number (not `true` / `false`, which Foundation also gives as NSNumber).
  static func isNumber(_ value: Any) -> Bool {
    guard let number = value as? NSNumber else { return false }
    return String(cString: number.objCType) != "c"
  }

  // MARK: - Rows

  static func record(_ cells: [Column: Cell], file: String, line: Int, entry: Int? = nil) throws(ParseError) -> CertificationRecord {
    func fail(_ column: Column, _ message: String) -> ParseError {
      let cell = cells[column]
      return .invalidExport(
        file: file, line: cell?.line ?? line, column: cell?.column ?? 1,
        message: (entry.map { "entry \($0): " } ?? "") + "`\(column.rawValue)` " + message)
    }
    func value(_ column: Column) -> String? {
      let text = (cells[column]?.text ?? "").trimmingSpaces
      return text.isEmpty ? nil : text
    }
    guard let host = value(.host) else { throw fail(.host, "is empty: every row names its host") }
    var record = CertificationRecord(holder: host)
    if let text = value(.activities) {
      guard let activities = ActivityList.parse(text) else {
        throw fail(.activities, "`\(text)` does not say which of the activities 1 to 6 (e.g. `1-6`, `1, 2, 3`, `1 à 4`)")
      }
      record.activitiesText = text
      record.activities = activities
    }
    record.body = value(.certificationBody)
    record.identifier = value(.certificate)
    record.referential = value(.referential).map(normalizedReferential)
    for (column, keyPath) in [(Column.certifiedOn, \CertificationRecord.validFrom), (.validUntil, \.validUntil)] {
      guard let text = value(column) else { continue }
      guard let date = DateText.date(text) else {
        throw fail(column, "`\(text)` is not a date (DD/MM/YYYY or YYYY-MM-DD)")
      }
      record[keyPath: keyPath] = date
    }
    return record
  }

  static func nonEmpty(_ records: [CertificationRecord], file: String) throws(ParseError) -> [CertificationRecord] {
    guard !records.isEmpty else { throw .invalidExport(file: file, line: 1, column: 1, message: "no row after the header: an export lists at least one host") }
    return records
  }
}

/// Where things are in a JSON text (Foundation's parser reports no positions for valid JSON).
enum JSONPositions {
  /// Line and column (1-based) of each element of the top-level array.
  static func elementStarts(_ text: String) -> [(Int, Int)] {
    var result: [(Int, Int)] = []
    var depth = 0
    var inString = false
    var escaped = false
    var line = 1
    var column = 0
    var expectingElement = false
    for scalar in text.unicodeScalars {
      column += 1
      if scalar == "\n" {
        line += 1
        column = 0
        continue
      }
      if inString {
        if escaped { escaped = false } else if scalar == "\\" { escaped = true } else if scalar == "\"" { inString = false }
        continue
      }
      let isSpace = scalar == " " || scalar == "\t" || scalar == "\r" || scalar == "\u{FEFF}"
      if expectingElement && !isSpace && scalar != "]" {
        result.append((line, column))
        expectingElement = false
      }
      switch scalar {
      case "\"": inString = true
      case "[", "{":
        depth += 1
        if depth == 1 && scalar == "[" { expectingElement = true }
      case "]", "}": depth -= 1
      case ",": if depth == 1 { expectingElement = true }
      default: break
      }
    }
    return result
  }

  /// The position Foundation's message gives: "around line 3, column 7", or "around character
  /// 17" (a UTF-8 offset, turned into a line and column of `text`).
  static func errorPosition(in error: any Error, text: String) -> (Int, Int)? {
    let message = reason(error)
    func number(after word: String) -> Int? {
      guard let range = message.range(of: word) else { return nil }
      return Int(message[range.upperBound...].prefix { $0.isNumber })
    }
    if let line = number(after: "line ") { return (line, number(after: "column ") ?? 1) }
    guard let offset = number(after: "character ") else { return nil }
    var line = 1
    var column = 1
    for byte in text.utf8.prefix(offset) {
      if byte == UInt8(ascii: "\n") {
        line += 1
        column = 1
      } else if byte & 0xC0 != 0x80 {
        column += 1
      }
    }
    return (line, column)
  }

  static func reason(_ error: any Error) -> String {
    let nsError = error as NSError
    return (nsError.userInfo[NSDebugDescriptionErrorKey] as? String) ?? nsError.localizedDescription
  }
}
