#if canImport(Glibc)
  import Glibc
#endif

/// How the C allocator grows its heaps, set once when a command starts.
///
/// glibc gives each thread that allocates its own heap (an "arena") and grows it in steps of the
/// request plus `M_TOP_PAD` (128 KiB by default), each step an `mprotect` call, and gives the top
/// back as soon as it is free. A `sovereign rank` on the bundled catalog (two threads building
/// explanations) made about 1,000 such calls, each a system call that, with several threads, also
/// makes the other cores flush their address translations. Growing by 16 MiB at a time makes
/// them about 15 (`strace -f -c`). Pages are still given to the process only when first written,
/// so the resident memory does not grow. A heap then keeps up to 16 MiB of free space instead of
/// giving it back at once, which suits a command that runs once; `sovereign serve` does not set it.
public enum HeapGrowth {
  /// Bytes added to each heap growth (and kept when trimming).
  public static let topPad: Int32 = 16 << 20

  /// Sets the allocator's growth step; call before starting threads. Returns whether the C
  /// library took it: false where it has no `mallopt` (not glibc).
  @discardableResult
  public static func configure() -> Bool {
    #if canImport(Glibc)
      // `mallopt` is declared in <malloc.h>, which the Glibc module does not import: looked up by
      // name instead of adding a C target for one call.
      guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return false }
      let mallopt = unsafeBitCast(symbol, to: (@convention(c) (Int32, Int32) -> Int32).self)
      return mallopt(topPadOption, topPad) == 1
    #else
      return false
    #endif
  }

  /// `M_TOP_PAD` in <malloc.h>.
  static let topPadOption: Int32 = -2
}
