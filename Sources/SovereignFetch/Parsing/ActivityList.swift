/// Reads the HDS activities (1 to 6, article R.1111-9 of the French public health code) as lists
/// print them: `1 à 6`, `1-6`, `de 1 à 6`, `1, 2, 3`, `1 et 2`, `1/2/3`, roman numerals (`I à VI`),
/// `6 activités` / `toutes` (all six), and the two certificate perimeters
/// (`hébergeur d'infrastructure physique` = 1-2, `hébergeur infogéreur` = 3-6).
///
/// Returns nil when the text does not state which activities (e.g. `3 activités`), or names a
/// number outside 1-6: unknown is kept unknown.
public enum ActivityList {
  public static func parse(_ text: String) -> [Int]? {
    let folded = NameNormalizer.fold(text)
    guard !folded.isEmpty else { return nil }
    var result = Set<Int>()
    if folded.contains("infrastructure physique") { result.formUnion([1, 2]) }
    if folded.contains("infogereur") || folded.contains("infogerance") { result.formUnion([3, 4, 5, 6]) }
    if folded.contains("toutes") || folded == "all" || folded.contains("all six") || folded.contains("les six") { return Array(1...6) }
    // Tokens: numbers (arabic or roman) and range markers.
    var tokens: [String] = []
    var word = ""
    func flush() {
      if !word.isEmpty { tokens.append(word) }
      word = ""
    }
    for character in folded {
      if character.isLetter || character.isNumber {
        if let last = word.last, last.isNumber != character.isNumber { flush() }
        word.append(character)
      } else if "-–—".contains(character) {
        flush()
        tokens.append("-")
      } else {
        flush()
      }
    }
    flush()
    var numbers: [Int?] = []  // nil marks a range operator
    var counted: Int? = nil
    for (position, token) in tokens.enumerated() {
      if token == "-" || token == "a" || token == "au" || token == "to" {
        numbers.append(nil)
      } else if let value = Int(token) ?? roman(token) {
        let next = position + 1 < tokens.count ? tokens[position + 1] : ""
        if next.hasPrefix("activit") { counted = value } else { numbers.append(value) }
      }
    }
    if numbers.isEmpty, result.isEmpty, let counted {
      return counted == 6 ? Array(1...6) : nil
    }
    var index = 0
    while index < numbers.count {
      guard let value = numbers[index] else {
        index += 1
        continue
      }
      if index + 2 < numbers.count, numbers[index + 1] == nil, let end = numbers[index + 2] {
        guard value <= end, (1...6).contains(value), (1...6).contains(end) else { return nil }
        result.formUnion(value...end)
        index += 3
      } else {
        guard (1...6).contains(value) else { return nil }
        result.insert(value)
        index += 1
      }
    }
    return result.isEmpty ? nil : result.sorted()
  }

  static func roman(_ token: String) -> Int? {
    ["i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6][token]
  }
}
