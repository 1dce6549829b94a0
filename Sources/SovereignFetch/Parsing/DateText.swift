import SovereignCatalog

/// Finds a date in list text: `dd/mm/yyyy` (also with `.` or `-`) or ISO `yyyy-mm-dd`.
public enum DateText {
  /// The first valid date in `text`, or nil.
  public static func parse(_ text: String) -> CalendarDate? {
    let characters = Array(text)
    var index = 0
    while index < characters.count {
      if characters[index].isASCII, characters[index].isNumber, index == 0 || !(characters[index - 1].isASCII && characters[index - 1].isNumber) {
        var end = index
        while end < characters.count, end - index < 10, characters[end].isASCII, characters[end].isNumber || "/.-".contains(characters[end]) {
          end += 1
        }
        let candidate = String(characters[index..<end])
        if let date = date(candidate) { return date }
      }
      index += 1
    }
    return nil
  }

  static func date(_ text: String) -> CalendarDate? {
    if let iso = CalendarDate(iso: text) { return iso }
    for separator in ["/", ".", "-"] where text.contains(separator) {
      let parts = text.split(separator: Character(separator), omittingEmptySubsequences: false)
      guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count), parts[2].count == 4,
        let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2])
      else { continue }
      return CalendarDate(year: year, month: month, day: day)
    }
    return nil
  }
}
