/// One problem found in an input file: where, what, and how to fix it.
public struct Diagnostic: Error, Sendable, Hashable, Codable, CustomStringConvertible {
  /// Where the problem is.
  public var location: SourceLocation
  /// What is wrong, in one plain sentence.
  public var message: String
  /// What to do about it (e.g. "did you mean `capabilities`?"), when there is something to say.
  public var hint: String?

  public init(_ message: String, at location: SourceLocation, hint: String? = nil) {
    self.location = location
    self.message = message
    self.hint = hint
  }

  /// `file:line:column: error: message` followed by an indented hint line when there is one.
  public var description: String {
    var text = "\(location): error: \(message)"
    if let hint { text += "\n    hint: \(hint)" }
    return text
  }
}

/// Several problems found while reading input, reported together.
public struct DiagnosticList: Error, Sendable, CustomStringConvertible {
  /// The problems, in file and line order.
  public var diagnostics: [Diagnostic]

  public init(_ diagnostics: [Diagnostic]) {
    self.diagnostics = diagnostics.sorted {
      ($0.location.file, $0.location.line, $0.location.column)
        < ($1.location.file, $1.location.line, $1.location.column)
    }
  }

  public var description: String {
    diagnostics.map(\.description).joined(separator: "\n")
  }
}
