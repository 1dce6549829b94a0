import SovereignCatalog

/// The facts a ranking is missing, as questions to send to each provider (`rank --questions`):
/// for the shortlisted offerings (eligible ones whose gates are still unknown on the facts) and
/// the nearest misses, each fact that would decide a gate, grouped by the provider to ask. The
/// facts come from the gates' missing facts (``NearMiss``); nothing is decided here.
public struct QuestionList: Sendable, Hashable, Encodable {
  /// The day the ranking judged the facts.
  public var date: CalendarDate
  /// One entry per provider with something to ask, in the order its first offering appears
  /// (shortlist in rank order, then nearest misses).
  public var providers: [ProviderQuestions]
  /// The what-if values the ranking rested on (`--assume`); absent from JSON when none.
  public var assumptions: [Assumption]

  public init(date: CalendarDate, providers: [ProviderQuestions], assumptions: [Assumption] = []) {
    self.date = date
    self.providers = providers
    self.assumptions = assumptions
  }

  enum CodingKeys: String, CodingKey {
    case date, providers, assumptions
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(date, forKey: .date)
    try c.encode(providers, forKey: .providers)
    if !assumptions.isEmpty { try c.encode(assumptions, forKey: .assumptions) }
  }

  /// How many questions in all.
  public var count: Int { providers.reduce(0) { $0 + $1.questions.count } }
}

/// What to ask one provider.
public struct ProviderQuestions: Sendable, Hashable, Encodable {
  public var providerID: String
  public var providerName: String
  /// Where to reach it (its website, from the catalog).
  public var website: String
  public var questions: [Question]

  enum CodingKeys: String, CodingKey {
    case providerID = "provider_id"
    case providerName = "provider_name"
    case website, questions
  }
}

/// One missing fact, asked as a question.
public struct Question: Sendable, Hashable, Encodable {
  /// The question, in plain words.
  public var question: String
  /// The missing fact as the engine names it (entity or offering id and catalog field).
  public var fact: String
  /// The gates it decides, e.g. `immune_to:us-cloud-act`, `hds`.
  public var decides: [String]
  /// The offerings whose verdict waits on it.
  public var offerings: [String]
  /// `shortlisted` (eligible, the gate still unknown) or `near-miss` (excluded, could pass).
  public var standing: [String]
  /// Where such a fact is usually published (to check the answer against).
  public var usuallyPublishedIn: String

  enum CodingKeys: String, CodingKey {
    case question, fact, decides, offerings, standing
    case usuallyPublishedIn = "usually_published_in"
  }
}
