import Foundation

/// Writes RFC 4180 CSV: CRLF line ends, fields quoted when they contain a comma, a double quote
/// or a line break, embedded quotes doubled, UTF-8.
///
/// Text cells that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab
/// or carriage return; CWE-1236) are neutralised with a leading apostrophe. Number cells are
/// written with ``number(_:)`` and never neutralised, so negative numbers stay numbers.
public struct CSVWriter: Sendable {
  public private(set) var output = ""

  public init() {}

  /// Appends one record.
  public mutating func write(_ fields: [Cell]) {
    output += fields.map(Self.encode).joined(separator: ",") + "\r\n"
  }

  /// One CSV cell: text (neutralised if formula-like) or a number (written as is).
  public enum Cell: Sendable, Hashable {
    case text(String)
    case number(String)
  }

  static func encode(_ cell: Cell) -> String {
    var field: String
    switch cell {
    case .number(let text): field = text
    case .text(let text):
      field = text
      if let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) {
        field = "'" + text
      }
    }
    if field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
      field = "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
    return field
  }
}
