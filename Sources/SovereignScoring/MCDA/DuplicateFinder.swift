/// Finds the first repeated alternative id, for ``DecisionMatrix``'s uniqueness check.
///
/// A `Set<String>` hashes every id with the seeded SipHash of its normalised form: for a million
/// ids that is most of the matrix check. When every id is ASCII (where Unicode equality is byte
/// equality, so the answer is the same), an open-addressing table of indices keyed by FNV-1a of
/// the bytes does the same job several times faster; other ids go through the `Set`.
enum DuplicateFinder {
  /// The first id (in order) equal to an earlier one, or nil.
  static func firstDuplicate(in ids: [String]) -> String? {
    guard ids.count >= 4096, let hashes = asciiHashes(ids) else {
      var seen = Set<String>(minimumCapacity: ids.count)
      for id in ids where !seen.insert(id).inserted { return id }
      return nil
    }
    var capacity = 1
    while capacity < 2 * ids.count { capacity <<= 1 }
    let mask = capacity - 1
    var table = [Int32](repeating: -1, count: capacity)
    return table.withUnsafeMutableBufferPointer { table -> String? in
      for i in ids.indices {
        let hash = hashes[i]
        var slot = Int(truncatingIfNeeded: hash) & mask
        while table[slot] >= 0 {
          let other = Int(table[slot])
          if hashes[other] == hash, ids[other] == ids[i] { return ids[i] }
          slot = (slot + 1) & mask
        }
        table[slot] = Int32(truncatingIfNeeded: i)
      }
      return nil
    }
  }

  /// FNV-1a of each id's bytes (mixed, so low bits vary), or nil when an id is not ASCII;
  /// computed on every core for many ids (each hash depends on its id alone).
  static func asciiHashes(_ ids: [String]) -> [UInt64]? {
    guard ids.count < Int(Int32.max) else { return nil }
    var hashes = [UInt64](repeating: 0, count: ids.count)
    let blocks = (ids.count + 8191) / 8192
    var ascii = [Bool](repeating: true, count: blocks)
    hashes.withUnsafeMutableBufferPointer { hashes in
      ascii.withUnsafeMutableBufferPointer { ascii in
        let out = (SharedBuffer(base: hashes.baseAddress!), SharedBuffer(base: ascii.baseAddress!))
        ParallelBlocks.run(count: blocks, work: 16 * ids.count) { range in
          for block in range {
            for i in (block * 8192)..<min(ids.count, (block + 1) * 8192) {
              guard let hash = hash(ids[i]) else {
                out.1.base[block] = false
                break
              }
              out.0.base[i] = hash
            }
          }
        }
      }
    }
    return ascii.contains(false) ? nil : hashes
  }

  /// FNV-1a of `id`'s UTF-8 bytes, mixed; nil when `id` is not ASCII.
  private static func hash(_ id: String) -> UInt64? {
    var id = id
    return id.withUTF8 { bytes -> UInt64? in
      var hash: UInt64 = 0xCBF2_9CE4_8422_2325
      var high: UInt8 = 0
      for byte in bytes {
        high |= byte
        hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
      }
      guard high < 0x80 else { return nil }
      hash ^= hash >> 29
      hash = hash &* 0xBF58_476D_1CE4_E5B9
      return hash ^ (hash >> 32)
    }
  }
}
