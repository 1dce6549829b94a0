import Dispatch
import Foundation
import SovereignCatalog

/// Splits `0..<count` into contiguous blocks and runs them on every core when the work is large
/// enough to pay for the threads. Each index is handled by exactly one block, with the same
/// arithmetic whatever the thread count, so results are deterministic (bit for bit).
enum ParallelBlocks {
  /// Below this many values (rows × criteria) the work stays on the calling thread.
  static let threshold = 1 << 18

  /// Calls `body(range)` for disjoint ranges covering `0..<count`.
  static func run(count: Int, work: Int, _ body: (Range<Int>) -> Void) {
    let cores = ProcessorCount.active
    guard work >= threshold, cores > 1, count > 1 else {
      body(0..<count)
      return
    }
    let blocks = min(count, cores * 4)
    let size = (count + blocks - 1) / blocks
    withoutActuallyEscaping(body) { body in
      let shared = UncheckedBox(body)
      DispatchQueue.concurrentPerform(iterations: blocks) { block in
        let start = block * size
        guard start < count else { return }
        shared.value(start..<min(count, start + size))
      }
    }
  }
}

/// Hands a value to `concurrentPerform`'s workers, which use it only for disjoint writes.
struct UncheckedBox<Value>: @unchecked Sendable {
  let value: Value
  init(_ value: Value) { self.value = value }
}

/// A mutable buffer that workers write at disjoint indices.
struct SharedBuffer<Element>: @unchecked Sendable {
  let base: UnsafeMutablePointer<Element>
}
