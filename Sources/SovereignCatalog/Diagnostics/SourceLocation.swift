/// A place in an input file, for messages of the form `file:line:column`.
public struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
  /// The file path as the user gave it (or a catalog-relative path for the bundled catalog).
  public var file: String
  /// Line number, starting from 1; 0 when unknown.
  public var line: Int
  /// Column number, starting from 1; 0 when unknown.
  public var column: Int

  public init(file: String, line: Int = 0, column: Int = 0) {
    self.file = file
    self.line = line
    self.column = column
  }

  /// `file:line:column`, or `file` alone when the position is unknown.
  public var description: String {
    line > 0 ? "\(file):\(line):\(column)" : file
  }
}
