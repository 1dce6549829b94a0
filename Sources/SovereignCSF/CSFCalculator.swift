import SovereignCatalog

/// The Commission's calculator, exactly: per objective the sum of the chosen answers' points and
/// the lowest of their SEALs; the Sovereignty Score Σ weight × points / divisor; the overall SEAL
/// the lowest objective SEAL.
///
/// Unknown answers make intervals: the low end takes the worst possible answer of every open
/// criterion, the high end the best, so `low ≤ score ≤ high` whatever the missing answers are. A
/// SEAL can only fall below the known minimum through an unknown answer.
public enum CSFCalculator {
  /// Evaluates `answers` against `framework` with the weights of `profile`.
  public static func evaluate(
    _ answers: CSFAnswers, framework: CSFFramework, profile: CSFProfile, divisor: CSFDivisor = .nominal
  ) -> CSFResult {
    var objectives: [CSFResult.ObjectiveResult] = []
    for objective in framework.objectives {
      var criteria: [CSFResult.CriterionResult] = []
      for criterion in objective.criteria {
        let choice = answers.choice(for: criterion)
        let possible = choice.possible.map { criterion.answers[$0] }
        criteria.append(
          CSFResult.CriterionResult(
            criterion: criterion, choice: choice,
            points: CSFInterval(possible.map(\.points).min() ?? 0, possible.map(\.points).max() ?? 0),
            seal: CSFSealRange(low: possible.map(\.seal).min() ?? 0, high: possible.map(\.seal).max() ?? 0)))
      }
      let points = criteria.reduce(CSFInterval(0, 0)) { $0 + $1.points }
      let seal = CSFSealRange(
        low: criteria.map(\.seal.low).min() ?? 0, high: criteria.map(\.seal.high).min() ?? 0)
      let maximum = divisor == .nominal ? CSFFramework.Objective.nominalMaximum : objective.actualMaximum
      let weight = profile.weight(of: objective.id)
      let contribution = CSFInterval(weight * points.low / maximum, weight * points.high / maximum)
      objectives.append(
        CSFResult.ObjectiveResult(
          objective: objective, weight: weight, divisorValue: maximum, points: points, seal: seal,
          contribution: contribution, criteria: criteria))
    }
    let score = objectives.reduce(CSFInterval(0, 0)) { $0 + $1.contribution }
    let overall = CSFSealRange(
      low: objectives.map(\.seal.low).min() ?? 0, high: objectives.map(\.seal.high).min() ?? 0)
    return CSFResult(profile: profile, divisor: divisor, score: score, seal: overall, objectives: objectives)
  }
}

/// A closed interval of numbers; `low == high` when nothing is unknown.
public struct CSFInterval: Sendable, Hashable, Codable {
  public var low: Double
  public var high: Double

  public init(_ low: Double, _ high: Double) {
    self.low = low
    self.high = high
  }

  /// The value when the interval is a point.
  public var value: Double? { low == high ? low : nil }

  static func + (a: CSFInterval, b: CSFInterval) -> CSFInterval { CSFInterval(a.low + b.low, a.high + b.high) }
}

/// The SEALs an assessment can still reach: `low` with the worst possible answers, `high` with the best.
public struct CSFSealRange: Sendable, Hashable, Codable {
  public var low: Int
  public var high: Int

  public init(low: Int, high: Int) {
    self.low = low
    self.high = high
  }

  public var value: Int? { low == high ? low : nil }
}

/// The result of one assessment: the score and SEAL intervals overall and per objective, and
/// every criterion's possible answers and their origin.
public struct CSFResult: Sendable, Hashable {
  public struct CriterionResult: Sendable, Hashable {
    public var criterion: CSFFramework.Criterion
    public var choice: CSFChoice
    public var points: CSFInterval
    public var seal: CSFSealRange
  }

  public struct ObjectiveResult: Sendable, Hashable {
    public var objective: CSFFramework.Objective
    /// The profile's weight, in percent.
    public var weight: Double
    /// What its points are divided by (1000, or the real maximum).
    public var divisorValue: Double
    public var points: CSFInterval
    public var seal: CSFSealRange
    /// weight × points / divisor: its share of the Sovereignty Score, in percentage points.
    public var contribution: CSFInterval
    public var criteria: [CriterionResult]
  }

  public var profile: CSFProfile
  public var divisor: CSFDivisor
  /// The Sovereignty Score in percent (the sum of the objectives' contributions).
  public var score: CSFInterval
  public var seal: CSFSealRange
  public var objectives: [ObjectiveResult]

  /// How many criteria are decided (one possible answer).
  public var decidedCount: Int { objectives.reduce(0) { $0 + $1.criteria.filter { $0.choice.decided != nil }.count } }
}
