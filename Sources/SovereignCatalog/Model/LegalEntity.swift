/// A company, state, family, fund or other holder that takes part in providing an offering or
/// owns part of one that does.
public struct LegalEntity: Sendable, Hashable, Codable {
  /// What sort of holder this is.
  public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
    case company, state, person, family, fund, foundation
    /// Shares traded on a stock exchange and held by many investors, each below disclosure thresholds.
    case publicFloat = "public-float"
  }

  public var id: String
  public var name: String
  /// Other names under which official lists print this entity (e.g. "Orange Business Services"),
  /// used to match list rows; names equal after normalisation need no alias.
  public var aliases: [String] = []
  public var kind: Kind
  /// Country of the registered seat (ISO alpha-2).
  public var seat: Known<String>
  /// Country of the central administration and main establishment.
  public var headquarters: Known<String>
  /// Whether its shares are listed on a stock exchange.
  public var listed: TriState
  /// Shareholders and parents known from sources.
  public var owners: [OwnershipEdge]
  /// `yes` when ``owners`` lists every holder (so the remainder is known to be zero).
  public var ownersComplete: TriState
  /// The provider file that declares the entity.
  public var declaredIn: String
  public var provenance: Provenance
  /// Where the entity is declared, for messages.
  public var location = SourceLocation(file: "")

  public init(
    id: String, name: String, kind: Kind, seat: Known<String>, headquarters: Known<String>,
    listed: TriState = .unknown, owners: [OwnershipEdge] = [], ownersComplete: TriState = .unknown,
    declaredIn: String = "", provenance: Provenance = Provenance(), location: SourceLocation = SourceLocation(file: "")
  ) {
    self.id = id
    self.name = name
    self.kind = kind
    self.seat = seat
    self.headquarters = headquarters
    self.listed = listed
    self.owners = owners
    self.ownersComplete = ownersComplete
    self.declaredIn = declaredIn
    self.provenance = provenance
    self.location = location
  }

  enum CodingKeys: String, CodingKey {
    case id, name, aliases, kind, seat, headquarters, listed, owners
    case ownersComplete = "owners_complete"
    case declaredIn = "declared_in"
    case provenance
  }
}

/// "`owner` holds part of (or rights over) the entity that declares this edge."
public struct OwnershipEdge: Sendable, Hashable, Codable {
  /// The holder's entity id.
  public var owner: String
  /// Percent of share capital (0-100).
  public var capital: Known<Double>
  /// Percent of voting rights (0-100).
  public var votes: Known<Double>
  /// A veto right held by contract or statutes.
  public var veto: TriState
  /// The right to appoint the majority of the board (administration, management or supervision).
  public var boardMajority: TriState
  /// The source states that `owner` controls the entity (e.g. "parent company", "wholly owned
  /// subsidiary") even where it publishes no percentage. `yes` counts as control.
  public var controlling: TriState
  public var provenance: Provenance

  public init(
    owner: String, capital: Known<Double> = .unknown, votes: Known<Double> = .unknown,
    veto: TriState = .unknown, boardMajority: TriState = .unknown, controlling: TriState = .unknown,
    provenance: Provenance = Provenance()
  ) {
    self.owner = owner
    self.capital = capital
    self.votes = votes
    self.veto = veto
    self.boardMajority = boardMajority
    self.controlling = controlling
    self.provenance = provenance
  }

  enum CodingKeys: String, CodingKey {
    case owner, capital, votes, veto
    case boardMajority = "board_majority"
    case controlling
    case provenance
  }
}
