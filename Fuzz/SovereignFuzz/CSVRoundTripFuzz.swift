import SovereignCatalog

/// Fuzzes `CSVWriter`: records derived from the input are written, read back with ``CSVReader``,
/// and must come back cell for cell (text cells with their formula neutralisation applied), and
/// no text cell read back may start like a spreadsheet formula.
enum CSVRoundTripFuzz {
  /// Input layout: byte 0 = columns per record (1...8); the rest, as UTF-8 (invalid sequences
  /// replaced), split on U+001F into cells; a cell whose first scalar is U+001E is a number cell.
  static func run(_ bytes: [UInt8]) {
    guard let first = bytes.first else { return }
    let columns = Int(first % 8) + 1
    let text = String(decoding: bytes.dropFirst(), as: UTF8.self)
    let cells: [CSVWriter.Cell] = text.split(separator: "\u{1F}", omittingEmptySubsequences: false).map { piece in
      if piece.unicodeScalars.first == "\u{1E}" { return .number(String(piece.unicodeScalars.dropFirst())) }
      return .text(String(piece))
    }
    var records: [[CSVWriter.Cell]] = []
    var index = 0
    while index < cells.count {
      records.append(Array(cells[index..<min(index + columns, cells.count)]))
      index += columns
    }
    var writer = CSVWriter()
    for record in records { writer.write(record) }
    guard let readBack = CSVReader.parse(writer.output) else {
      fatalError("fuzz property failed: the writer produced CSV that does not parse: \(writer.output.debugDescription)")
    }
    let expected = records.map { $0.map(expectedText) }
    fuzzCheck(
      readBack == expected,
      "round trip changed the data:\n written \(expected.debugDescription)\n read    \(readBack.debugDescription)")
    for (record, row) in zip(records, readBack) {
      for (cell, read) in zip(record, row) {
        if case .text = cell, let scalar = read.unicodeScalars.first {
          fuzzCheck(!formulaStarts.contains(scalar), "formula-like text cell survived: \(read.debugDescription)")
        }
      }
    }
  }

  /// Characters that make a spreadsheet evaluate a cell (CWE-1236), as documented by CSVWriter.
  static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

  static func expectedText(_ cell: CSVWriter.Cell) -> String {
    switch cell {
    case .number(let text): return text
    case .text(let text):
      if let scalar = text.unicodeScalars.first, formulaStarts.contains(scalar) { return "'" + text }
      return text
    }
  }
}
