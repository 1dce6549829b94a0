/// A strict CSV reader (RFC 4180 quoting, `,` or `;` separated) that knows where every field
/// starts, so a bad export is reported at its line and column.
///
/// Hand-written: the CSV packages of the local mirror (SwiftCSV, CSV.swift) report no position.
/// Rules: UTF-8 (a byte-order mark is skipped); lines end with LF or CRLF; the separator is the
/// one of `;` and `,` the header line uses most (outside quotes); a field is unquoted (no `"` in
/// it) or wholly quoted with inner quotes doubled; blank lines are skipped; every row has as many
/// fields as the header.
struct CSVTable {
  struct Field {
    var text: String
    var line: Int
    var column: Int
  }

  /// The header row, then the data rows.
  var rows: [[Field]]

  struct Failure: Error {
    var line: Int
    var column: Int
    var message: String
  }

  static func read(_ text: String) throws(Failure) -> CSVTable {
    var scalars = Array(text.unicodeScalars)
    if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
    let separator = separator(of: scalars)
    var rows: [[Field]] = []
    var row: [Field] = []
    var index = 0
    var line = 1
    var lineStart = 0
    func column(_ at: Int) -> Int { at - lineStart + 1 }
    while index <= scalars.count {
      // One field starts at `index`.
      let fieldLine = line
      let fieldColumn = column(index)
      var value = String.UnicodeScalarView()
      if index < scalars.count && scalars[index] == "\"" {
        index += 1
        while true {
          guard index < scalars.count else {
            throw Failure(line: fieldLine, column: fieldColumn, message: "this quoted field is never closed (a missing `\"`)")
          }
          let scalar = scalars[index]
          if scalar == "\"" {
            if index + 1 < scalars.count && scalars[index + 1] == "\"" {
              value.append("\"")
              index += 2
              continue
            }
            index += 1
            break
          }
          value.append(scalar)
          index += 1
          if scalar == "\n" {
            line += 1
            lineStart = index
          }
        }
        if index < scalars.count && scalars[index] != separator && scalars[index] != "\n" && scalars[index] != "\r" {
          throw Failure(line: line, column: column(index), message: "text after the closing quote of a field; quote the whole field and double the quotes inside it")
        }
      } else {
        while index < scalars.count && scalars[index] != separator && scalars[index] != "\n" && scalars[index] != "\r" {
          if scalars[index] == "\"" {
            throw Failure(line: line, column: column(index), message: "a quote inside an unquoted field; quote the whole field and double the quotes inside it")
          }
          value.append(scalars[index])
          index += 1
        }
      }
      row.append(Field(text: String(value), line: fieldLine, column: fieldColumn))
      if index < scalars.count && scalars[index] == separator {
        index += 1
        continue
      }
      // End of the row (line end or end of text).
      if !(row.count == 1 && row[0].text.trimmingSpaces.isEmpty) { rows.append(row) }  // blank lines are skipped
      row = []
      if index < scalars.count && scalars[index] == "\r" { index += 1 }
      if index < scalars.count && scalars[index] == "\n" { index += 1 }
      if index >= scalars.count { break }
      line += 1
      lineStart = index
    }
    if let header = rows.first {
      for data in rows.dropFirst() where data.count != header.count {
        throw Failure(
          line: data[0].line, column: data.count > header.count ? data[header.count].column : data[data.count - 1].column,
          message: "this row has \(data.count) fields where the header has \(header.count) (separator `\(separator)`)")
      }
    }
    return CSVTable(rows: rows)
  }

  /// `;` when the first line holds more semicolons than commas outside quotes, else `,`.
  static func separator(of scalars: [Unicode.Scalar]) -> Unicode.Scalar {
    var commas = 0
    var semicolons = 0
    var quoted = false
    for scalar in scalars {
      if scalar == "\"" { quoted.toggle() }
      if quoted { continue }
      if scalar == "\n" { break }
      if scalar == "," { commas += 1 }
      if scalar == ";" { semicolons += 1 }
    }
    return semicolons > commas ? ";" : ","
  }
}

extension String {
  /// The text without leading and trailing spaces, tabs and line ends.
  var trimmingSpaces: String {
    let scalars = unicodeScalars
    func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{00A0}" }
    guard let first = scalars.firstIndex(where: { !isSpace($0) }), let last = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
    return String(scalars[first...last])
  }
}
