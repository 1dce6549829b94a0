/// Reads back what ``BinaryEncoder`` wrote (the form is described there). Every read is
/// bounds-checked: corrupt bytes give a `DecodingError`, never a crash.
struct BinaryDecoder {
  /// The value of `type` encoded in `bytes`.
  func decode<T: Decodable>(_ type: T.Type, from bytes: UnsafeRawBufferPointer) throws -> T {
    let document = try Document(bytes)
    return try T(from: ValueDecoder(document, start: document.root, end: bytes.count, parent: nil, key: nil))
  }
}

private typealias Tag = BinaryEncoder.Tag

/// The bytes being read and the key table.
private final class Document {
  let base: UnsafeRawPointer
  let count: Int
  var keys: [String] = []
  /// Where the root value starts.
  var root = 0

  init(_ bytes: UnsafeRawBufferPointer) throws {
    guard let base = bytes.baseAddress, !bytes.isEmpty else { throw Document.corrupt("empty", []) }
    self.base = base
    count = bytes.count
    var position = 0
    let keyCount = try length(at: &position, limit: count)
    keys.reserveCapacity(keyCount)
    for _ in 0..<keyCount {
      let length = try length(at: &position, limit: count)
      guard length <= count - position else { throw Document.corrupt("key past the end", []) }
      keys.append(String(decoding: UnsafeRawBufferPointer(start: base + position, count: length), as: UTF8.self))
      position += length
    }
    root = position
  }

  static func corrupt(_ what: String, _ path: [any CodingKey]) -> DecodingError {
    .dataCorrupted(.init(codingPath: path, debugDescription: "compiled catalog: \(what)"))
  }

  func byte(at position: Int, limit: Int) throws -> UInt8 {
    guard position < limit else { throw Document.corrupt("value past the end", []) }
    return base.load(fromByteOffset: position, as: UInt8.self)
  }

  func unsigned(at position: inout Int, limit: Int) throws -> UInt64 {
    try readUnsigned(base, at: &position, limit: limit)
  }

  func length(at position: inout Int, limit: Int) throws -> Int { try readLength(base, at: &position, limit: limit) }
}

/// A LEB128 integer at `position`, before `limit`.
private func readUnsigned(_ base: UnsafeRawPointer, at position: inout Int, limit: Int) throws -> UInt64 {
  var result: UInt64 = 0
  var shift: UInt64 = 0
  while true {
    guard position < limit else { throw Document.corrupt("value past the end", []) }
    let byte = base.load(fromByteOffset: position, as: UInt8.self)
    position += 1
    guard shift < 64 else { throw Document.corrupt("integer too long", []) }
    result |= UInt64(byte & 0x7F) << shift
    if byte < 0x80 { return result }
    shift += 7
  }
}

/// A count or a length, which can never exceed the bytes left (every element takes one at least).
private func readLength(_ base: UnsafeRawPointer, at position: inout Int, limit: Int) throws -> Int {
  let value = try readUnsigned(base, at: &position, limit: limit)
  guard value <= UInt64(limit - position) else { throw Document.corrupt("length past the end", []) }
  return Int(value)
}

extension BinaryDecoder {
  /// The parts framed by ``BinaryEncoder/frame(_:)``, in place.
  static func parts(of bytes: UnsafeRawBufferPointer) throws -> [UnsafeRawBufferPointer] {
    guard let base = bytes.baseAddress else { throw Document.corrupt("empty", []) }
    var position = 0
    let count = try readLength(base, at: &position, limit: bytes.count)
    var parts: [UnsafeRawBufferPointer] = []
    parts.reserveCapacity(count)
    for _ in 0..<count {
      let length = try readLength(base, at: &position, limit: bytes.count)
      parts.append(UnsafeRawBufferPointer(start: base + position, count: length))
      position += length
    }
    return parts
  }
}

/// The decoder of one value, bytes `start..<end` of the document.
private final class ValueDecoder: Decoder {
  let document: Document
  let start: Int
  let end: Int
  let parent: ValueDecoder?
  let key: (any CodingKey)?

  init(_ document: Document, start: Int, end: Int, parent: ValueDecoder?, key: (any CodingKey)?) {
    self.document = document
    self.start = start
    self.end = end
    self.parent = parent
    self.key = key
  }

  /// Built only when asked (errors): the keys from the root to this value.
  var codingPath: [any CodingKey] {
    var path: [any CodingKey] = []
    var decoder: ValueDecoder? = self
    while let current = decoder {
      if let key = current.key { path.append(key) }
      decoder = current.parent
    }
    return path.reversed()
  }
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  func tag() throws -> UInt8 { try document.byte(at: start, limit: end) }

  func mismatch<T>(_ type: T.Type) -> DecodingError {
    .typeMismatch(type, .init(codingPath: codingPath, debugDescription: "compiled catalog: another type is stored here"))
  }

  func child(start: Int, end: Int, key: (any CodingKey)?) -> ValueDecoder {
    ValueDecoder(document, start: start, end: end, parent: self, key: key)
  }

  // MARK: values

  func isNil() throws -> Bool { try tag() == Tag.null.rawValue }

  func bool() throws -> Bool {
    switch try tag() {
    case Tag.trueValue.rawValue: return true
    case Tag.falseValue.rawValue: return false
    default: throw mismatch(Bool.self)
    }
  }

  func string() throws -> String {
    guard try tag() == Tag.string.rawValue else { throw mismatch(String.self) }
    var position = start + 1
    let length = try document.length(at: &position, limit: end)
    guard length <= end - position else { throw Document.corrupt("string past its value", codingPath) }
    return String(decoding: UnsafeRawBufferPointer(start: document.base + position, count: length), as: UTF8.self)
  }

  func double() throws -> Double {
    guard try tag() == Tag.double.rawValue, end - start >= 9 else { throw mismatch(Double.self) }
    return Double(bitPattern: UInt64(littleEndian: document.base.loadUnaligned(fromByteOffset: start + 1, as: UInt64.self)))
  }

  func integer<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
    var position = start + 1
    let result: T?
    switch try tag() {
    case Tag.signed.rawValue:
      let zigzag = try document.unsigned(at: &position, limit: end)
      result = T(exactly: Int64(bitPattern: zigzag >> 1) ^ -Int64(bitPattern: zigzag & 1))
    case Tag.unsigned.rawValue: result = T(exactly: try document.unsigned(at: &position, limit: end))
    default: throw mismatch(type)
    }
    guard let result else { throw Document.corrupt("\(T.self) out of range", codingPath) }
    return result
  }

  func decode<T: Decodable>(_ type: T.Type) throws -> T {
    if T.self == String.self { return try string() as! T }
    if T.self == Double.self { return try double() as! T }
    if T.self == Int.self { return try integer(Int.self) as! T }
    if T.self == Bool.self { return try bool() as! T }
    return try T(from: self)
  }

  // MARK: containers

  func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
    guard try tag() == Tag.keyed.rawValue else { throw mismatch([String: Any].self) }
    var position = start + 1
    let count = try document.length(at: &position, limit: end)
    var entries: [KeyedEntry] = []
    entries.reserveCapacity(count)
    for _ in 0..<count {
      let key = try document.unsigned(at: &position, limit: end)
      let length = try document.length(at: &position, limit: end)
      guard key < UInt64(document.keys.count) else { throw Document.corrupt("bad key", codingPath) }
      entries.append(KeyedEntry(key: Int(key), start: position, end: position + length))
      position += length
    }
    return KeyedDecodingContainer(KeyedContainer<Key>(decoder: self, entries: entries))
  }

  func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
    guard try tag() == Tag.unkeyed.rawValue else { throw mismatch([Any].self) }
    var position = start + 1
    let count = try document.length(at: &position, limit: end)
    return UnkeyedContainer(decoder: self, count: count, cursor: position)
  }

  func singleValueContainer() throws -> any SingleValueDecodingContainer { SingleContainer(decoder: self) }
}

private struct KeyedEntry {
  let key: Int
  let start: Int
  let end: Int
}

private struct KeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
  let decoder: ValueDecoder
  let entries: [KeyedEntry]

  var codingPath: [any CodingKey] { decoder.codingPath }
  var allKeys: [Key] { entries.compactMap { Key(stringValue: decoder.document.keys[$0.key]) } }

  func entry(_ key: Key) -> KeyedEntry? {
    let name = key.stringValue
    let keys = decoder.document.keys
    for entry in entries where keys[entry.key] == name { return entry }
    return nil
  }

  func value(_ key: Key) throws -> ValueDecoder {
    guard let entry = entry(key) else {
      throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "compiled catalog: no value"))
    }
    return decoder.child(start: entry.start, end: entry.end, key: key)
  }

  func contains(_ key: Key) -> Bool { entry(key) != nil }
  func decodeNil(forKey key: Key) throws -> Bool { try value(key).isNil() }
  func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try value(key).bool() }
  func decode(_ type: String.Type, forKey key: Key) throws -> String { try value(key).string() }
  func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try value(key).double() }
  func decode(_ type: Float.Type, forKey key: Key) throws -> Float { Float(try value(key).double()) }
  func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try value(key).integer(type) }
  func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try value(key).integer(type) }
  func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try value(key).integer(type) }
  func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try value(key).integer(type) }
  func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try value(key).integer(type) }
  func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try value(key).integer(type) }
  func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try value(key).integer(type) }
  func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try value(key).integer(type) }
  func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try value(key).integer(type) }
  func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try value(key).integer(type) }
  func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try value(key).decode(type) }

  func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
    guard let entry = entry(key) else { return nil }
    let value = decoder.child(start: entry.start, end: entry.end, key: key)
    return try value.isNil() ? nil : value.decode(type)
  }
  func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
    guard let entry = entry(key) else { return nil }
    let value = decoder.child(start: entry.start, end: entry.end, key: key)
    return try value.isNil() ? nil : value.string()
  }

  func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
    try value(key).container(keyedBy: type)
  }
  func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { try value(key).unkeyedContainer() }
  func superDecoder() throws -> any Decoder {
    guard let key = Key(stringValue: "super") else { throw Document.corrupt("no super key", codingPath) }
    return try value(key)
  }
  func superDecoder(forKey key: Key) throws -> any Decoder { try value(key) }
}

private struct UnkeyedContainer: UnkeyedDecodingContainer {
  let decoder: ValueDecoder
  let total: Int
  var cursor: Int
  var currentIndex = 0

  init(decoder: ValueDecoder, count: Int, cursor: Int) {
    self.decoder = decoder
    total = count
    self.cursor = cursor
  }

  var codingPath: [any CodingKey] { decoder.codingPath }
  var count: Int? { total }
  var isAtEnd: Bool { currentIndex >= total }

  struct Index: CodingKey {
    let intValue: Int?
    var stringValue: String { "Index \(intValue ?? 0)" }
    init(intValue: Int) { self.intValue = intValue }
    init?(stringValue: String) { nil }
  }

  /// The next element, without moving past it.
  func peek() throws -> ValueDecoder {
    guard !isAtEnd else {
      throw DecodingError.valueNotFound(Any.self, .init(codingPath: codingPath, debugDescription: "compiled catalog: no more elements"))
    }
    var position = cursor
    let length = try decoder.document.length(at: &position, limit: decoder.end)
    guard length <= decoder.end - position else { throw Document.corrupt("element past its array", codingPath) }
    return decoder.child(start: position, end: position + length, key: Index(intValue: currentIndex))
  }

  mutating func next() throws -> ValueDecoder {
    let element = try peek()
    cursor = element.end
    currentIndex += 1
    return element
  }

  mutating func decodeNil() throws -> Bool {
    guard try peek().isNil() else { return false }
    _ = try next()
    return true
  }
  mutating func decode(_ type: Bool.Type) throws -> Bool { try next().bool() }
  mutating func decode(_ type: String.Type) throws -> String { try next().string() }
  mutating func decode(_ type: Double.Type) throws -> Double { try next().double() }
  mutating func decode(_ type: Float.Type) throws -> Float { Float(try next().double()) }
  mutating func decode(_ type: Int.Type) throws -> Int { try next().integer(type) }
  mutating func decode(_ type: Int8.Type) throws -> Int8 { try next().integer(type) }
  mutating func decode(_ type: Int16.Type) throws -> Int16 { try next().integer(type) }
  mutating func decode(_ type: Int32.Type) throws -> Int32 { try next().integer(type) }
  mutating func decode(_ type: Int64.Type) throws -> Int64 { try next().integer(type) }
  mutating func decode(_ type: UInt.Type) throws -> UInt { try next().integer(type) }
  mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try next().integer(type) }
  mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try next().integer(type) }
  mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try next().integer(type) }
  mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try next().integer(type) }
  mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next().decode(type) }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
    try next().container(keyedBy: type)
  }
  mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { try next().unkeyedContainer() }
  mutating func superDecoder() throws -> any Decoder { try next() }
}

private struct SingleContainer: SingleValueDecodingContainer {
  let decoder: ValueDecoder
  var codingPath: [any CodingKey] { decoder.codingPath }

  func decodeNil() -> Bool { (try? decoder.isNil()) ?? false }
  func decode(_ type: Bool.Type) throws -> Bool { try decoder.bool() }
  func decode(_ type: String.Type) throws -> String { try decoder.string() }
  func decode(_ type: Double.Type) throws -> Double { try decoder.double() }
  func decode(_ type: Float.Type) throws -> Float { Float(try decoder.double()) }
  func decode(_ type: Int.Type) throws -> Int { try decoder.integer(type) }
  func decode(_ type: Int8.Type) throws -> Int8 { try decoder.integer(type) }
  func decode(_ type: Int16.Type) throws -> Int16 { try decoder.integer(type) }
  func decode(_ type: Int32.Type) throws -> Int32 { try decoder.integer(type) }
  func decode(_ type: Int64.Type) throws -> Int64 { try decoder.integer(type) }
  func decode(_ type: UInt.Type) throws -> UInt { try decoder.integer(type) }
  func decode(_ type: UInt8.Type) throws -> UInt8 { try decoder.integer(type) }
  func decode(_ type: UInt16.Type) throws -> UInt16 { try decoder.integer(type) }
  func decode(_ type: UInt32.Type) throws -> UInt32 { try decoder.integer(type) }
  func decode(_ type: UInt64.Type) throws -> UInt64 { try decoder.integer(type) }
  func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.decode(type) }
}
