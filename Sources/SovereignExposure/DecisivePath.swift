import SovereignCatalogCore

/// One step of the path of facts that decides a verdict, e.g. `100% Microsoft Corporation (US)`.
public struct PathStep: Sendable, Hashable, Codable {
  /// The entity of this step, when the step is an entity.
  public var entityID: String?
  /// The step as printed: the entity name, preceded by the link that leads to it
  /// (`100%`, `veto right`, ...) and followed by its country, or a fact such as `access from US`.
  public var label: String
  /// The country that matters at this step, if any.
  public var country: String?

  public init(entityID: String? = nil, label: String, country: String? = nil) {
    self.entityID = entityID
    self.label = label
    self.country = country
  }

  enum CodingKeys: String, CodingKey {
    case entityID = "entity"
    case label, country
  }
}

/// The chain of facts from an entity of the offering to a law, e.g.
/// `Microsoft Ireland Operations Ltd -> 100% Microsoft Corporation (US) -> us-cloud-act`.
public struct DecisivePath: Sendable, Hashable, Codable, CustomStringConvertible {
  public var steps: [PathStep]
  /// The law at the end of the path (its id).
  public var law: String

  public init(steps: [PathStep], law: String) {
    self.steps = steps
    self.law = law
  }

  /// The path as one line, steps joined by ` -> `.
  public var description: String {
    (steps.map(\.label) + [law]).joined(separator: " -> ")
  }

  enum CodingKeys: String, CodingKey {
    case steps, law, rendered
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    steps = try container.decode([PathStep].self, forKey: .steps)
    law = try container.decode(String.self, forKey: .law)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(steps, forKey: .steps)
    try container.encode(law, forKey: .law)
    try container.encode(description, forKey: .rendered)
  }
}
