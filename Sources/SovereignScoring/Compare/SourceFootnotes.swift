import SovereignCatalog

/// Numbers the sources of a document once each (first-seen order, by URL and id), so a cell can
/// cite `[1,3-5]` and the list of sources follows the table.
struct SourceFootnotes {
  private(set) var sources: [Source] = []
  private var numbers: [String: Int] = [:]

  /// The numbers of `cited`, registering new ones, as `[1,3-5]` (empty when none).
  mutating func reference(_ cited: [Source]) -> String {
    var list: [Int] = []
    for source in cited {
      let key = source.id + "\u{1}" + source.url
      let number: Int
      if let known = numbers[key] {
        number = known
      } else {
        sources.append(source)
        number = sources.count
        numbers[key] = number
      }
      if !list.contains(number) { list.append(number) }
    }
    guard !list.isEmpty else { return "" }
    return "[" + Self.ranges(list.sorted()).joined(separator: ",") + "]"
  }

  /// `[1, 2, 3, 5]` as `["1-3", "5"]`.
  static func ranges(_ sorted: [Int]) -> [String] {
    var parts: [String] = []
    var start = sorted.first ?? 0
    var end = start
    for number in sorted.dropFirst() {
      if number == end + 1 {
        end = number
      } else {
        parts.append(start == end ? "\(start)" : "\(start)-\(end)")
        start = number
        end = number
      }
    }
    if !sorted.isEmpty { parts.append(start == end ? "\(start)" : "\(start)-\(end)") }
    return parts
  }

  /// One line per source: `[n] title (kind, as of date): url`.
  func lines() -> [String] {
    sources.enumerated().map { index, source in
      "[\(index + 1)] \(source.title ?? source.id) (\(source.kind.rawValue), as of \(source.asOf)): \(source.url)"
    }
  }
}
