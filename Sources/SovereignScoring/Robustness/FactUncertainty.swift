/// Unknown facts behind a decision matrix, for ``SMAA``: in every scenario each fact holds
/// (resolves favourably) independently with probability ``probability``; an alternative is present
/// when every fact of its ``presence`` list holds, and each ``ValueTerm`` adds its gain to one cell
/// of the matrix when its facts all hold. The matrix given to ``SMAA`` holds the values with every
/// unknown fact unfavourable (the worst values).
///
/// A fact shared by the presence of an alternative and one of its terms resolves the same way in
/// both within a scenario (the catalog names facts per offering: see ``CatalogRobustness``).
public struct FactUncertainty: Sendable, Hashable {
  /// Number of distinct facts (indices 0..<facts).
  public var facts: Int
  /// Per alternative: the facts that must hold for it to be present (empty: always present).
  public var presence: [[Int]]
  /// Gains on matrix cells.
  public var terms: [ValueTerm]
  /// Probability that one fact holds.
  public var probability: Double

  public init(facts: Int, presence: [[Int]], terms: [ValueTerm] = [], probability: Double = 0.5) {
    self.facts = facts
    self.presence = presence
    self.terms = terms
    self.probability = probability
  }

  /// `gain` added to `values[alternative][criterion]` when every fact of `facts` holds.
  public struct ValueTerm: Sendable, Hashable {
    public var alternative: Int
    public var criterion: Int
    public var facts: [Int]
    public var gain: Double

    public init(alternative: Int, criterion: Int, facts: [Int], gain: Double) {
      self.alternative = alternative
      self.criterion = criterion
      self.facts = facts
      self.gain = gain
    }
  }

  /// Independent facts per alternative, `counts[i]` of them (the model of ``SMAA/Options/unknownFacts``).
  public static func counts(_ counts: [Int], probability: Double) -> FactUncertainty {
    var next = 0
    let presence = counts.map { count -> [Int] in
      defer { next += count }
      return Array(next..<(next + count))
    }
    return FactUncertainty(facts: next, presence: presence, probability: probability)
  }

  /// Checks the model against an m × n matrix; the problem in words, or nil.
  func problem(alternatives m: Int, criteria n: Int) -> String? {
    guard facts >= 0 else { return "the number of facts must be zero or more" }
    guard presence.count == m else { return "give one presence list per alternative: \(presence.count) for \(m)" }
    let inRange = { (f: Int) in f >= 0 && f < facts }
    guard presence.allSatisfy({ $0.allSatisfy(inRange) }) else { return "a presence list names a fact out of range" }
    for term in terms {
      guard term.alternative >= 0, term.alternative < m, term.criterion >= 0, term.criterion < n else {
        return "a term names a cell out of the matrix"
      }
      guard term.facts.allSatisfy(inRange) else { return "a term names a fact out of range" }
      guard term.gain.isFinite else { return "a term's gain is not finite" }
    }
    return nil
  }
}

/// ``FactUncertainty`` flattened for the inner loop (no nested arrays).
struct CompiledFacts: Sendable {
  let facts: Int
  let p: Double
  /// `nextUnit() < p` as an integer test on the same draw: `u = k·2⁻⁵³ < p` iff `k < ⌈p·2⁵³⌉`.
  let threshold: UInt64
  let presenceStart: [Int]
  let presenceFacts: [Int]
  let termCell: [Int]
  let termGain: [Double]
  let termStart: [Int]
  let termFacts: [Int]

  init(_ model: FactUncertainty, criteria n: Int) {
    facts = model.facts
    p = model.probability
    threshold = model.probability >= 1 ? 1 << 53 : UInt64(max(0, model.probability * 0x1.0p53).rounded(.up))
    var start = [0]
    var flat: [Int] = []
    for list in model.presence {
      flat += list
      start.append(flat.count)
    }
    presenceStart = start
    presenceFacts = flat
    termCell = model.terms.map { $0.alternative * n + $0.criterion }
    termGain = model.terms.map(\.gain)
    var tStart = [0]
    var tFlat: [Int] = []
    for term in model.terms {
      tFlat += term.facts
      tStart.append(tFlat.count)
    }
    termStart = tStart
    termFacts = tFlat
  }

  var changesValues: Bool { !termCell.isEmpty }

  /// Draws every fact (one uniform each, in fact order), then presence and, when terms change
  /// values, the scenario's matrix (`base` plus the gains whose facts hold) into `values`.
  @inline(__always)
  func sample(
    holds: UnsafeMutableBufferPointer<Bool>, present: UnsafeMutableBufferPointer<Bool>,
    base: UnsafeBufferPointer<Double>, values: UnsafeMutableBufferPointer<Double>, _ random: inout Xoshiro256StarStar
  ) {
    for f in 0..<facts { holds[f] = random.next() >> 11 < threshold }
    for i in 0..<present.count {
      var ok = true
      for k in presenceStart[i]..<presenceStart[i + 1] where !holds[presenceFacts[k]] { ok = false }
      present[i] = ok
    }
    guard changesValues else { return }
    for index in 0..<base.count { values[index] = base[index] }
    for t in 0..<termCell.count {
      var ok = true
      for k in termStart[t]..<termStart[t + 1] where !holds[termFacts[k]] { ok = false }
      if ok { values[termCell[t]] += termGain[t] }
    }
  }
}
