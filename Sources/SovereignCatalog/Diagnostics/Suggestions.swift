/// "Did you mean ...?" suggestions, by edit distance.
public enum Suggestions {
  /// The candidates closest to `word` (at most `limit`), nearest first, within a distance that
  /// grows with the word's length; empty when nothing is close.
  public static func closest(to word: String, in candidates: some Sequence<String>, limit: Int = 3)
    -> [String]
  {
    let lowered = word.lowercased()
    let threshold = max(2, lowered.count * 2 / 5)
    let scored = candidates.map { ($0, editDistance(lowered, $0.lowercased())) }.filter { $0.1 <= threshold }
    guard let best = scored.map(\.1).min() else { return [] }
    // Only the nearest candidates: a hint listing far-off words helps nobody.
    return scored.filter { $0.1 == best }.sorted { $0.0 < $1.0 }.prefix(limit).map(\.0)
  }

  /// A hint sentence such as "did you mean `a` or `b`?", or nil when nothing is close.
  public static func hint(for word: String, in candidates: some Sequence<String>) -> String? {
    let found = closest(to: word, in: candidates)
    guard !found.isEmpty else { return nil }
    return "did you mean " + found.map { "`\($0)`" }.joined(separator: " or ") + "?"
  }

  /// Levenshtein distance between two strings, by Unicode scalars.
  public static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a.unicodeScalars)
    let b = Array(b.unicodeScalars)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
        current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
      }
      swap(&previous, &current)
    }
    return previous[b.count]
  }
}
