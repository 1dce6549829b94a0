/// SplitMix64 (Steele, Lea, Flood 2014) evaluated at a position, so that Swift and numpy
/// (Benchmarks/python/synthetic.py) generate the same synthetic matrices from a seed.
enum SplitMix64 {
  /// The `index`-th output of the stream started at `seed`, as a double in [0, 1).
  static func unit(seed: UInt64, index: UInt64) -> Double {
    var z = seed &+ (index &+ 1) &* 0x9E37_79B9_7F4A_7C15
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    z ^= z >> 31
    return Double(z >> 11) * 0x1.0p-53
  }
}
