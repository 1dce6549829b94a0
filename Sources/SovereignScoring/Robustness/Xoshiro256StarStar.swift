/// The pseudo-random generator of every robustness analysis: xoshiro256** (Blackman & Vigna 2018,
/// https://prng.di.unimi.it), its 256-bit state filled from a 64-bit seed by SplitMix64 (Steele,
/// Lea & Flood 2014). Pure integer arithmetic: the same seed gives the same stream on every
/// platform and Swift version (the standard library's generators are not used).
///
/// Parallel runs split the work into fixed chunks; chunk `c` uses the stream of the seed after
/// `c` calls of ``jump()`` (2¹²⁸ steps each), so chunks never overlap and the result does not
/// depend on the number of threads.
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable, Hashable {
  private var s0, s1, s2, s3: UInt64

  /// The state after SplitMix64 from `seed`: its first four outputs.
  public init(seed: UInt64) {
    var mixer = SplitMix64(state: seed)
    s0 = mixer.next()
    s1 = mixer.next()
    s2 = mixer.next()
    s3 = mixer.next()
    if s0 | s1 | s2 | s3 == 0 { s0 = 1 }  // the all-zero state is a fixed point (cannot happen from SplitMix64)
  }

  /// A generator with this exact state (not all zero), for checking against published outputs.
  public init(state: (UInt64, UInt64, UInt64, UInt64)) {
    (s0, s1, s2, s3) = state
    if s0 | s1 | s2 | s3 == 0 { s0 = 1 }
  }

  @inline(__always)
  private static func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 &- k)) }

  /// The next 64 random bits.
  @inline(__always)
  public mutating func next() -> UInt64 {
    let result = Self.rotl(s1 &* 5, 7) &* 9
    let t = s1 << 17
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = Self.rotl(s3, 45)
    return result
  }

  /// A double uniform on [0, 1): the top 53 bits of ``next()`` times 2⁻⁵³.
  @inline(__always)
  public mutating func nextUnit() -> Double {
    Double(next() >> 11) * 0x1.0p-53
  }

  /// A double uniform on (0, 1]: `1 − nextUnit()`, safe to take the logarithm of.
  @inline(__always)
  public mutating func nextOpenUnit() -> Double {
    1 - nextUnit()
  }

  /// Advances the state by 2¹²⁸ steps (the published jump polynomial of xoshiro256).
  public mutating func jump() {
    let polynomial: [UInt64] = [0x180e_c6d3_3cfd_0aba, 0xd5a6_1266_f0c9_392c, 0xa958_2618_e03f_c9aa, 0x39ab_dc45_29b1_661c]
    var t0: UInt64 = 0, t1: UInt64 = 0, t2: UInt64 = 0, t3: UInt64 = 0
    for word in polynomial {
      for bit in 0..<64 {
        if word & (1 << UInt64(bit)) != 0 {
          t0 ^= s0
          t1 ^= s1
          t2 ^= s2
          t3 ^= s3
        }
        _ = next()
      }
    }
    (s0, s1, s2, s3) = (t0, t1, t2, t3)
  }

  /// The generator of chunk `index` of a run seeded with `seed`: `index` jumps from the seed's state.
  public static func stream(seed: UInt64, index: Int) -> Xoshiro256StarStar {
    var generator = Xoshiro256StarStar(seed: seed)
    for _ in 0..<index { generator.jump() }
    return generator
  }
}

/// SplitMix64 (Steele, Lea & Flood 2014): used only to expand a 64-bit seed into a xoshiro state.
public struct SplitMix64: Sendable, Hashable {
  public var state: UInt64

  public init(state: UInt64) { self.state = state }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
