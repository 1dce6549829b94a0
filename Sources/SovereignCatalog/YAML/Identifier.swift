/// Rules for the kebab-case ids used across the catalog and requirements files.
public enum Identifier {
  /// True for `[a-z0-9]+(-[a-z0-9]+)*`.
  public static func isValid(_ text: String) -> Bool {
    guard !text.isEmpty, !text.hasPrefix("-"), !text.hasSuffix("-"), !text.contains("--") else {
      return false
    }
    return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
  }
}
