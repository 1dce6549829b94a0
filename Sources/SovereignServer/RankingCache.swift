import Foundation
import NIOCore
import Sovereign

/// Rendered rankings kept for identical requests. A ranking is a pure function of the catalog
/// served, the requirements document's bytes, the day and the options, so an identical request
/// to the same catalog gets the same bytes without ranking again; a reload starts a new cache
/// (it belongs to the ``ServedCatalog``). Bounded by total size, emptied whole when full.
final class RankingCache: @unchecked Sendable {
  struct Key: Hashable {
    var body: [UInt8]
    var day: CalendarDate
    var method: String?
    var maximumAge: Int
    var misses: Int?
  }

  private let lock = NSLock()
  private var entries: [Key: ByteBuffer] = [:]
  private var bytes = 0
  /// Largest total size of the kept answers (a ranking of the bundled catalog is about 1.5 MB).
  let capacityBytes: Int

  init(capacityBytes: Int = 64 << 20) { self.capacityBytes = capacityBytes }

  func answer(for key: Key) -> ByteBuffer? { lock.withLock { entries[key] } }

  func keep(_ answer: ByteBuffer, for key: Key) {
    lock.withLock {
      if bytes + answer.readableBytes > capacityBytes {
        entries.removeAll()
        bytes = 0
      }
      guard answer.readableBytes <= capacityBytes, entries[key] == nil else { return }
      entries[key] = answer
      bytes += answer.readableBytes
    }
  }
}
