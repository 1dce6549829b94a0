import Foundation
import Yams

/// One node of a parsed YAML file with typed, checked accessors.
///
/// Every accessor returns nil after recording a precise ``Diagnostic`` in the owning
/// ``YAMLDocument`` when the value does not have the expected form, so a loader can keep going
/// and report every problem of a file at once.
public struct YAMLValue {
  let node: Node
  /// The document this value belongs to (where diagnostics are recorded).
  public let document: YAMLDocument

  init(node: Node, document: YAMLDocument) {
    self.node = node
    self.document = document
  }

  /// Where the value starts in its file.
  public var location: SourceLocation {
    SourceLocation(file: document.file, line: node.mark?.line ?? 0, column: node.mark?.column ?? 0)
  }

  /// Records an error at this value's position.
  public func report(_ message: String, hint: String? = nil) {
    document.report(Diagnostic(message, at: location, hint: hint))
  }

  /// The scalar text, when this is a scalar (no diagnostic otherwise).
  public var scalarText: String? {
    if case .scalar(let scalar) = node { return scalar.string }
    return nil
  }

  /// True when the value is the word `unknown`.
  public var isUnknown: Bool {
    scalarText?.lowercased() == "unknown"
  }

  /// True for an empty value (`key:` with nothing after it, `~` or `null`).
  public var isNull: Bool {
    guard case .scalar(let scalar) = node, scalar.style == .plain else { return false }
    return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
  }

  var kindDescription: String {
    switch node {
    case .mapping: return "a mapping (key: value lines)"
    case .sequence: return "a list"
    case .alias: return "an alias"
    case .scalar(let scalar):
      if isNull { return "nothing" }
      return "`\(scalar.string.prefix(40))`"
    }
  }

  private func refuseAnchor() -> Bool {
    // Normally caught on the text before parsing (YAMLDocument.firstAnchorOrAlias); kept as a
    // second line of defence for the node kinds Yams marks.
    if case .alias = node {
      report(
        "YAML anchors and aliases (&name, *name) are not accepted",
        hint: "write the value out in full; anchors can hide very large documents")
      return true
    }
    return false
  }

  // MARK: - Structure

  /// This value as a mapping whose keys must all be among `keys`; unknown keys are reported
  /// with the closest valid key as a hint.
  public func mapping(_ what: String, keys: [String]) -> YAMLMapping? {
    guard !refuseAnchor() else { return nil }
    guard case .mapping(let mapping) = node else {
      report("\(what) must be a mapping (key: value lines), found \(kindDescription)")
      return nil
    }
    var entries: [YAMLMapping.Entry] = []
    for (keyNode, valueNode) in mapping {
      let key = YAMLValue(node: keyNode, document: document)
      guard case .scalar(let scalar) = keyNode, keyNode.anchor == nil else {
        key.report("keys of \(what) must be plain words, found \(key.kindDescription)")
        continue
      }
      guard keys.contains(scalar.string) else {
        key.report(
          "unknown key `\(scalar.string)` in \(what)",
          hint: Suggestions.hint(for: scalar.string, in: keys)
            ?? "allowed keys: " + keys.joined(separator: ", "))
        continue
      }
      entries.append(.init(key: scalar.string, keyLocation: key.location, value: YAMLValue(node: valueNode, document: document)))
    }
    return YAMLMapping(entries: entries, owner: self, what: what)
  }

  /// This value as a mapping with free keys (e.g. a map from ids to descriptions).
  public func freeMapping(_ what: String) -> [(key: String, keyLocation: SourceLocation, value: YAMLValue)]? {
    guard !refuseAnchor() else { return nil }
    guard case .mapping(let mapping) = node else {
      report("\(what) must be a mapping (key: value lines), found \(kindDescription)")
      return nil
    }
    var result: [(String, SourceLocation, YAMLValue)] = []
    for (keyNode, valueNode) in mapping {
      let key = YAMLValue(node: keyNode, document: document)
      guard case .scalar(let scalar) = keyNode, keyNode.anchor == nil else {
        key.report("keys of \(what) must be plain words, found \(key.kindDescription)")
        continue
      }
      result.append((scalar.string, key.location, YAMLValue(node: valueNode, document: document)))
    }
    return result.map { (key: $0.0, keyLocation: $0.1, value: $0.2) }
  }

  /// This value as a list. A single scalar is not promoted to a list.
  public func list(_ what: String) -> [YAMLValue]? {
    guard !refuseAnchor() else { return nil }
    guard case .sequence(let sequence) = node else {
      report("\(what) must be a list (`[a, b]` or `- a` lines), found \(kindDescription)")
      return nil
    }
    return sequence.map { YAMLValue(node: $0, document: document) }
  }

  /// A list, or a single scalar taken as a one-element list (e.g. `source: a` or `source: [a, b]`).
  public func scalarOrList(_ what: String) -> [YAMLValue]? {
    if case .scalar = node { return refuseAnchor() ? nil : [self] }
    return list(what)
  }

  // MARK: - Scalars

  /// Non-empty text.
  public func string(_ what: String) -> String? {
    guard !refuseAnchor() else { return nil }
    guard case .scalar(let scalar) = node else {
      report("\(what) must be text, found \(kindDescription)")
      return nil
    }
    let text = Self.trimmed(scalar.string)
    guard !text.isEmpty, !isNull else {
      report("\(what) has no value", hint: "write the value, or `unknown` where the fact is not known")
      return nil
    }
    // Control characters (e.g. ESC, which starts terminal escape sequences) have no place in
    // catalog or requirements text and would be printed raw to a terminal.
    // (C0 and C1 controls are exactly U+0000-001F and U+007F-009F.)
    if let control = text.unicodeScalars.first(where: { ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || (0x7F...0x9F).contains($0.value) }) {
      report(
        "\(what) contains the control character U+\(String(control.value, radix: 16, uppercase: true).leftPadded(to: 4))",
        hint: "remove it: only printable text, tabs and line breaks are accepted")
      return nil
    }
    return text
  }

  /// Text from a fixed set of words.
  public func word(_ what: String, allowed: [String]) -> String? {
    guard let text = string(what) else { return nil }
    guard allowed.contains(text) else {
      report(
        "\(what) must be one of \(allowed.joined(separator: ", ")), found `\(text)`",
        hint: Suggestions.hint(for: text, in: allowed))
      return nil
    }
    return text
  }

  /// A kebab-case identifier.
  public func identifier(_ what: String) -> String? {
    guard let text = string(what) else { return nil }
    guard Identifier.isValid(text) else {
      report(
        "\(what) `\(text)` is not a valid id",
        hint: "use lower-case letters, digits and single hyphens, e.g. `clever-cloud`")
      return nil
    }
    return text
  }

  /// A finite number within `range`.
  public func number(_ what: String, in range: ClosedRange<Double>) -> Double? {
    guard let text = string(what) else { return nil }
    guard let value = Double(text.replacingOccurrences(of: "_", with: "")), !text.lowercased().contains("inf"),
      !text.lowercased().contains("nan")
    else {
      report("\(what) must be a number, found `\(text)`")
      return nil
    }
    guard value.isFinite, range.contains(value) else {
      report("\(what) must be between \(Self.format(range.lowerBound)) and \(Self.format(range.upperBound)), found \(text)")
      return nil
    }
    return value
  }

  /// A whole number within `range`.
  public func integer(_ what: String, in range: ClosedRange<Int>) -> Int? {
    guard let text = string(what) else { return nil }
    guard let value = Int(text) else {
      report("\(what) must be a whole number, found `\(text)`")
      return nil
    }
    guard range.contains(value) else {
      report("\(what) must be between \(range.lowerBound) and \(range.upperBound), found \(value)")
      return nil
    }
    return value
  }

  /// `yes`/`no`/`unknown` (also `true`/`false`).
  public func triState(_ what: String) -> TriState? {
    guard let text = string(what) else { return nil }
    switch text.lowercased() {
    case "yes", "true": return .yes
    case "no", "false": return .no
    case "unknown": return .unknown
    default:
      report("\(what) must be yes, no or unknown, found `\(text)`")
      return nil
    }
  }

  /// `yes`/`no` (also `true`/`false`).
  public func bool(_ what: String) -> Bool? {
    guard let text = string(what) else { return nil }
    switch text.lowercased() {
    case "yes", "true": return true
    case "no", "false": return false
    default:
      report("\(what) must be yes or no (true or false), found `\(text)`")
      return nil
    }
  }

  /// A calendar date written `YYYY-MM-DD`.
  public func date(_ what: String) -> CalendarDate? {
    guard let text = string(what) else { return nil }
    guard let date = CalendarDate(iso: text) else {
      report("\(what) must be a date written YYYY-MM-DD, found `\(text)`", hint: "e.g. 2026-05-16")
      return nil
    }
    return date
  }

  /// An `http(s)://` URL.
  public func url(_ what: String) -> String? {
    guard let text = string(what) else { return nil }
    guard text.hasPrefix("https://") || text.hasPrefix("http://"), !text.contains(" "), text.count > 10 else {
      report("\(what) must be a web address starting with https://, found `\(text.prefix(60))`")
      return nil
    }
    return text
  }

  /// `text` without leading and trailing white space (space, tab, line breaks), without going
  /// through Foundation (this runs for every value of every file).
  static func trimmed(_ text: String) -> String {
    let scalars = text.unicodeScalars
    func isSpace(_ scalar: Unicode.Scalar) -> Bool {
      scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || (scalar.value > 0x7F && scalar.properties.isWhitespace)
    }
    guard let first = scalars.firstIndex(where: { !isSpace($0) }), let last = scalars.lastIndex(where: { !isSpace($0) }) else {
      return ""
    }
    if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex { return text }
    return String(scalars[first...last])
  }

  static func format(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
  }
}

/// A YAML mapping whose keys have been checked against the allowed set.
public struct YAMLMapping {
  struct Entry {
    var key: String
    var keyLocation: SourceLocation
    var value: YAMLValue
  }

  let entries: [Entry]
  /// The mapping itself, for positions and diagnostics.
  public let owner: YAMLValue
  /// What the mapping is, in words, for messages (e.g. "offering `ovh-public-cloud`").
  public let what: String

  /// The value of `key`, or nil when absent. An explicitly empty value (`key:`) counts as absent
  /// only for optional keys read with ``optional(_:)``.
  public subscript(key: String) -> YAMLValue? {
    entries.first { $0.key == key }?.value
  }

  /// The value of an optional key; nil when absent or written empty.
  public func optional(_ key: String) -> YAMLValue? {
    guard let value = self[key], !value.isNull else { return nil }
    return value
  }

  /// The value of a required key; records "missing key" when absent.
  public func required(_ key: String, hint: String? = nil) -> YAMLValue? {
    if let value = self[key] { return value }
    owner.report("\(what) is missing the key `\(key)`", hint: hint)
    return nil
  }

  /// True when `key` is present.
  public func has(_ key: String) -> Bool { self[key] != nil }

  /// Where `key` is written, or the mapping's own position when absent.
  public func location(of key: String) -> SourceLocation {
    entries.first { $0.key == key }?.keyLocation ?? owner.location
  }
}

extension String {
  func leftPadded(to width: Int) -> String {
    String(repeating: "0", count: max(0, width - count)) + self
  }
}
