import Foundation
import Sovereign

/// Writing to the terminal: results to standard output, problems to standard error.
enum Terminal {
  /// Prints a problem on standard error, prefixed with `error: ` unless it already names a place.
  static func error(_ message: String) {
    let text = message.contains(": error: ") ? message : "error: " + message
    FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
  }

  /// Prints a warning on standard error.
  static func warning(_ message: String) {
    FileHandle.standardError.write(Data(("warning: " + message + "\n").utf8))
  }

  /// Prints a one-line note on standard error (e.g. what `--output` wrote where).
  static func note(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
  }

  /// Writes text to standard output as is.
  static func write(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
  }

  /// Writes report text to standard output, its verdict words coloured when ``colours`` allows.
  static func writeReport(_ text: String) {
    write(colours ? VerdictColour.paint(text) : text)
  }

  /// True when standard output is a terminal (not a pipe or a file).
  static var isInteractive: Bool { isatty(STDOUT_FILENO) != 0 }

  /// True when standard input is a terminal (questions can be asked).
  static var inputIsInteractive: Bool { isatty(STDIN_FILENO) != 0 }

  /// Whether verdicts are coloured: on a terminal, without `NO_COLOR` (see ``VerdictColour``).
  static var colours: Bool {
    VerdictColour.enabled(environment: ProcessInfo.processInfo.environment, isTerminal: isInteractive)
  }

  /// The width to lay tables out for: `COLUMNS`, else the terminal's, else 100 (``TerminalWidth``).
  static var width: Int {
    TerminalWidth.columns(environment: ProcessInfo.processInfo.environment, terminalColumns: terminalColumns)
  }

  /// The columns of the terminal standard output is, or nil.
  static var terminalColumns: Int? {
    guard isInteractive else { return nil }
    var size = winsize()
    guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
    return Int(size.ws_col)
  }
}
