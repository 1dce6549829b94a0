import Foundation

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

  /// Writes text to standard output as is.
  static func write(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
  }

  /// True when standard output is a terminal (not a pipe or a file).
  static var isInteractive: Bool { isatty(STDOUT_FILENO) != 0 }
}
