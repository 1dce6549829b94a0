import SovereignCatalogCore

/// The ownership of one entity that provides an offering: who ultimately controls it, who holds
/// it directly or indirectly, and the cycles met in the ownership graph.
public struct OwnershipReport: Sendable, Hashable, Codable {
  public var entityID: String
  public var name: String
  /// `contracting entity` or `operator`.
  public var role: String
  /// Controllers that no one else is known to control (the top of each control chain), with the
  /// chain that leads to them. Empty when no controller is known.
  public var ultimateControllers: [Controller]
  /// Every direct or indirect holder, with its share of capital and of voting rights
  /// (products of percentages along each chain, summed over chains; bounds when facts are missing).
  public var holders: [Holding]
  /// Cycles of the ownership graph met above the entity, each as entity ids (first repeated at the end).
  public var cycles: [[String]]

  public init(entityID: String, name: String, role: String, ultimateControllers: [Controller], holders: [Holding], cycles: [[String]]) {
    self.entityID = entityID
    self.name = name
    self.role = role
    self.ultimateControllers = ultimateControllers
    self.holders = holders
    self.cycles = cycles
  }

  /// A controller at the top of a control chain.
  public struct Controller: Sendable, Hashable, Codable {
    public var entityID: String
    public var name: String
    /// Seat country (or headquarters when the seat is unknown), if known.
    public var country: String?
    /// The chain of control from the entity to this controller, step by step.
    public var steps: [PathStep]
    public var sources: [Source]

    /// The chain as one line, e.g. `Foo SAS -> 60% Bar Holding (FR) -> 100% Baz Inc (US)`.
    public var chain: String { steps.map(\.label).joined(separator: " -> ") }

    enum CodingKeys: String, CodingKey {
      case entityID = "entity"
      case name, country, steps, chain, sources
    }

    public init(entityID: String, name: String, country: String?, steps: [PathStep], sources: [Source]) {
      self.entityID = entityID
      self.name = name
      self.country = country
      self.steps = steps
      self.sources = sources
    }

    public init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      entityID = try container.decode(String.self, forKey: .entityID)
      name = try container.decode(String.self, forKey: .name)
      country = try container.decodeIfPresent(String.self, forKey: .country)
      steps = try container.decode([PathStep].self, forKey: .steps)
      sources = try container.decode([Source].self, forKey: .sources)
    }

    public func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(entityID, forKey: .entityID)
      try container.encode(name, forKey: .name)
      try container.encode(country, forKey: .country)
      try container.encode(steps, forKey: .steps)
      try container.encode(chain, forKey: .chain)
      try container.encode(sources, forKey: .sources)
    }
  }

  /// A direct or indirect holder.
  public struct Holding: Sendable, Hashable, Codable {
    public var entityID: String
    public var name: String
    public var kind: LegalEntity.Kind
    /// `eu`, `non-eu` or `unknown` as SecNumCloud 19.6 reads it (non-EU if seat or headquarters is outside the EU).
    public var region: Region
    public var capital: ShareRange
    public var votes: ShareRange

    enum CodingKeys: String, CodingKey {
      case entityID = "entity"
      case name, kind, region, capital, votes
    }
  }

  /// Where an entity stands for SecNumCloud 19.6.
  public enum Region: String, Sendable, Hashable, Codable {
    /// Seat and headquarters both known to be in EU member states.
    case eu
    /// Seat or headquarters known to be outside the EU.
    case nonEU = "non-eu"
    /// Not enough known to say.
    case unknown
  }

  enum CodingKeys: String, CodingKey {
    case entityID = "entity"
    case name, role
    case ultimateControllers = "ultimate_controllers"
    case holders, cycles
  }
}
