/// Text of HTML content: entities decoded, whitespace collapsed.
enum HTMLText {
  /// Named entities seen on French and English administrative pages.
  static let named: [String: String] = [
    "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "eacute": "é", "egrave": "è", "ecirc": "ê",
    "euml": "ë", "agrave": "à", "acirc": "â", "auml": "ä", "ccedil": "ç", "ocirc": "ô", "ouml": "ö", "icirc": "î",
    "iuml": "ï", "ucirc": "û", "ugrave": "ù", "uuml": "ü", "oelig": "œ", "aelig": "æ", "Eacute": "É", "Egrave": "È",
    "Ecirc": "Ê", "Agrave": "À", "Acirc": "Â", "Ccedil": "Ç", "Ocirc": "Ô", "Icirc": "Î", "OElig": "Œ", "rsquo": "’",
    "lsquo": "‘", "ldquo": "“", "rdquo": "”", "laquo": "«", "raquo": "»", "ndash": "–", "mdash": "—", "hellip": "…",
    "deg": "°", "ordm": "º", "euro": "€", "copy": "©", "reg": "®", "shy": "", "zwnj": "", "zwj": "",
  ]

  /// Decodes UTF-8 bytes (invalid sequences become U+FFFD), decodes entities, collapses whitespace.
  static func clean(_ bytes: [UInt8]) -> String {
    collapse(decodeEntities(String(decoding: bytes, as: UTF8.self)))
  }

  static func decodeEntities(_ text: String) -> String {
    guard text.contains("&") else { return text }
    var result = ""
    result.reserveCapacity(text.utf8.count)
    var index = text.startIndex
    while index < text.endIndex {
      let character = text[index]
      guard character == "&", let semicolon = text[index...].prefix(12).firstIndex(of: ";") else {
        result.append(character)
        index = text.index(after: index)
        continue
      }
      let name = text[text.index(after: index)..<semicolon]
      if let decoded = decode(entity: name) {
        result += decoded
        index = text.index(after: semicolon)
      } else {
        result.append(character)
        index = text.index(after: index)
      }
    }
    return result
  }

  static func decode(entity name: Substring) -> String? {
    if name.hasPrefix("#x") || name.hasPrefix("#X") {
      guard let value = UInt32(name.dropFirst(2), radix: 16), let scalar = Unicode.Scalar(value), value != 0 else { return nil }
      return String(Character(scalar))
    }
    if name.hasPrefix("#") {
      guard let value = UInt32(name.dropFirst()), let scalar = Unicode.Scalar(value), value != 0 else { return nil }
      return String(Character(scalar))
    }
    return named[String(name)]
  }

  /// Collapses runs of whitespace (including no-break spaces) into one space and trims.
  static func collapse(_ text: String) -> String {
    var result = ""
    var pendingSpace = false
    for character in text {
      if character.isWhitespace || character == "\u{00A0}" {
        pendingSpace = !result.isEmpty
      } else {
        if pendingSpace { result.append(" ") }
        pendingSpace = false
        result.append(character)
      }
    }
    return result
  }
}
