import Foundation

/// Runs a request's work with a time limit: the answer is a `time-limit` problem (503) when the
/// work has not finished in time. The work itself (pure computation on a bounded input) cannot be
/// interrupted; it finishes in the background and its result is dropped.
enum TimeLimit {
  static func run<T: Sendable>(_ limit: Duration, _ work: @escaping @Sendable () throws -> T) async throws -> T {
    let gate = OnceGate()
    return try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
      let timer = Task {
        try await Task.sleep(for: limit)
        if gate.claim() {
          continuation.resume(throwing: Problem(.timeLimit, detail: "the work took longer than \(limit.formatted()) and was abandoned"))
        }
      }
      Task {
        let result = Result { try work() }
        timer.cancel()
        if gate.claim() { continuation.resume(with: result) }
      }
    }
  }
}

/// True for the first caller only: a continuation is resumed exactly once.
final class OnceGate: @unchecked Sendable {
  private let lock = NSLock()
  private var claimed = false

  func claim() -> Bool {
    lock.withLock {
      defer { claimed = true }
      return !claimed
    }
  }
}

extension Duration {
  /// E.g. `10 s`, `250 ms`.
  func formatted() -> String {
    let (seconds, attoseconds) = components
    if attoseconds == 0 { return "\(seconds) s" }
    return "\(seconds * 1000 + attoseconds / 1_000_000_000_000_000) ms"
  }
}
