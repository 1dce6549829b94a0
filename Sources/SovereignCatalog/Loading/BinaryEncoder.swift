/// A compact binary form of any `Encodable` value, for ``CompiledCatalog``: what JSONDecoder
/// spends its time on (scanning text, matching keys by hashing, converting numbers) is not
/// needed to read back a catalog this program wrote itself at build time. No binary `Codable`
/// coder is among the packages available here (swift-protobuf needs generated types), hence
/// these two files; ``BinaryDecoder`` reads the form back.
///
/// The form: a table of every key string (sorted), then the root value. A value is a tag byte and its
/// payload: nil; false / true; a signed integer (zigzag LEB128); an unsigned integer (LEB128); a
/// double (8 bytes, little-endian bits); a string (length, UTF-8 bytes); a keyed container (entry
/// count, then per entry the key's index in the table, the value's length and the value); an
/// unkeyed container (count, then per element its length and the element). Lengths let a
/// container find any entry without reading the others. Keyed entries are sorted by key, so the
/// same value always gives the same bytes (dictionaries iterate in a different order each run).
struct BinaryEncoder {
  enum Tag: UInt8 {
    case null = 0, falseValue, trueValue, signed, unsigned, double, string, keyed, unkeyed
  }

  /// The encoding of `value`.
  func encode(_ value: some Encodable) throws -> [UInt8] {
    let root = Node()
    try value.encode(to: NodeEncoder(node: root, codingPath: []))
    var seen: [String: Int] = [:]
    var found: [String] = []
    root.collectKeys(into: &seen, order: &found)
    // The table sorted, so the bytes do not depend on the order dictionaries were encoded in.
    let order = found.sorted()
    let keys = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
    var out: [UInt8] = []
    Self.writeLength(order.count, to: &out)
    for key in order {
      Self.writeLength(key.utf8.count, to: &out)
      out += key.utf8
    }
    root.write(to: &out, keys: keys)
    return out
  }

  /// `parts` in one buffer: their count, then each with its length (``BinaryDecoder/parts(of:)``).
  static func frame(_ parts: [[UInt8]]) -> [UInt8] {
    var out: [UInt8] = []
    writeLength(parts.count, to: &out)
    for part in parts {
      writeLength(part.count, to: &out)
      out += part
    }
    return out
  }

  static func writeLength(_ value: Int, to out: inout [UInt8]) { writeUnsigned(UInt64(value), to: &out) }

  static func writeUnsigned(_ value: UInt64, to out: inout [UInt8]) {
    var value = value
    while value >= 0x80 {
      out.append(UInt8(truncatingIfNeeded: value) | 0x80)
      value >>= 7
    }
    out.append(UInt8(value))
  }
}

/// One value being encoded: filled in place, since a container is handed out before its
/// contents are encoded.
private final class Node {
  enum Content {
    case null
    case bool(Bool)
    case signed(Int64)
    case unsigned(UInt64)
    case double(Double)
    case string(String)
    case keyed([(key: String, node: Node)])
    case unkeyed([Node])
  }
  var content = Content.null

  func collectKeys(into keys: inout [String: Int], order: inout [String]) {
    switch content {
    case .keyed(let entries):
      for (key, node) in entries {
        if keys[key] == nil {
          keys[key] = order.count
          order.append(key)
        }
        node.collectKeys(into: &keys, order: &order)
      }
    case .unkeyed(let nodes): for node in nodes { node.collectKeys(into: &keys, order: &order) }
    default: break
    }
  }

  func write(to out: inout [UInt8], keys: [String: Int]) {
    typealias Tag = BinaryEncoder.Tag
    switch content {
    case .null: out.append(Tag.null.rawValue)
    case .bool(let value): out.append(value ? Tag.trueValue.rawValue : Tag.falseValue.rawValue)
    case .signed(let value):
      out.append(Tag.signed.rawValue)
      BinaryEncoder.writeUnsigned(UInt64(bitPattern: (value << 1) ^ (value >> 63)), to: &out)
    case .unsigned(let value):
      out.append(Tag.unsigned.rawValue)
      BinaryEncoder.writeUnsigned(value, to: &out)
    case .double(let value):
      out.append(Tag.double.rawValue)
      withUnsafeBytes(of: value.bitPattern.littleEndian) { out += $0 }
    case .string(let value):
      out.append(Tag.string.rawValue)
      BinaryEncoder.writeLength(value.utf8.count, to: &out)
      out += value.utf8
    case .keyed(let entries):
      out.append(Tag.keyed.rawValue)
      // Sorted by key, the last encoding of a repeated key winning (as in JSONEncoder).
      var latest: [String: Node] = [:]
      for (key, node) in entries { latest[key] = node }
      BinaryEncoder.writeLength(latest.count, to: &out)
      for key in latest.keys.sorted() {
        BinaryEncoder.writeLength(keys[key]!, to: &out)
        var value: [UInt8] = []
        latest[key]!.write(to: &value, keys: keys)
        BinaryEncoder.writeLength(value.count, to: &out)
        out += value
      }
    case .unkeyed(let nodes):
      out.append(Tag.unkeyed.rawValue)
      BinaryEncoder.writeLength(nodes.count, to: &out)
      for node in nodes {
        var value: [UInt8] = []
        node.write(to: &value, keys: keys)
        BinaryEncoder.writeLength(value.count, to: &out)
        out += value
      }
    }
  }

  func append(key: String) -> Node {
    let child = Node()
    if case .keyed(var entries) = content {
      entries.append((key, child))
      content = .keyed(entries)
    } else {
      content = .keyed([(key, child)])
    }
    return child
  }

  func appendElement() -> Node {
    let child = Node()
    if case .unkeyed(var nodes) = content {
      nodes.append(child)
      content = .unkeyed(nodes)
    } else {
      content = .unkeyed([child])
    }
    return child
  }

  func set(_ value: some Encodable, codingPath: [any CodingKey]) throws {
    switch value {
    case let value as Bool: content = .bool(value)
    case let value as String: content = .string(value)
    case let value as Double: content = .double(value)
    case let value as Float: content = .double(Double(value))
    case let value as Int: content = .signed(Int64(value))
    case let value as Int8: content = .signed(Int64(value))
    case let value as Int16: content = .signed(Int64(value))
    case let value as Int32: content = .signed(Int64(value))
    case let value as Int64: content = .signed(value)
    case let value as UInt: content = .unsigned(UInt64(value))
    case let value as UInt8: content = .unsigned(UInt64(value))
    case let value as UInt16: content = .unsigned(UInt64(value))
    case let value as UInt32: content = .unsigned(UInt64(value))
    case let value as UInt64: content = .unsigned(value)
    default: try value.encode(to: NodeEncoder(node: self, codingPath: codingPath))
    }
  }
}

private struct NodeEncoder: Encoder {
  let node: Node
  var codingPath: [any CodingKey]
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
    if case .keyed = node.content {} else { node.content = .keyed([]) }
    return KeyedEncodingContainer(Keyed<Key>(node: node, codingPath: codingPath))
  }

  func unkeyedContainer() -> any UnkeyedEncodingContainer {
    if case .unkeyed = node.content {} else { node.content = .unkeyed([]) }
    return Unkeyed(node: node, codingPath: codingPath)
  }

  func singleValueContainer() -> any SingleValueEncodingContainer { Single(node: node, codingPath: codingPath) }

  struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: Node
    var codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws { _ = node.append(key: key.stringValue) }
    mutating func encode(_ value: some Encodable, forKey key: Key) throws {
      try node.append(key: key.stringValue).set(value, codingPath: codingPath + [key])
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
      NodeEncoder(node: node.append(key: key.stringValue), codingPath: codingPath + [key]).container(keyedBy: type)
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
      NodeEncoder(node: node.append(key: key.stringValue), codingPath: codingPath + [key]).unkeyedContainer()
    }
    mutating func superEncoder() -> any Encoder { NodeEncoder(node: node.append(key: "super"), codingPath: codingPath) }
    mutating func superEncoder(forKey key: Key) -> any Encoder {
      NodeEncoder(node: node.append(key: key.stringValue), codingPath: codingPath + [key])
    }
  }

  struct Unkeyed: UnkeyedEncodingContainer {
    let node: Node
    var codingPath: [any CodingKey]
    var count: Int {
      if case .unkeyed(let nodes) = node.content { return nodes.count }
      return 0
    }

    mutating func encodeNil() throws { _ = node.appendElement() }
    mutating func encode(_ value: some Encodable) throws { try node.appendElement().set(value, codingPath: codingPath) }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
      NodeEncoder(node: node.appendElement(), codingPath: codingPath).container(keyedBy: type)
    }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
      NodeEncoder(node: node.appendElement(), codingPath: codingPath).unkeyedContainer()
    }
    mutating func superEncoder() -> any Encoder { NodeEncoder(node: node.appendElement(), codingPath: codingPath) }
  }

  struct Single: SingleValueEncodingContainer {
    let node: Node
    var codingPath: [any CodingKey]

    mutating func encodeNil() throws { node.content = .null }
    mutating func encode(_ value: some Encodable) throws { try node.set(value, codingPath: codingPath) }
  }
}
