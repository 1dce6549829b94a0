import SovereignCatalogCore

/// Whether the entities that provide an offering (contracting entity and operators) have their
/// seat or central administration outside the EU / EEA.
///
/// A fact of its own, not a law: a Swiss provider is outside the EU, but Swiss law is not
/// extraterritorial in the sense of the laws in `data/laws/`.
public struct SeatFact: Sendable, Hashable, Codable {
  /// `yes` when one of them has its seat or headquarters outside the EU.
  public var outsideEU: TriState
  /// `yes` when one of them has its seat or headquarters outside the EEA.
  public var outsideEEA: TriState
  /// Each entity with its countries, e.g. `Clever Cloud SAS: seat FR, headquarters FR`.
  public var detail: String
  public var missingFacts: [String]
  public var sources: [Source]

  public init(outsideEU: TriState, outsideEEA: TriState, detail: String, missingFacts: [String] = [], sources: [Source] = []) {
    self.outsideEU = outsideEU
    self.outsideEEA = outsideEEA
    self.detail = detail
    self.missingFacts = missingFacts
    self.sources = sources
  }

  enum CodingKeys: String, CodingKey {
    case outsideEU = "outside_eu"
    case outsideEEA = "outside_eea"
    case detail
    case missingFacts = "missing_facts"
    case sources
  }
}
