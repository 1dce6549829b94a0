import Foundation

/// Writes RFC 4180 CSV: CRLF line ends, fields quoted when they contain a comma (or the chosen delimiter), a double quote
/// or a line break, embedded quotes doubled, UTF-8.
///
/// Text cells that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab
/// or carriage return; CWE-1236) are neutralised with a leading apostrophe. Number cells are
/// written with ``number(_:)`` and never neutralised, so negative numbers stay numbers.
///
/// The delimiter may be changed (e.g. `;`, which a spreadsheet set to a French locale expects);
/// fields containing it are quoted. It must be one ASCII character other than `"`, CR or LF.
public struct CSVWriter: Sendable {
  public private(set) var output = ""
  /// The field separator (default `,`).
  public let delimiter: Character

  public init() { self.init(delimiter: ",") }

  public init(delimiter: Character) {
    precondition(delimiter.isASCII && !"\"\r\n".contains(delimiter), "invalid CSV delimiter")
    self.delimiter = delimiter
  }

  /// Appends one record.
  public mutating func write(_ fields: [Cell]) {
    let separator = delimiter.asciiValue ?? 0x2C
    output += fields.map { Self.encode($0, delimiter: separator) }.joined(separator: String(delimiter)) + "\r\n"
  }

  /// One CSV cell: text (neutralised if formula-like) or a number (written as is).
  public enum Cell: Sendable, Hashable {
    case text(String)
    case number(String)
  }

  static func encode(_ cell: Cell, delimiter: UInt8 = 0x2C) -> String {
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
    if bytes.contains(where: { $0 == delimiter || $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {
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
