/// The `hds` source's documents: the ANS page (HTML) or a CSV / JSON export of its list
/// (docs/hds-list-export.md). The parser is chosen by content, with hints:
/// 1. a media type or file extension naming CSV (`text/csv`, `.csv`) or JSON (`application/json`,
///    `.json`) picks that format, and the content must agree (an HTML page saved as `.csv` is
///    refused, not read as CSV);
/// 2. otherwise the first significant byte decides: `<` is HTML, `[` or `{` is JSON, anything
///    else is CSV.
public enum HDSListDocument {
  public enum Format: String, Sendable {
    case html, csv, json
  }

  /// The format of `text`, from the hints and the content.
  public static func format(of text: String, mediaType: String? = nil, fileName: String? = nil) -> Format {
    let hinted: Format? = {
      let type = (mediaType ?? "").lowercased()
      let name = (fileName ?? "").lowercased()
      if type == "text/csv" || type == "application/csv" || name.hasSuffix(".csv") { return .csv }
      if type == "application/json" || type.hasSuffix("+json") || name.hasSuffix(".json") { return .json }
      return nil
    }()
    return hinted ?? sniffed(text)
  }

  static func sniffed(_ text: String) -> Format {
    let first = text.unicodeScalars.first { !($0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{FEFF}") }
    switch first {
    case "<": return .html
    case "[", "{": return .json
    default: return .csv
    }
  }

  /// Parses the `hds` source's document.
  /// - Parameter fileName: the file's name when imported from a file (hint and message prefix).
  public static func parse(text: String, mediaType: String? = nil, fileName: String? = nil) throws(ParseError) -> [CertificationRecord] {
    let format = format(of: text, mediaType: mediaType, fileName: fileName)
    let file = fileName ?? "the HDS list export"
    let content = sniffed(text)
    if format != .html && content == .html {
      throw .invalidExport(file: file, line: 1, column: 1, message: "this is an HTML page, not a \(format.rawValue.uppercased()) export")
    }
    switch format {
    case .html: return try HDSListParser.parse(text: text)
    case .csv: return try HDSListExport.parseCSV(text: text, file: file)
    case .json: return try HDSListExport.parseJSON(text: text, file: file)
    }
  }
}
