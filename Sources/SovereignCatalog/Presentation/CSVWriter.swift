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
    // Work on UTF-8 bytes, not Characters: "\r\n" is one Character, and a quote followed by a
    // combining mark is one Character too, so Character comparisons would miss both. (The bytes
    // of , " CR LF never occur inside a multi-byte UTF-8 sequence.)
    let bytes = field.utf8
    if bytes.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {
      var quoted: [UInt8] = [0x22]
      quoted.reserveCapacity(bytes.count + 8)
      for byte in bytes {
        quoted.append(byte)
        if byte == 0x22 { quoted.append(0x22) }
      }
      quoted.append(0x22)
      field = String(decoding: quoted, as: UTF8.self)
    }
    return field
  }
}
