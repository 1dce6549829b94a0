import Dispatch

/// `(0..<count).map(transform)` on several cores, item `k` on worker `k mod workers`:
/// neighbouring items (a provider's offerings, which cost alike) go to different workers.
/// Each result depends on its index alone, so the answer does not depend on the workers.
public enum InterleavedMap {
  /// The workers for `count` items that each cost about the same as assessing one offering: all
  /// cores from 16 items on, below that one (starting threads would cost more than they save).
  public static func workers(forItems count: Int) -> Int { count >= 16 ? ProcessorCount.active : 1 }

  /// The results in index order, computed by `workers` threads (1: on the calling thread).
  public static func map<Result>(_ count: Int, workers: Int, _ transform: (Int) -> Result) -> [Result] {
    let workers = max(1, min(workers, count))
    guard workers > 1 else { return (0..<count).map(transform) }
    let slots = UnsafeMutableBufferPointer<Result?>.allocate(capacity: count)
    slots.initialize(repeating: nil)
    defer {
      _ = slots.deinitialize()
      slots.deallocate()
    }
    let shared = Slots(base: slots.baseAddress!)
    withoutActuallyEscaping(transform) { transform in
      let body = UncheckedTransform(transform)
      DispatchQueue.concurrentPerform(iterations: workers) { worker in
        var k = worker
        while k < count {
          shared.base[k] = body.value(k)
          k += workers
        }
      }
    }
    return slots.map { $0! }
  }

  /// The result slots; each worker writes only its own indices.
  private struct Slots<Element>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Element?>
  }

  /// The transform, called concurrently on distinct indices.
  private struct UncheckedTransform<Element>: @unchecked Sendable {
    let value: (Int) -> Element
    init(_ value: @escaping (Int) -> Element) { self.value = value }
  }
}
