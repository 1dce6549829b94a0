import SovereignCatalog

/// An assessment as `sovereign csf` prints it: the subject, the calculator's result with its
/// intervals, and, when the provider published one, its self-assessment with the SEAL/4 proxy.
/// Encodes to the command's JSON (documented in docs/csf.md).
public struct CSFReport: Sendable, Encodable {
  /// What was assessed.
  public struct Subject: Sendable, Encodable {
    public var offering: String?
    public var offeringName: String?
    public var provider: String?
    public var answersFile: String?

    public init(offering: String? = nil, offeringName: String? = nil, provider: String? = nil, answersFile: String? = nil) {
      self.offering = offering
      self.offeringName = offeringName
      self.provider = provider
      self.answersFile = answersFile
    }

    enum CodingKeys: String, CodingKey {
      case offering
      case offeringName = "offering_name"
      case provider
      case answersFile = "answers_file"
    }
  }

  public var subject: Subject
  public var asOf: CalendarDate
  public var result: CSFResult
  public var selfAssessment: CSFSelfAssessment?
  public var framework: CSFFramework

  public init(subject: Subject, asOf: CalendarDate, result: CSFResult, selfAssessment: CSFSelfAssessment?, framework: CSFFramework) {
    self.subject = subject
    self.asOf = asOf
    self.result = result
    self.selfAssessment = selfAssessment
    self.framework = framework
  }

  enum CodingKeys: String, CodingKey {
    case subject, profile, divisor, score, seal, objectives, decided, criteria
    case asOf = "as_of"
    case selfAssessment = "self_assessment"
    case source
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(subject, forKey: .subject)
    try c.encode(asOf, forKey: .asOf)
    try c.encode(ProfileJSON(result.profile), forKey: .profile)
    try c.encode(result.divisor, forKey: .divisor)
    try c.encode(IntervalJSON(low: result.score.low, high: result.score.high), forKey: .score)
    try c.encode(SealJSON(low: result.seal.low, high: result.seal.high), forKey: .seal)
    try c.encode(result.objectives.map(ObjectiveJSON.init), forKey: .objectives)
    try c.encode(result.decidedCount, forKey: .decided)
    try c.encode(framework.criteria.count, forKey: .criteria)
    try c.encode(framework.source, forKey: .source)
    if let selfAssessment {
      try c.encode(SelfAssessmentJSON(selfAssessment, result: result, framework: framework), forKey: .selfAssessment)
    }
  }

  struct ProfileJSON: Encodable {
    var id: String
    var name: String
    var weights: [String: Double]
    var source: Source?
    init(_ p: CSFProfile) {
      id = p.id
      name = p.name
      weights = p.weights
      source = p.source
    }
  }

  /// A score or SEAL range: `{low, high}` always, `value` when they are equal.
  struct RangeJSON<Value: Encodable & Equatable>: Encodable {
    var low: Value
    var high: Value
    var value: Value?
    init(low: Value, high: Value) {
      self.low = low
      self.high = high
      value = low == high ? low : nil
    }
  }

  typealias IntervalJSON = RangeJSON<Double>
  typealias SealJSON = RangeJSON<Int>

  struct ObjectiveJSON: Encodable {
    var id: String
    var name: String
    var weight: Double
    var divisor: Double
    var points: IntervalJSON
    var contribution: IntervalJSON
    var seal: SealJSON
    var criteria: [CriterionJSON]
    init(_ o: CSFResult.ObjectiveResult) {
      id = o.objective.id
      name = o.objective.name
      weight = o.weight
      divisor = o.divisorValue
      points = IntervalJSON(low: o.points.low, high: o.points.high)
      contribution = IntervalJSON(low: o.contribution.low, high: o.contribution.high)
      seal = SealJSON(low: o.seal.low, high: o.seal.high)
      criteria = o.criteria.map(CriterionJSON.init)
    }
  }

  struct CriterionJSON: Encodable {
    var id: String
    var title: String
    var possible: [Int]
    var answer: String?
    var points: IntervalJSON
    var seal: SealJSON
    var origin: String
    var rule: String?
    var facts: [String]?
    var grade: EvidenceGrade?
    var location: String?
    var sources: [Source]?
    init(_ r: CSFResult.CriterionResult) {
      id = r.criterion.id
      title = r.criterion.title
      possible = r.choice.possible
      answer = r.choice.decided.map { r.criterion.answers[$0].label }
      points = IntervalJSON(low: r.points.low, high: r.points.high)
      seal = SealJSON(low: r.seal.low, high: r.seal.high)
      switch r.choice.origin {
      case .answersFile(let where_):
        origin = "answers-file"
        location = where_.description
      case .derived(let rule, let facts, let sources, let grade):
        origin = "derived"
        self.rule = rule
        self.facts = facts
        self.sources = sources
        self.grade = grade
      case .selfAssessment(let source):
        origin = "self-assessment"
        sources = [source]
        grade = source.grade
      case .unknown:
        origin = "unknown"
      }
    }
  }

  struct SelfAssessmentJSON: Encodable {
    var method = "SEAL/4 proxy: Σ weight × SEAL/4 (not the calculator's method)"
    var seals: [String: Int]
    var proxyScore: Double?
    var overallSeal: Int?
    var source: Source
    var notes: String?
    init(_ a: CSFSelfAssessment, result: CSFResult, framework: CSFFramework) {
      seals = a.seals
      proxyScore = a.proxyScore(profile: result.profile, framework: framework)
      overallSeal = a.overallSeal
      source = a.source
      notes = a.notes
    }
    enum CodingKeys: String, CodingKey {
      case method, seals, source, notes
      case proxyScore = "proxy_score"
      case overallSeal = "overall_seal"
    }
  }
}
