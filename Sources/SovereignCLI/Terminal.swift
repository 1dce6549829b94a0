import Foundation
import Sovereign

/// Writing to the terminal: results to standard output, problems to standard error.
enum Terminal {
  /// Prints a problem on standard error, prefixed with `error: ` unless it already names a place.
  static func error(_ message: String) {
    let text = message.contains(": error: ") ? message : "error: " + message
    writeAll(text.hasSuffix("\n") ? text : text + "\n", to: STDERR_FILENO)
  }

  /// Prints a warning on standard error.
  static func warning(_ message: String) {
    writeAll("warning: " + message + "\n", to: STDERR_FILENO)
  }

  /// Prints a one-line note on standard error (e.g. what `--output` wrote where).
  static func note(_ message: String) {
    writeAll(message + "\n", to: STDERR_FILENO)
  }

  /// Writes text to standard output as is.
  static func write(_ text: String) {
    writeAll(text, to: STDOUT_FILENO)
  }

  /// Writes `text` to standard error as is (a prompt, a line of progress).
  static func writeError(_ text: String) {
    writeAll(text, to: STDERR_FILENO)
  }

  /// Writes every UTF-8 byte of `text` with write(2), again after an interruption by a signal;
  /// stops at any other error (a closed pipe: what was not written cannot be written). By hand
  /// rather than `FileHandle.write(Data(text.utf8))`: making that `Data` from a string's UTF-8
  /// view has the Swift runtime search all the binary's protocol conformances once per run
  /// (about a quarter of a millisecond of `rank`), and `FileHandle.write` traps on a closed pipe.
  private static func writeAll(_ text: String, to descriptor: Int32) {
    var text = text
    text.withUTF8 { bytes in
      var offset = 0
      while offset < bytes.count {
        let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
        if written > 0 {
          offset += written
        } else if written < 0 && errno == EINTR {
          continue
        } else {
          return
        }
      }
    }
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
