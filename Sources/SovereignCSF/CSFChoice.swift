import SovereignCatalog

/// What is known of the answer to one criterion: the answers still possible (one when decided,
/// all of them when unknown), and where that knowledge comes from.
public struct CSFChoice: Sendable, Hashable {
  /// Where an answer comes from.
  public enum Origin: Sendable, Hashable {
    /// Written in an answers file (`sovereign csf --answers FILE`), at this position.
    case answersFile(SourceLocation)
    /// Derived from catalog facts by a documented rule (docs/csf.md), with the facts used, their
    /// sources and the grade of the weakest of them.
    case derived(rule: String, facts: [String], sources: [Source], grade: EvidenceGrade?)
    /// Published by the provider in its own self-assessment.
    case selfAssessment(Source)
    /// Nothing decides it: every answer is possible.
    case unknown
  }

  public var criterionID: String
  /// Indices (worst = 0) of the answers that remain possible; never empty.
  public var possible: [Int]
  public var origin: Origin

  public init(criterionID: String, possible: [Int], origin: Origin) {
    self.criterionID = criterionID
    self.possible = possible.sorted()
    self.origin = origin
  }

  /// An unknown answer: every index of `criterion` is possible.
  public static func unknown(_ criterion: CSFFramework.Criterion) -> CSFChoice {
    CSFChoice(criterionID: criterion.id, possible: Array(criterion.answers.indices), origin: .unknown)
  }

  /// The one answer, when decided.
  public var decided: Int? { possible.count == 1 ? possible[0] : nil }
}

/// The answers of one assessment, by criterion id. A criterion without a choice is unknown.
public struct CSFAnswers: Sendable, Hashable {
  public var choices: [String: CSFChoice]

  public init(_ choices: [CSFChoice] = []) {
    self.choices = Dictionary(choices.map { ($0.criterionID, $0) }, uniquingKeysWith: { _, last in last })
  }

  /// The choice for a criterion, unknown when none was given.
  public func choice(for criterion: CSFFramework.Criterion) -> CSFChoice {
    choices[criterion.id] ?? .unknown(criterion)
  }
}
