/// Competition ranks of one scenario, in place and allocation-free:
/// `rank[i] = 1 + #{a present : score[a] > score[i]}` (strict ">": ties share the best rank, as
/// in R `smaa`), 0 for an absent alternative.
enum ScenarioRanking {
  /// Fills `order` with the present alternatives, best first, and `ranks` with their ranks.
  /// Returns the number of present alternatives.
  @inline(__always)
  static func rank(
    scores: UnsafeMutableBufferPointer<Double>, present: UnsafeMutableBufferPointer<Bool>?,
    order: UnsafeMutableBufferPointer<Int32>, ranks: UnsafeMutableBufferPointer<Int32>
  ) -> Int {
    var count = 0
    for i in 0..<scores.count {
      if present?[i] ?? true {
        order[count] = Int32(i)
        count += 1
      } else {
        ranks[i] = 0
      }
    }
    sort(order, count: count, scores: scores)
    var previous = -Double.infinity
    var previousRank: Int32 = 0
    for position in 0..<count {
      let i = Int(order[position])
      let value = scores[i]
      if position > 0 && value == previous {
        ranks[i] = previousRank
      } else {
        previousRank = Int32(position + 1)
        ranks[i] = previousRank
        previous = value
      }
    }
    return count
  }

  /// Sorts `order[0..<count]` by decreasing score (then increasing index): an in-place quicksort
  /// (median of three) finishing with insertion sort, so no buffer is allocated.
  @inline(__always)
  static func sort(_ order: UnsafeMutableBufferPointer<Int32>, count: Int, scores: UnsafeMutableBufferPointer<Double>) {
    @inline(__always) func before(_ a: Int32, _ b: Int32) -> Bool {
      let x = scores[Int(a)]
      let y = scores[Int(b)]
      return x > y || (x == y && a < b)
    }
    // Iterative on the larger part, recursive on the smaller: depth at most log2(count).
    func quicksort(_ lowIn: Int, _ highIn: Int) {
      var low = lowIn
      var high = highIn
      while high - low > 16 {
        let mid = low + (high - low) / 2
        if before(order[mid], order[low]) { order.swapAt(mid, low) }
        if before(order[high], order[low]) { order.swapAt(high, low) }
        if before(order[high], order[mid]) { order.swapAt(high, mid) }
        let pivot = order[mid]
        var a = low
        var b = high
        while a <= b {
          while before(order[a], pivot) { a += 1 }
          while before(pivot, order[b]) { b -= 1 }
          if a <= b {
            order.swapAt(a, b)
            a += 1
            b -= 1
          }
        }
        if b - low < high - a {
          quicksort(low, b)
          low = a
        } else {
          quicksort(a, high)
          high = b
        }
      }
      if high > low {
        for k in (low + 1)...high {
          let value = order[k]
          var p = k - 1
          while p >= low && before(value, order[p]) {
            order[p + 1] = order[p]
            p -= 1
          }
          order[p + 1] = value
        }
      }
    }
    if count > 1 { quicksort(0, count - 1) }
  }
}
