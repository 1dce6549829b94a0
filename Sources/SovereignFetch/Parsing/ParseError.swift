/// Why a downloaded document could not be turned into entries.
public enum ParseError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The bytes are not valid UTF-8 (and no other charset was declared).
  case invalidUTF8(offset: Int)
  /// The document no longer looks like the expected format; the previous snapshot is kept.
  case formatChanged(source: String, detail: String)
  /// Text could not be extracted from a PDF.
  case pdfExtraction(String)
  /// The server sent another kind of document than expected.
  case unexpectedContentType(found: String, expected: [String])
  /// A CSV or JSON export breaks its documented format (docs/hds-list-export.md) at `line`:`column`
  /// (1-based) of `file` (the file name, or a description of the document).
  case invalidExport(file: String, line: Int, column: Int, message: String)

  public var description: String {
    switch self {
    case .invalidUTF8(let offset):
      return "the document is not valid UTF-8 text (first bad byte at offset \(offset))"
    case .formatChanged(let source, let detail):
      return "format changed: the \(source) document no longer looks as expected (\(detail)); the previous snapshot is kept, the parser needs updating"
    case .pdfExtraction(let detail):
      return "could not extract text from the PDF: \(detail)"
    case .unexpectedContentType(let found, let expected):
      return "the server sent `\(found)` where \(expected.joined(separator: " or ")) was expected (an error page or a moved document?)"
    case .invalidExport(let file, let line, let column, let message):
      return "\(file):\(line):\(column): \(message) (format: docs/hds-list-export.md)"
    }
  }
}
