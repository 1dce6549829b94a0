/// Colour for verdict words on a terminal: green for `pass` and `not-exposed`, red for `fail`,
/// `failed` and `exposed`, yellow for `unknown`. Never when `NO_COLOR` is set (https://no-color.org),
/// when `TERM` is `dumb`, or when the output is not a terminal (a pipe, a file).
public enum VerdictColour {
  /// Whether to colour: only on a terminal, and not when `NO_COLOR` is set to anything non-empty
  /// or `TERM=dumb`.
  public static func enabled(environment: [String: String], isTerminal: Bool) -> Bool {
    guard isTerminal else { return false }
    if let value = environment["NO_COLOR"], !value.isEmpty { return false }
    if environment["TERM"] == "dumb" { return false }
    return true
  }

  static let green = "\u{1B}[32m"
  static let red = "\u{1B}[31m"
  static let yellow = "\u{1B}[33m"
  static let reset = "\u{1B}[0m"

  /// `text` with each whole verdict word wrapped in its colour (ANSI SGR codes).
  public static func paint(_ text: String) -> String {
    text.replacing(/\b(not-exposed|exposed|pass|passes|fail|failed|unknown)\b/) { match in
      let word = String(match.output.1)
      let colour =
        switch word {
        case "not-exposed", "pass", "passes": green
        case "unknown": yellow
        default: red
        }
      return colour + word + reset
    }
  }
}
