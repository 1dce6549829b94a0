/// Strict UTF-8 decoding for downloaded documents.
public enum UTF8Text {
  /// The text, or ``ParseError/invalidUTF8(offset:)`` naming the first bad byte.
  public static func decode(_ bytes: [UInt8]) throws(ParseError) -> String {
    if let text = String(validating: bytes, as: UTF8.self) { return text }
    var iterator = bytes.makeIterator()
    var decoder = UTF8()
    var offset = 0
    var consumed = 0
    loop: while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar):
        consumed += UTF8.width(scalar)
        offset = consumed
      case .emptyInput: break loop
      case .error: break loop
      }
    }
    throw .invalidUTF8(offset: offset)
  }

  /// Latin-1 (ISO-8859-1) bytes to text: each byte is its own code point.
  public static func latin1(_ bytes: [UInt8]) -> String {
    String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
  }
}
