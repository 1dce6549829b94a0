import Foundation

/// Ends a one-shot command as soon as its output is written.
///
/// A command that returns normally frees everything it built before the process exits: for
/// `rank`, the ranking with its explanations and every offering's exposure assessment, thousands
/// of objects, 3-4 ms of a 40-50 ms run (measured with `perf` probes between the CSV written and
/// `exit`). The kernel takes the whole heap back at exit anyway, so the command exits at once
/// and keeps `values` alive until then (Swift may otherwise free them after their last use).
/// Standard output and error are written with unbuffered `write` calls (``Terminal``), so
/// nothing is left unwritten.
enum ProcessEnd {
  /// Exits with `status`, keeping `values` alive until the end.
  static func exit(_ status: Int32, keeping values: Any...) -> Never {
    withExtendedLifetime(values) { Foundation.exit(status) }
  }
}
