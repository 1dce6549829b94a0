/// How wide terminal output may be: `COLUMNS` when set to a positive number, else the terminal's
/// own width when standard output is one, else ``fallback``.
public enum TerminalWidth {
  /// The width used when neither `COLUMNS` nor a terminal says (e.g. output piped to a file).
  public static let fallback = 100
  /// Below this, tables cannot be laid out usefully; narrower requests are raised to it.
  public static let minimum = 40

  /// The width to lay text out for. `terminalColumns` is the terminal's width when standard output
  /// is a terminal (nil otherwise, or when it reports 0).
  public static func columns(environment: [String: String], terminalColumns: Int?) -> Int {
    if let text = environment["COLUMNS"]?.filter({ !$0.isWhitespace }), let value = Int(text), value > 0 {
      return max(minimum, value)
    }
    if let terminalColumns, terminalColumns > 0 { return max(minimum, terminalColumns) }
    return fallback
  }
}
