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
    // Work on Unicode scalars, not Characters: "\r\n" is one Character, and a quote followed by a
    // combining mark is one Character too, so Character comparisons would miss both.
    let scalars = field.unicodeScalars
    if scalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
      var quoted = String.UnicodeScalarView()
      quoted.append("\"")
      for scalar in scalars {
        quoted.append(scalar)
        if scalar == "\"" { quoted.append("\"") }
      }
      quoted.append("\"")
      field = String(quoted)
    }
    return field
  }
}
