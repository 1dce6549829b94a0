/// A strict RFC 4180 reader, independent of ``CSVWriter``, used to check its output: records end
/// with CRLF, a field is either unquoted (no comma, quote, CR or LF in it) or wholly quoted with
/// inner quotes doubled. Works on Unicode scalars so that CR LF is never one grapheme.
enum CSVReader {
  /// The records of `text`, or nil if `text` is not strict RFC 4180 with CRLF line ends.
  static func parse(_ text: String) -> [[String]]? {
    let scalars = Array(text.unicodeScalars)
    var records: [[String]] = []
    var record: [String] = []
    var i = 0
    while i < scalars.count {
      var field = String.UnicodeScalarView()
      if scalars[i] == "\"" {
        i += 1
        while true {
          guard i < scalars.count else { return nil }  // unterminated quote
          if scalars[i] == "\"" {
            if i + 1 < scalars.count && scalars[i + 1] == "\"" {
              field.append("\"")
              i += 2
            } else {
              i += 1
              break
            }
          } else {
            field.append(scalars[i])
            i += 1
          }
        }
      } else {
        while i < scalars.count && scalars[i] != "," && scalars[i] != "\r" {
          if scalars[i] == "\"" || scalars[i] == "\n" { return nil }  // bare quote or LF in a field
          field.append(scalars[i])
          i += 1
        }
      }
      record.append(String(field))
      guard i < scalars.count else { return nil }  // the last record must end with CRLF
      if scalars[i] == "," {
        i += 1
      } else if scalars[i] == "\r" && i + 1 < scalars.count && scalars[i + 1] == "\n" {
        records.append(record)
        record = []
        i += 2
      } else {
        return nil
      }
    }
    guard record.isEmpty else { return nil }
    return records
  }
}
