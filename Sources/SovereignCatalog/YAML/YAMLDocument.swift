import Yams

/// Parses YAML text into a tree of ``YAMLValue``s that know their file, line and column, and
/// collects every problem found while a loader walks the tree.
///
/// Why not `Codable`: a strict loader must name the line and column of an unknown key, a wrong
/// type or an impossible value, suggest the closest valid key, and report all problems of a file
/// at once. Yams' `Node` tree keeps positions; this type adds the checks and the collection.
public final class YAMLDocument {
  /// The file name used in diagnostics.
  public let file: String
  /// The root value, or nil when the text could not be parsed (see ``diagnostics``).
  /// (Made on demand: a stored value would hold the document and leak it through a cycle.)
  public var root: YAMLValue? { rootNode.map { YAMLValue(node: $0, document: self) } }
  private var rootNode: Node?
  /// Every problem found so far, by parsing or by readers walking the tree.
  public private(set) var diagnostics: [Diagnostic] = []

  /// Largest input accepted, in bytes. Catalog and requirements files are a few kilobytes.
  public static let maximumSize = 4 * 1024 * 1024
  /// Deepest nesting accepted (flow brackets or indentation levels), far above any real file,
  /// and low enough that a hostile file cannot exhaust the parser's stack.
  public static let maximumDepth = 64

  /// Parses `text`; problems are recorded in ``diagnostics`` (the initializer never throws).
  public init(text: String, file: String) {
    self.file = file
    if let problem = Self.precheck(text, file: file) {
      diagnostics.append(problem)
      return
    }
    do {
      // The `.basic` resolver: no implicit-type regular expressions (every scalar stays a string); the
      // strict readers parse numbers, booleans and dates themselves. About 20 % faster to load.
      guard let node = try Yams.compose(yaml: text, .basic) else {
        diagnostics.append(
          Diagnostic(
            "the file is empty", at: SourceLocation(file: file, line: 1, column: 1),
            hint: "see the documented format and examples"))
        return
      }
      rootNode = node
    } catch let error as YamlError {
      diagnostics.append(Self.diagnostic(for: error, file: file))
    } catch {
      diagnostics.append(Diagnostic("could not parse YAML: \(error)", at: SourceLocation(file: file)))
    }
  }

  /// Parses raw bytes, which must be UTF-8.
  public convenience init(data: some Collection<UInt8>, file: String) {
    // Decoding with repair is the fast path; the text is valid exactly when nothing was repaired.
    let text = String(decoding: data, as: UTF8.self)
    if text.utf8.elementsEqual(data) {
      self.init(text: text, file: file)
    } else {
      self.init(invalidUTF8File: file, offset: Self.firstInvalidUTF8Offset(data))
    }
  }

  private init(invalidUTF8File file: String, offset: Int) {
    self.file = file
    diagnostics.append(
      Diagnostic(
        "the file is not valid UTF-8 text (first bad byte at offset \(offset))",
        at: SourceLocation(file: file), hint: "save the file as UTF-8"))
  }

  /// Records a problem.
  public func report(_ diagnostic: Diagnostic) {
    diagnostics.append(diagnostic)
  }

  /// True when no problem has been recorded.
  public var isClean: Bool { diagnostics.isEmpty }

  // MARK: - Checks before parsing

  static func precheck(_ text: String, file: String) -> Diagnostic? {
    var text = text
    return text.withUTF8 { precheck(bytes: $0, file: file) }
  }

  /// The checks before parsing, on the UTF-8 bytes (every character they look for is ASCII).
  static func precheck(bytes: UnsafeBufferPointer<UInt8>, file: String) -> Diagnostic? {
    if bytes.count > maximumSize {
      return Diagnostic(
        "the file is \(bytes.count) bytes, more than the \(maximumSize) accepted",
        at: SourceLocation(file: file), hint: "is this the right file?")
    }
    if let anchor = firstAnchorOrAlias(in: bytes, file: file) { return anchor }
    if bytes.contains(0) {
      return Diagnostic("the file contains a NUL character", at: SourceLocation(file: file))
    }
    // Bracket depth is counted without regard to quotes: a false alarm needs more than
    // `maximumDepth` unclosed brackets inside quoted text, which no real file has.
    var line = 1
    var lineStart = 0
    var depth = 0
    var indentation = 0
    var atLineStart = true
    for index in 0..<bytes.count {
      let byte = bytes[index]
      if byte == 0x0A {
        line += 1
        lineStart = index + 1
        indentation = 0
        atLineStart = true
        continue
      }
      if atLineStart && (byte == 0x20 || byte == 0x2D) {
        indentation += 1
        if indentation > maximumDepth * 8 {
          return Diagnostic(
            "the file is nested deeper than \(maximumDepth) levels (indentation over \(maximumDepth * 8) columns)",
            at: SourceLocation(file: file, line: line, column: column(bytes, from: lineStart, to: index)))
        }
        continue
      }
      atLineStart = false
      if byte == 0x5B || byte == 0x7B {
        depth += 1
        if depth > maximumDepth {
          return Diagnostic(
            "the file is nested deeper than \(maximumDepth) levels",
            at: SourceLocation(file: file, line: line, column: column(bytes, from: lineStart, to: index)))
        }
      } else if byte == 0x5D || byte == 0x7D {
        depth = max(0, depth - 1)
      }
    }
    return nil
  }

  /// 1-based column (in Unicode scalars, as libyaml counts) of the byte at `index` of a line.
  static func column(_ bytes: UnsafeBufferPointer<UInt8>, from lineStart: Int, to index: Int) -> Int {
    var scalars = 1
    for position in lineStart..<index where bytes[position] & 0xC0 != 0x80 { scalars += 1 }
    return scalars
  }

  /// Finds `&name` / `*name` where a YAML value starts (a plain value cannot start with `&` or
  /// `*`, so there they are always anchors or aliases). Aliases are refused because they let a
  /// tiny file expand into an enormous tree ("billion laughs"); catalogs never need them.
  /// (Yams keeps anchors only weakly on its nodes, so this is checked on the text.)
  static func firstAnchorOrAlias(in bytes: UnsafeBufferPointer<UInt8>, file: String) -> Diagnostic? {
    let space: UInt8 = 0x20, quote: UInt8 = 0x22, apostrophe: UInt8 = 0x27, hash: UInt8 = 0x23
    let openers: [UInt8] = [0x5B, 0x7B, 0x2C]  // [ { ,
    let afterSpace: [UInt8] = [0x3A, 0x2D, 0x2C, 0x5B, 0x7B, 0x3F, 0x20]  // : - , [ { ? space
    var lineNumber = 1
    var lineStart = 0
    var index = 0
    while index <= bytes.count {
      guard index == bytes.count || bytes[index] == 0x0A else {
        index += 1
        continue
      }
      // One line: bytes[lineStart..<index].
      var inSingle = false
      var inDouble = false
      var previous = space
      var beforePrevious = space
      var leadingSpacesOnly = true
      var position = lineStart
      while position < index {
        let byte = bytes[position]
        let offset = position - lineStart
        if byte == hash && !inSingle && !inDouble && (offset == 0 || previous == space) { break }
        if byte == quote && !inSingle && previous != 0x5C { inDouble.toggle() }
        if byte == apostrophe && !inDouble && (inSingle || previous == space || openers.contains(previous)) { inSingle.toggle() }
        if !inSingle && !inDouble && (byte == 0x26 || byte == 0x2A), position + 1 < index {
          let next = bytes[position + 1]
          let startsValue =
            offset == 0 || openers.contains(previous)
            || (previous == space && (offset == 1 || afterSpace.contains(beforePrevious)))
          let nameStart = (0x41...0x5A).contains(next) || (0x61...0x7A).contains(next) || (0x30...0x39).contains(next)
            || next == 0x5F || next >= 0x80
          if (startsValue || leadingSpacesOnly) && nameStart {
            return Diagnostic(
              "YAML anchors and aliases (&name, *name) are not accepted",
              at: SourceLocation(file: file, line: lineNumber, column: column(bytes, from: lineStart, to: position)),
              hint: "write the value out in full; aliases can make a small file expand enormously")
          }
        }
        if byte != space { leadingSpacesOnly = false }
        beforePrevious = previous
        previous = byte
        position += 1
      }
      lineNumber += 1
      index += 1
      lineStart = index
    }
    return nil
  }

  static func firstInvalidUTF8Offset(_ data: some Collection<UInt8>) -> Int {
    var iterator = data.makeIterator()
    var decoder = UTF8()
    var offset = 0
    var consumed = 0
    while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar):
        consumed += String(scalar).utf8.count
        offset = consumed
      case .emptyInput:
        return offset
      case .error:
        return offset
      }
    }
  }

  static func diagnostic(for error: YamlError, file: String) -> Diagnostic {
    func location(_ mark: Mark) -> SourceLocation {
      SourceLocation(file: file, line: mark.line, column: mark.column)
    }
    func describe(_ context: YamlError.Context?, _ problem: String) -> String {
      // libyaml's context says what it was reading, the problem what it found.
      guard let context, !context.text.isEmpty else { return "invalid YAML: \(problem)" }
      return "invalid YAML: \(context.text), \(problem)"
    }
    func hint(_ problem: String) -> String {
      if ["end of stream", "quoted scalar", "expected key", "expected ','"].contains(where: problem.contains) {
        return "a quote or bracket opened above may be unclosed (the parser reports where it noticed, not where it opened), or a line is indented wrongly"
      }
      return "check indentation (spaces only, no tabs), colons after keys, and quotes around text containing ': ' or '#'"
    }
    switch error {
    case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      return Diagnostic(describe(context, problem), at: location(mark), hint: hint(problem))
    case .duplicatedKeysInMapping(let duplicates, let context):
      return Diagnostic(
        "duplicate key " + duplicates.map { "`\($0)`" }.joined(separator: ", "),
        at: location(context.mark), hint: "each key may appear once in a mapping: remove or merge the repeated one")
    case .reader(let problem, let offset, _, _):
      return Diagnostic("unreadable text: \(problem)\(offset.map { " at byte \($0)" } ?? "")", at: SourceLocation(file: file))
    default:
      return Diagnostic("could not parse YAML: \(error)", at: SourceLocation(file: file))
    }
  }
}
