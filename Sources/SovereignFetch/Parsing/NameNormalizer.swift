import Foundation

/// Normalises company names for matching: case and accents folded, punctuation to spaces,
/// legal-form words dropped (`SAS`, `S.A.`, `GmbH`, `Ltd`, ...), spaces collapsed.
///
/// "OVH SAS" and "ovh s.a.s." both give `ovh`; "Clever-Cloud SAS" gives `clever cloud`.
public enum NameNormalizer {
  /// Legal forms removed when they are whole words.
  static let legalForms: Set<String> = [
    "sas", "sa", "sarl", "sasu", "eurl", "sca", "snc", "gie", "scop", "selarl", "gmbh", "ag", "kg", "se", "ltd", "limited",
    "inc", "incorporated", "llc", "llp", "plc", "bv", "nv", "spa", "srl", "sl", "oy", "ab", "as", "aps", "corp", "corporation",
    "co", "company", "group", "groupe",
  ]

  public static func normalize(_ name: String) -> String {
    let folded = name.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: Locale(identifier: "en_US_POSIX"))
    // Join dotted abbreviations first ("s.a.s." -> "sas").
    var text = ""
    var previousWasLetterDot = false
    for character in folded {
      if character == "." && previousWasLetterDot { continue }
      previousWasLetterDot = character.isLetter
      text.append(character.isLetter || character.isNumber ? character : " ")
    }
    let words = text.split(separator: " ").map(String.init)
    let kept = words.filter { !legalForms.contains($0) }
    return (kept.isEmpty ? words : kept).joined(separator: " ")
  }

  /// Folds case and accents and trims (for labels).
  static func fold(_ text: String) -> String {
    // Fast path, without Foundation (parsers call this for every cell of a 100-page document):
    // ASCII and the accented Latin letters of European languages. Anything else goes through
    // Foundation's folding, which gives the same result for the fast path's characters.
    var folded = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      let value = scalar.value
      if value < 0x80 {
        folded.append((0x41...0x5A).contains(value) ? Unicode.Scalar(UInt8(value + 0x20)) : scalar)
      } else if value == 0xA0 {
        folded.append(" ")
      } else if (0x300...0x36F).contains(value) {
        continue  // a combining accent
      } else if let plain = latinFolding[value] {
        folded.append(contentsOf: plain.unicodeScalars)
      } else {
        return foundationFold(text)
      }
    }
    return trimmed(String(folded))
  }

  static func foundationFold(_ text: String) -> String {
    text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "en_US_POSIX"))
      .replacingOccurrences(of: "\u{00A0}", with: " ")
      .trimmingCharacters(in: .whitespacesAndNewlines)
  }

  static func trimmed(_ text: String) -> String {
    let scalars = text.unicodeScalars
    func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" }
    guard let first = scalars.firstIndex(where: { !isSpace($0) }), let last = scalars.lastIndex(where: { !isSpace($0) }) else {
      return ""
    }
    return String(scalars[first...last])
  }

  /// Accented Latin letters (upper and lower case) to their unaccented lower-case form, as
  /// Foundation folds them (ligatures and ł keep their letter, lower-cased).
  static let latinFolding: [UInt32: String] = {
    var table: [UInt32: String] = [:]
    let groups: [(String, String)] = [
      ("àáâãäåÀÁÂÃÄÅāĀăĂąĄ", "a"), ("çÇćĆčČ", "c"), ("ďĎ", "d"), ("èéêëÈÉÊËēĒęĘěĚ", "e"), ("ìíîïÌÍÎÏīĪ", "i"),
      ("ñÑńŃňŇ", "n"), ("òóôõöøÒÓÔÕÖØōŌőŐ", "o"), ("ùúûüÙÚÛÜūŪůŮűŰ", "u"), ("ýÿÝŸ", "y"), ("łŁ", "ł"),
      ("řŘ", "r"), ("śŚšŠ", "s"), ("ťŤ", "t"), ("źŹżŻžŽ", "z"), ("æÆ", "æ"), ("œŒ", "œ"), ("ß", "ss"),
    ]
    for (letters, plain) in groups {
      for scalar in letters.unicodeScalars { table[scalar.value] = plain }
    }
    return table
  }()
}
