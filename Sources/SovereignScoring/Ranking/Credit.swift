/// The three-valued credit of one fact in a criterion: known bad < unknown < known good.
///
/// A fact known to be bad earns 0, one known to be good 1, and an unknown fact
/// ``Credit/unknownValue`` (0.5), with bounds 0 and 1 (its worst and best possible values). Why
/// 0.5: it is the value that assumes neither answer — an unknown earns less than a known good fact
/// (it never gets the favourable answer) and more than a known bad one (a known exposure never
/// scores like an unknown) — and it sits in the middle of its bounds, so the score bounds
/// (``RankedOffering/bounds``) say how far the missing facts could move the score either way.
public struct Credit: Sendable, Hashable {
  /// The value used for the score.
  public var value: Double
  /// The value if every unknown fact behind it turned out bad.
  public var worst: Double
  /// The value if every unknown fact behind it turned out good.
  public var best: Double
  /// The unknown facts behind the value and what each adds when it turns out good: with some
  /// facts resolved (a robustness scenario) the value is `worst + Σ gain` over the terms whose
  /// facts all hold. Empty when the value is known.
  public var unknowns: [UnknownTerm]

  /// The value an unknown fact takes: 0.5.
  public static let unknownValue = 0.5

  public static let good = Credit(value: 1, worst: 1, best: 1)
  public static let bad = Credit(value: 0, worst: 0, best: 0)
  public static let unknown = Credit(value: unknownValue, worst: 0, best: 1)

  /// An unknown fact, named (e.g. `law:us-cloud-act`) so that a robustness scenario resolves it
  /// the same way wherever it is used.
  public static func unknown(_ fact: String) -> Credit {
    Credit(value: unknownValue, worst: 0, best: 1, unknowns: [UnknownTerm(facts: [fact], gain: 1)])
  }

  /// A known value (e.g. 4 of 6 HDS activities).
  public static func known(_ value: Double) -> Credit { Credit(value: value, worst: value, best: value) }

  /// `unknowns` nil: one unnamed fact worth `best − worst` when the value is not known.
  public init(value: Double, worst: Double, best: Double, unknowns: [UnknownTerm]? = nil) {
    self.value = value
    self.worst = worst
    self.best = best
    self.unknowns = unknowns ?? (worst == best ? [] : [UnknownTerm(facts: [], gain: best - worst)])
  }

  /// True when no unknown fact is behind the value.
  public var isKnown: Bool { worst == best }

  /// The mean of `credits`, value, worst and best each summed in order (0 credits: known 0).
  public static func mean(_ credits: [Credit]) -> Credit {
    guard !credits.isEmpty else { return .known(0) }
    let n = Double(credits.count)
    return Credit(
      value: WeightedSum.sum(credits.map(\.value)) / n, worst: WeightedSum.sum(credits.map(\.worst)) / n,
      best: WeightedSum.sum(credits.map(\.best)) / n,
      unknowns: credits.flatMap { $0.unknowns.map { UnknownTerm(facts: $0.facts, gain: $0.gain / n) } })
  }
}

/// An unknown fact (or a conjunction of facts) behind a ``Credit`` and what the credit gains when
/// every one of them turns out good. Facts are named per offering (`law:<id>`, `secnumcloud_19_6`,
/// `seat`, `headquarters`, `hds`, `secnumcloud`, `capability:<id>`, `open_source_stack`,
/// `portability`, `csf:<criterion>`); an empty list is one fact of its own.
public struct UnknownTerm: Sendable, Hashable {
  public var facts: [String]
  public var gain: Double

  public init(facts: [String], gain: Double) {
    self.facts = facts
    self.gain = gain
  }
}
