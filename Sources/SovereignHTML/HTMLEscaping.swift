import Plot

/// Escaping of everything that comes from data (catalog facts, requirements, user input) before
/// it enters a page.
///
/// Plot escapes `<` and `>` in text nodes but keeps character references (`&amp;`, `&#60;`) as
/// they are, and writes attribute values verbatim. These functions close both gaps: text comes out
/// exactly as written, and no attribute value can end its quotes.
public enum HTMLEscaping {
  /// `text` for a Plot text node: `&` becomes `&amp;` so that Plot keeps every character literal.
  public static func text(_ text: String) -> String {
    guard text.contains("&") else { return text }
    var out = ""
    for character in text { if character == "&" { out += "&amp;" } else { out.append(character) } }
    return out
  }

  /// `value` for a double-quoted attribute: `&`, `<`, `>`, `"` and `'` as character references.
  public static func attribute(_ value: String) -> String {
    var out = ""
    out.reserveCapacity(value.count)
    for character in value {
      switch character {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.append(character)
      }
    }
    return out
  }

  /// `url` when it may be a link target (an `http:` or `https:` address without spaces or control
  /// characters), else nil: a source written `javascript:...` is shown as text, never linked.
  public static func linkTarget(_ url: String) -> String? {
    let lower = url.lowercased()
    guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else { return nil }
    guard !url.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F }) else { return nil }
    return url
  }
}

extension Node {
  /// A text node showing `text` exactly as written (escaped for HTML).
  public static func literal(_ text: String) -> Node { .text(HTMLEscaping.text(text)) }

  /// An attribute whose value is escaped (Plot writes attribute values verbatim).
  public static func safeAttribute(named name: String, value: String) -> Node {
    .attribute(named: name, value: HTMLEscaping.attribute(value))
  }
}
