/// A small, forgiving HTML reader for list pages: it yields the tables (rows of cell texts) and
/// the text blocks outside tables (headings and paragraphs), with entities decoded.
///
/// It works on UTF-8 bytes (tags are ASCII), never recurses, and tolerates any malformed input:
/// unclosed tags, stray `<`, nested tables (flattened into the enclosing cell). Script and style
/// contents are skipped. It is not a full HTML5 parser, and does not need to be: the parsers
/// read labels and cells, not layout.
public struct HTMLScanner: Sendable {
  /// A table: rows of cells; `isHeader` marks `<th>` cells.
  public struct Table: Sendable, Hashable {
    public var rows: [[Cell]] = []
    /// The last heading seen before the table (e.g. the letter of a directory section).
    public var heading: String?
    /// The level (1-6) of ``heading``.
    public var headingLevel: Int?
  }

  public struct Cell: Sendable, Hashable {
    /// The cell's text, `<sup>` contents included ("Non<sup>1</sup>" gives "Non1").
    public var text: String
    public var isHeader: Bool
    /// The text without `<sup>` contents (footnote markers): "Non".
    public var plainText: String
    /// The `<sup>` contents, in order: ["1"].
    public var markers: [String]

    public init(text: String, isHeader: Bool, plainText: String? = nil, markers: [String] = []) {
      self.text = text
      self.isHeader = isHeader
      self.plainText = plainText ?? text
      self.markers = markers
    }
  }

  /// A block of text outside tables.
  public struct Block: Sendable, Hashable {
    /// 1-6 for `<h1>`-`<h6>`, nil for other blocks.
    public var headingLevel: Int?
    public var text: String
    /// The text without `<sup>` contents.
    public var plainText: String = ""
    /// The `<sup>` contents, in order (a footnote's own marker comes first).
    public var markers: [String] = []
    /// How many tables ended before this block (it follows `tables[tablesBefore - 1]`).
    public var tablesBefore: Int = 0
  }

  public private(set) var tables: [Table] = []
  public private(set) var blocks: [Block] = []

  /// Scans `text`.
  public init(_ text: String) {
    var builder = Builder()
    builder.run(Array(text.utf8))
    tables = builder.tables
    blocks = builder.blocks
  }

  private struct Builder {
    var tables: [Table] = []
    var blocks: [Block] = []
    var tableDepth = 0
    var current = Table()
    var row: [Cell]? = nil
    var cell: (text: [UInt8], plain: [UInt8], header: Bool, markers: [String])? = nil
    var block: [UInt8] = []
    var blockPlain: [UInt8] = []
    var blockMarkers: [String] = []
    var blockHeading: Int? = nil
    var lastHeading: String? = nil
    var lastHeadingLevel: Int? = nil
    /// Depth of open `<sup>` elements, and the text of the outermost one.
    var supDepth = 0
    var marker: [UInt8] = []

    static let blockTags: Set<String> = ["p", "div", "li", "ul", "ol", "dl", "dt", "dd", "section", "article", "br", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "header", "footer", "nav", "span"]

    mutating func run(_ bytes: [UInt8]) {
      var index = 0
      let count = bytes.count
      while index < count {
        let byte = bytes[index]
        if byte == UInt8(ascii: "<"), index + 1 < count {
          let next = bytes[index + 1]
          if next == UInt8(ascii: "!") {
            // Comment, doctype or CDATA: skip to the matching end.
            if index + 3 < count && bytes[index + 2] == UInt8(ascii: "-") && bytes[index + 3] == UInt8(ascii: "-") {
              index = Self.find(bytes, "-->", from: index + 4).map { $0 + 3 } ?? count
            } else {
              index = Self.find(bytes, ">", from: index + 2).map { $0 + 1 } ?? count
            }
            continue
          }
          if Self.isLetter(next) || next == UInt8(ascii: "/") {
            let (name, closing, end) = Self.readTag(bytes, from: index)
            index = end
            handle(tag: name, closing: closing)
            if !closing && (name == "script" || name == "style") {
              index = Self.findCaseInsensitive(bytes, "</" + name, from: index) ?? count
            }
            continue
          }
        }
        text(byte)
        index += 1
      }
      flushBlock()
      while tableDepth > 0 { endTable() }
    }

    mutating func text(_ byte: UInt8) {
      if cell != nil {
        cell!.text.append(byte)
        if supDepth == 0 { cell!.plain.append(byte) }
      } else if tableDepth == 0 {
        block.append(byte)
        if supDepth == 0 { blockPlain.append(byte) }
      }
      if supDepth > 0 { marker.append(byte) }
    }

    mutating func separator() {
      if cell != nil {
        cell!.text.append(UInt8(ascii: " "))
        cell!.plain.append(UInt8(ascii: " "))
      } else if tableDepth == 0 {
        block.append(UInt8(ascii: "\n"))
        blockPlain.append(UInt8(ascii: "\n"))
      }
    }

    /// Ends an open `<sup>`: its text becomes a marker of the current cell or block.
    mutating func endMarker() {
      guard supDepth > 0 else { return }
      supDepth = 0
      let text = HTMLText.clean(marker)
      marker = []
      guard !text.isEmpty else { return }
      if cell != nil { cell!.markers.append(text) } else if tableDepth == 0 { blockMarkers.append(text) }
    }

    mutating func handle(tag name: String, closing: Bool) {
      switch name {
      case "table":
        if closing {
          if tableDepth == 1 { endTable() } else if tableDepth > 1 { tableDepth -= 1 }
        } else {
          if tableDepth == 0 {
            flushBlock()
            current = Table(rows: [], heading: lastHeading, headingLevel: lastHeadingLevel)
          } else {
            separator()
          }
          tableDepth += 1
        }
      case "tr" where tableDepth == 1:
        endCell()
        if let row { if !row.isEmpty { current.rows.append(row) } }
        row = closing ? nil : []
      case "td", "th":
        guard tableDepth == 1 else { separator(); return }
        endCell()
        if !closing {
          if row == nil { row = [] }
          cell = ([], [], name == "th", [])
        }
      case "sup":
        if closing {
          if supDepth == 1 { endMarker() } else if supDepth > 1 { supDepth -= 1 }
        } else {
          if supDepth == 0 { marker = [] }
          supDepth += 1
        }
      case "h1", "h2", "h3", "h4", "h5", "h6":
        if tableDepth > 0 { separator(); return }
        flushBlock()
        blockHeading = closing ? nil : Int(String(name.dropFirst()))
      default:
        if Self.blockTags.contains(name) {
          if tableDepth == 0 { if name != "span" { flushBlock() } } else { separator() }
        }
      }
    }

    mutating func endCell() {
      endMarker()
      guard let open = cell else { return }
      row?.append(Cell(text: HTMLText.clean(open.text), isHeader: open.header, plainText: HTMLText.clean(open.plain), markers: open.markers))
      cell = nil
    }

    mutating func endTable() {
      endCell()
      if let row, !row.isEmpty { current.rows.append(row) }
      row = nil
      if !current.rows.isEmpty { tables.append(current) }
      current = Table()
      tableDepth = 0
    }

    mutating func flushBlock() {
      if cell == nil && tableDepth == 0 { endMarker() }
      let text = HTMLText.clean(block)
      if !text.isEmpty {
        blocks.append(
          Block(headingLevel: blockHeading, text: text, plainText: HTMLText.clean(blockPlain), markers: blockMarkers, tablesBefore: tables.count))
        if blockHeading != nil {
          lastHeading = text
          lastHeadingLevel = blockHeading
        }
      }
      block = []
      blockPlain = []
      blockMarkers = []
    }

    static func isLetter(_ byte: UInt8) -> Bool {
      (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
    }

    /// Reads `<name ...>` or `</name>`; returns the lower-cased name and the index after `>`.
    static func readTag(_ bytes: [UInt8], from start: Int) -> (String, Bool, Int) {
      var index = start + 1
      var closing = false
      if index < bytes.count && bytes[index] == UInt8(ascii: "/") {
        closing = true
        index += 1
      }
      var name: [UInt8] = []
      while index < bytes.count, isLetter(bytes[index]) || (bytes[index] >= 48 && bytes[index] <= 57) {
        name.append(bytes[index] | 0x20)
        index += 1
      }
      var quote: UInt8? = nil
      while index < bytes.count {
        let byte = bytes[index]
        index += 1
        if let open = quote {
          if byte == open { quote = nil }
        } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
          quote = byte
        } else if byte == UInt8(ascii: ">") {
          break
        }
      }
      return (String(decoding: name, as: UTF8.self), closing, index)
    }

    static func find(_ bytes: [UInt8], _ needle: String, from start: Int) -> Int? {
      let pattern = Array(needle.utf8)
      guard !pattern.isEmpty, start <= bytes.count - pattern.count else { return nil }
      var index = start
      while index <= bytes.count - pattern.count {
        if bytes[index] == pattern[0] && Array(bytes[index..<index + pattern.count]) == pattern { return index }
        index += 1
      }
      return nil
    }

    static func findCaseInsensitive(_ bytes: [UInt8], _ needle: String, from start: Int) -> Int? {
      let pattern = Array(needle.lowercased().utf8)
      guard !pattern.isEmpty, start <= bytes.count - pattern.count else { return nil }
      var index = start
      outer: while index <= bytes.count - pattern.count {
        for offset in 0..<pattern.count where (bytes[index + offset] | (isLetter(bytes[index + offset]) ? 0x20 : 0)) != pattern[offset] {
          index += 1
          continue outer
        }
        return index
      }
      return nil
    }
  }
}
