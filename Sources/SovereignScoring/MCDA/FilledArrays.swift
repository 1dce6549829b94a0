/// Arrays of doubles that one pass writes entirely, allocated without the pass of zeros that
/// `Array(repeating:count:)` makes first: for a million alternatives that pass, and the page
/// faults it takes on the calling thread alone, cost as much as the scoring pass itself, which
/// runs on every core and touches each page first.
enum FilledArrays {
  /// Three arrays of `count` values; `fill` must write every index of each kept array. With
  /// `keeping: 1`, the second and third are empty and `fill` gets pointers it must not write.
  static func three(
    count: Int, keeping: Int = 3,
    _ fill: (UnsafeMutablePointer<Double>, UnsafeMutablePointer<Double>, UnsafeMutablePointer<Double>) -> Void
  ) -> ([Double], [Double], [Double]) {
    guard count > 0 else { return ([], [], []) }
    if keeping == 1 {
      var unused = 0.0
      return (withUnsafeMutablePointer(to: &unused) { unused in one(count: count) { fill($0, unused, unused) } }, [], [])
    }
    var second: [Double] = []
    var third: [Double] = []
    let first = [Double](unsafeUninitializedCapacity: count) { a, aCount in
      second = [Double](unsafeUninitializedCapacity: count) { b, bCount in
        third = [Double](unsafeUninitializedCapacity: count) { c, cCount in
          fill(a.baseAddress!, b.baseAddress!, c.baseAddress!)
          cCount = count
        }
        bCount = count
      }
      aCount = count
    }
    return (first, second, third)
  }

  /// One array of `count` values; `fill` must write every index.
  static func one(count: Int, _ fill: (UnsafeMutablePointer<Double>) -> Void) -> [Double] {
    guard count > 0 else { return [] }
    return [Double](unsafeUninitializedCapacity: count) { a, aCount in
      fill(a.baseAddress!)
      aCount = count
    }
  }
}
