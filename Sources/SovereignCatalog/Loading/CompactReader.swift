/// Reads the binary form ``BinaryEncoder`` writes straight into the catalog's model types
/// (``CompactReadable``), without `Codable`.
///
/// The `Codable` path (``BinaryDecoder``) gives the same values, but at the start of every
/// `sovereign rank` it costs what the catalog's own bytes do not: a decoder object per value,
/// existential containers, and for each model type the run-time instantiation of
/// `KeyedDecodingContainer<CodingKeys>`, whose generic requirement the Swift runtime checks by a
/// linear scan of every protocol conformance in the binary (about 9,600 records, 0.2 ms each
/// time; 22 such scans when decoding the catalog, counted with a `perf` probe). This reader knows
/// the model's keys, so it only walks the bytes. Every read is bounds-checked: corrupt bytes give
/// a `DecodingError`, never a crash.
struct CompactReader {
  /// The bytes of one encoded document and its key table.
  final class Document {
    let base: UnsafeRawPointer
    let count: Int
    let keys: [String]
    let root: Int

    init(_ bytes: UnsafeRawBufferPointer) throws {
      guard let base = bytes.baseAddress, !bytes.isEmpty else { throw CompactReader.corrupt("empty document") }
      self.base = base
      count = bytes.count
      var position = 0
      let keyCount = try CompactReader.length(base, at: &position, limit: count)
      var keys: [String] = []
      keys.reserveCapacity(keyCount)
      for _ in 0..<keyCount {
        let length = try CompactReader.length(base, at: &position, limit: count)
        keys.append(String(decoding: UnsafeRawBufferPointer(start: base + position, count: length), as: UTF8.self))
        position += length
      }
      self.keys = keys
      root = position
    }
  }

  let document: Document
  /// The value's bytes: `start` is its tag.
  let start: Int
  let end: Int

  /// The root value of `bytes`.
  init(_ bytes: UnsafeRawBufferPointer) throws {
    document = try Document(bytes)
    start = document.root
    end = document.count
  }

  init(document: Document, start: Int, end: Int) {
    self.document = document
    self.start = start
    self.end = end
  }

  /// The value `type` encoded in `bytes`.
  static func read<T: CompactReadable>(_ type: T.Type, from bytes: UnsafeRawBufferPointer) throws -> T {
    try T(compact: CompactReader(bytes))
  }

  // MARK: - Scalars

  private typealias Tag = BinaryEncoder.Tag

  private func tag() throws -> UInt8 {
    guard start < end else { throw Self.corrupt("value past the end") }
    return document.base.load(fromByteOffset: start, as: UInt8.self)
  }

  private func expect(_ expected: Tag, _ what: String) throws {
    guard try tag() == expected.rawValue else { throw Self.corrupt("expected \(what) at byte \(start)") }
  }

  var isNull: Bool { (try? tag()) == Tag.null.rawValue }

  func string() throws -> String {
    try expect(.string, "a string")
    var position = start + 1
    let length = try Self.length(document.base, at: &position, limit: end)
    return String(decoding: UnsafeRawBufferPointer(start: document.base + position, count: length), as: UTF8.self)
  }

  func bool() throws -> Bool {
    switch try tag() {
    case Tag.trueValue.rawValue: return true
    case Tag.falseValue.rawValue: return false
    default: throw Self.corrupt("expected a boolean at byte \(start)")
    }
  }

  func int() throws -> Int {
    var position = start + 1
    let result: Int?
    switch try tag() {
    case Tag.signed.rawValue:
      let zigzag = try Self.unsigned(document.base, at: &position, limit: end)
      result = Int(exactly: Int64(bitPattern: zigzag >> 1) ^ -Int64(bitPattern: zigzag & 1))
    case Tag.unsigned.rawValue: result = Int(exactly: try Self.unsigned(document.base, at: &position, limit: end))
    default: throw Self.corrupt("expected an integer at byte \(start)")
    }
    guard let result else { throw Self.corrupt("integer out of range at byte \(start)") }
    return result
  }

  func double() throws -> Double {
    try expect(.double, "a number")
    guard end - start >= 9 else { throw Self.corrupt("number past its value at byte \(start)") }
    return Double(bitPattern: UInt64(littleEndian: document.base.loadUnaligned(fromByteOffset: start + 1, as: UInt64.self)))
  }

  /// A string-backed enumeration by its raw value.
  func raw<Value: RawRepresentable>(_ type: Value.Type) throws -> Value where Value.RawValue == String {
    let text = try string()
    guard let value = Value(rawValue: text) else { throw Self.corrupt("`\(text)` is not a \(Value.self)") }
    return value
  }

  /// A ``Known`` value: the string `unknown`, or the value (as its `Decodable` form reads it).
  func known<Value>(_ read: (CompactReader) throws -> Value) throws -> Known<Value> {
    if try tag() == Tag.string.rawValue, try string() == "unknown" { return .unknown }
    return .known(try read(self))
  }

  /// A day written `YYYY-MM-DD`.
  func date() throws -> CalendarDate {
    let text = try string()
    guard let date = CalendarDate(iso: text) else { throw Self.corrupt("expected YYYY-MM-DD, found \(text)") }
    return date
  }

  // MARK: - Containers

  /// An array, each element read by `element`.
  func array<Element>(_ element: (CompactReader) throws -> Element) throws -> [Element] {
    try expect(.unkeyed, "an array")
    var position = start + 1
    let count = try Self.length(document.base, at: &position, limit: end)
    var result: [Element] = []
    result.reserveCapacity(count)
    for _ in 0..<count {
      let length = try Self.length(document.base, at: &position, limit: end)
      result.append(try element(CompactReader(document: document, start: position, end: position + length)))
      position += length
    }
    return result
  }

  /// The model values of an array.
  func array<Element: CompactReadable>(of type: Element.Type) throws -> [Element] { try array(Element.init(compact:)) }

  /// The strings of an array.
  func strings() throws -> [String] { try array { try $0.string() } }

  /// A keyed value (a struct's fields).
  func object() throws -> Object {
    try expect(.keyed, "a keyed value")
    var position = start + 1
    let count = try Self.length(document.base, at: &position, limit: end)
    var entries: [Object.Entry] = []
    entries.reserveCapacity(count)
    for _ in 0..<count {
      let key = try Self.unsigned(document.base, at: &position, limit: end)
      let length = try Self.length(document.base, at: &position, limit: end)
      guard key < UInt64(document.keys.count) else { throw Self.corrupt("bad key at byte \(position)") }
      entries.append(Object.Entry(key: Int(key), start: position, end: position + length))
      position += length
    }
    return Object(document: document, entries: entries)
  }

  /// A dictionary with string keys, each value read by `value`.
  func dictionary<Value>(_ value: (CompactReader) throws -> Value) throws -> [String: Value] {
    let object = try object()
    var result: [String: Value] = [:]
    result.reserveCapacity(object.entries.count)
    for entry in object.entries {
      result[document.keys[entry.key]] = try value(CompactReader(document: document, start: entry.start, end: entry.end))
    }
    return result
  }

  /// The fields of a keyed value, found by name.
  struct Object {
    struct Entry {
      let key: Int
      let start: Int
      let end: Int
    }

    let document: Document
    let entries: [Entry]

    /// The field `key`, or nil when it is absent or null (an optional left out).
    func optional(_ key: String) -> CompactReader? {
      let keys = document.keys
      for entry in entries where keys[entry.key] == key {
        let value = CompactReader(document: document, start: entry.start, end: entry.end)
        return value.isNull ? nil : value
      }
      return nil
    }

    /// The field `key`, which must be there.
    func required(_ key: String) throws -> CompactReader {
      guard let value = optional(key) else { throw CompactReader.corrupt("no value for `\(key)`") }
      return value
    }

    func string(_ key: String) throws -> String { try required(key).string() }
    func optionalString(_ key: String) throws -> String? { try optional(key)?.string() }
    func strings(_ key: String) throws -> [String] { try required(key).strings() }
    func provenance(_ key: String = "provenance") throws -> Provenance { try Provenance(compact: required(key)) }
    func triState(_ key: String) throws -> TriState { try required(key).raw(TriState.self) }
    func knownString(_ key: String) throws -> Known<String> { try required(key).known { try $0.string() } }
    func knownDate(_ key: String) throws -> Known<CalendarDate> { try required(key).known { try $0.date() } }
    func knownStrings(_ key: String) throws -> Known<[String]> { try required(key).known { try $0.strings() } }
  }

  // MARK: - Integers and errors

  /// A LEB128 integer at `position`, before `limit`.
  static func unsigned(_ base: UnsafeRawPointer, at position: inout Int, limit: Int) throws -> UInt64 {
    var result: UInt64 = 0
    var shift: UInt64 = 0
    while true {
      guard position < limit else { throw corrupt("value past the end") }
      let byte = base.load(fromByteOffset: position, as: UInt8.self)
      position += 1
      guard shift < 64 else { throw corrupt("integer too long") }
      result |= UInt64(byte & 0x7F) << shift
      if byte < 0x80 { return result }
      shift += 7
    }
  }

  /// A count or a length, which can never exceed the bytes left.
  static func length(_ base: UnsafeRawPointer, at position: inout Int, limit: Int) throws -> Int {
    let value = try unsigned(base, at: &position, limit: limit)
    guard value <= UInt64(limit - position) else { throw corrupt("length past the end") }
    return Int(value)
  }

  static func corrupt(_ what: String) -> DecodingError {
    .dataCorrupted(.init(codingPath: [], debugDescription: "compiled catalog: \(what)"))
  }
}

/// A model type ``CompactReader`` reads: the same fields, under the same keys, as its
/// `Codable` form (``BinaryEncoder`` writes that form at build time).
protocol CompactReadable {
  init(compact value: CompactReader) throws
}
