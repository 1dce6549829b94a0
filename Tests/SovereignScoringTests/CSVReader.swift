/// A strict RFC 4180 reader for tests: CRLF record ends, quoted fields with doubled quotes.
/// Returns nil on anything the RFC does not allow (bare LF, a quote inside an unquoted field,
/// text after a closing quote, a missing final CRLF).
enum CSVReader {
  static func parse(_ text: String) -> [[String]]? {
    var records: [[String]] = []
    var record: [String] = []
    var field = ""
    var scalars = Array(text.unicodeScalars)[...]
    var quoted = false
    var afterQuote = false
    var fieldStart = true
    while let c = scalars.popFirst() {
      if quoted {
        if c == "\"" {
          if scalars.first == "\"" {
            scalars.removeFirst()
            field.unicodeScalars.append("\"")
          } else {
            quoted = false
            afterQuote = true
          }
        } else {
          field.unicodeScalars.append(c)
        }
        continue
      }
      switch c {
      case "\"":
        guard fieldStart else { return nil }
        quoted = true
        fieldStart = false
      case ",":
        record.append(field)
        field = ""
        fieldStart = true
        afterQuote = false
      case "\r":
        guard scalars.popFirst() == "\n" else { return nil }
        record.append(field)
        records.append(record)
        record = []
        field = ""
        fieldStart = true
        afterQuote = false
      case "\n":
        return nil
      default:
        guard !afterQuote else { return nil }
        field.unicodeScalars.append(c)
        fieldStart = false
      }
    }
    guard !quoted, record.isEmpty, field.isEmpty else { return nil }
    return records
  }
}
