import Synchronization

/// Results of a pure function, computed once per key and shared across threads (`EngineExposure`
/// runs on every core): an engine asks again for the same entities' findings (a provider's
/// contracting entity and its parents appear in each of its offerings, a holder in each chain
/// above it). Two threads may compute the same value once each, with the same result; the
/// lock is held only to read or store.
final class SharedMemo<Key: Hashable & Sendable, Value: Sendable>: Sendable {
  private let table = Mutex<[Key: Value]>([:])

  init() {}

  /// The value for `key`, made by `make` the first time.
  func value(for key: Key, _ make: () -> Value) -> Value {
    if let known = table.withLock({ $0[key] }) { return known }
    let fresh = make()
    table.withLock { $0[key] = fresh }
    return fresh
  }
}
