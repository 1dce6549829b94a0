import SovereignCatalog

/// An excluded offering close to passing: the gates it misses, and for each gate that is unknown
/// on the facts, the facts that would have to be known and where they are usually published.
///
/// Order: fewest gates failed on the facts, then fewest unknown, then id. An offering that fails
/// an immunity gate on the facts (`immune_to:<law>`: a law reaches it; `secnumcloud_19_6`: the
/// ownership check fails) is never a near miss: no fact still to learn would make it pass.
public struct NearMiss: Sendable, Hashable, Encodable {
  public var offeringID: String
  public var providerName: String
  /// Gates failed on the facts.
  public var failed: [String]
  /// Gates unknown on the facts.
  public var unknown: [String]
  /// What would have to be known to decide the unknown gates.
  public var toKnow: [FactToKnow]

  /// One fact to find, and where it is usually published.
  public struct FactToKnow: Sendable, Hashable, Encodable {
    public var gate: String
    public var fact: String
    public var usuallyPublishedIn: String

    enum CodingKeys: String, CodingKey {
      case gate, fact
      case usuallyPublishedIn = "usually_published_in"
    }
  }

  enum CodingKeys: String, CodingKey {
    case offeringID = "offering_id"
    case providerName = "provider_name"
    case failed, unknown
    case toKnow = "to_know"
  }

  /// Gates that no further fact can turn around once they fail on the facts.
  static func isImmunityGate(_ gate: String) -> Bool { gate.hasPrefix("immune_to:") || gate == "secnumcloud_19_6" }

  /// The `limit` nearest misses among `excluded`, or none. The order needs only the counts of
  /// failed and unknown gates, so the facts to know are gathered for the chosen ones alone.
  static func select(from excluded: [RankedOffering], limit: Int) -> [NearMiss] {
    guard limit > 0 else { return [] }
    let candidates = excluded.filter { offering in
      !offering.gates.contains { $0.factVerdict == .fail && isImmunityGate($0.gate) }
    }.map { offering in
      (
        offering: offering, failed: offering.gates.count { $0.factVerdict == .fail },
        unknown: offering.gates.count { $0.factVerdict == .unknown }
      )
    }
    let chosen = candidates.sorted {
      ($0.failed, $0.unknown) != ($1.failed, $1.unknown)
        ? ($0.failed, $0.unknown) < ($1.failed, $1.unknown)
        : $0.offering.offeringID.unicodeScalars.lexicographicallyPrecedes($1.offering.offeringID.unicodeScalars)
    }.prefix(limit)
    return chosen.map { candidate in
      let offering = candidate.offering
      return NearMiss(
        offeringID: offering.offeringID, providerName: offering.providerName,
        failed: offering.gates.filter { $0.factVerdict == .fail }.map(\.gate),
        unknown: offering.gates.filter { $0.factVerdict == .unknown }.map(\.gate),
        toKnow: merged(offering.gates.filter { $0.factVerdict == .unknown }.flatMap(facts(for:))))
    }
  }

  /// One entry per fact, in first-seen order; a fact several gates need names them all
  /// (e.g. `immune_to:us-cloud-act, immune_to:us-fisa-702`).
  static func merged(_ facts: [FactToKnow]) -> [FactToKnow] {
    var result: [FactToKnow] = []
    for fact in facts {
      if let index = result.firstIndex(where: { $0.fact == fact.fact }) {
        result[index].gate += ", " + fact.gate
      } else {
        result.append(fact)
      }
    }
    return result
  }

  /// The facts an unknown gate needs, with where each is usually published.
  static func facts(for gate: GateResult) -> [FactToKnow] {
    let generic: String
    switch gate.gate {
    case "residency": generic = "where the offering stores data (its regions)"
    case "hds": generic = "the offering's HDS certificate (status, activities 1-6, referential, validity)"
    case "secnumcloud": generic = "the offering's SecNumCloud status"
    case "capabilities": generic = "whether the required capabilities are offered"
    case _ where gate.gate.hasPrefix("csf_min_seal"): generic = "the open Cloud Sovereignty Framework answers: \(gate.detail)"
    default: generic = "the fact named in the gate's detail: \(gate.detail)"
    }
    let facts = gate.missingFacts.isEmpty ? [generic] : gate.missingFacts
    return facts.map { FactToKnow(gate: gate.gate, fact: $0, usuallyPublishedIn: publishedIn(gate: gate.gate, fact: $0)) }
  }

  /// Where a fact is usually published, by gate and by what the fact is about.
  static func publishedIn(gate: String, fact: String) -> String {
    switch gate {
    case "residency": return "the provider's regions or data-centre page, or its HDS requirement-31 transfer-mapping page"
    case "hds": return "the HDS certificate (certifying body) and the ANS list of certified hosts (esante.gouv.fr)"
    case "secnumcloud": return "ANSSI's catalogue of qualified services (cyber.gouv.fr)"
    case "capabilities": return "the provider's product documentation"
    case _ where gate.hasPrefix("csf_min_seal"):
      return "the provider's published Cloud Sovereignty Framework self-assessment, or its answers to the framework's questions (`sovereign csf <offering>` lists the open ones)"
    default:
      let text = fact.lowercased()
      if text.contains("access") || text.contains("subprocessor") || text.contains("third part") {
        return "the provider's HDS requirement-31 page (transfer mapping: access countries, subprocessors) or its subprocessor list"
      }
      return "the registration document or annual report (shareholders, control, board) and the company registry"
    }
  }
}
