import Foundation

/// The query of a page request as an HTML form sends it (GET): `+` is a space, values are
/// percent-decoded, a name may repeat (checkboxes).
struct FormQuery {
  private(set) var pairs: [(name: String, value: String)] = []

  init(_ query: String?) {
    for part in (query ?? "").split(separator: "&") {
      let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      func decode(_ text: Substring) -> String {
        String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(text)
      }
      pairs.append((decode(pieces[0]), pieces.count > 1 ? decode(pieces[1]) : ""))
    }
  }

  /// The first non-empty value of `name`.
  func value(_ name: String) -> String? {
    pairs.first { $0.name == name && !$0.value.trimmingCharacters(in: .whitespaces).isEmpty }?.value
      .trimmingCharacters(in: .whitespaces)
  }

  /// Every non-empty value of `name`, in order.
  func values(_ name: String) -> [String] {
    pairs.filter { $0.name == name && !$0.value.isEmpty }.map(\.value)
  }

  var isEmpty: Bool { pairs.isEmpty }

  /// `name=value&...` percent-encoded (a permalink's query).
  static func encode(_ pairs: [(String, String)]) -> String {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    return pairs.map { name, value in
      (name.addingPercentEncoding(withAllowedCharacters: allowed) ?? name) + "="
        + (value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value)
    }.joined(separator: "&")
  }
}
