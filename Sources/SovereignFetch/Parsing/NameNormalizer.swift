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
    text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "en_US_POSIX"))
      .replacingOccurrences(of: "\u{00A0}", with: " ")
      .trimmingCharacters(in: .whitespacesAndNewlines)
  }
}
