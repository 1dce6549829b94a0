import SovereignCatalogCore

/// Direct and indirect holdings in one entity, for one measure (capital or voting rights).
///
/// An indirect holding is the product of the percentages along a chain of holders, summed over
/// every chain (60 % of a holding that owns 50 % = 30 %). Missing percentages become bounds
/// (see ``OwnershipGraph/ranges(of:_:)``). Chains never revisit an entity: the part of a chain
/// that would go round a cycle is counted as unattributed (an upper bound only) and the cycle
/// is reported.
struct HoldingsAnalysis: Sendable {
  /// Holdings of each (non public-float) holder, by entity id.
  var byHolder: [String: ShareRange] = [:]
  /// Holdings reached through public floats (dispersed investors), by float entity id.
  var byFloat: [String: ShareRange] = [:]
  /// The part held by non-EU entities together, counting each part once: at the first entity
  /// on its chain that is not known to be in the EU (non-EU, unknown country, unlisted holders).
  var nonEUCollective = ShareRange.zero
  /// Shares of unlisted holders (owners not complete) and of chains cut at a cycle: whoever holds
  /// them is unknown, so they bound any single holder's share from above.
  var unattributed = ShareRange.zero
  /// Missing facts that widen the bounds, in plain words.
  var missingFacts: [String] = []
  /// Sources of the facts read.
  var sources: [Source] = []
  /// The kind each block of facts read rests on (its strongest source), one per block.
  var kinds: [SourceKind?] = []
  /// What counts in `nonEUCollective`, one line each.
  var collectiveParts: [String] = []

  private static let pathLimit = 20_000

  init(target id: String, measure: OwnershipGraph.Measure, graph: OwnershipGraph) {
    var pathsWalked = 0
    var missing: [String] = []

    func note(_ fact: String) {
      if !missing.contains(fact) { missing.append(fact) }
    }

    func walk(_ node: LegalEntity, factor: ShareRange, chain: [String], crossed: Bool) {
      pathsWalked += 1
      guard pathsWalked <= Self.pathLimit else {
        unattributed = unattributed + factor
        if !crossed { nonEUCollective = ShareRange(low: nonEUCollective.low, high: nonEUCollective.high + factor.high) }
        note("the ownership graph above \(graph.name(id)) has too many chains to follow them all")
        return
      }
      merge(node.provenance.sources, into: &sources)
      kinds.append(node.provenance.strongestKind)
      let ranges = graph.ranges(of: node, measure)
      for (index, edge) in node.owners.enumerated() {
        guard let holder = graph.entity(edge.owner) else { continue }
        let share = factor.of(ranges[index])
        merge(edge.provenance.sources, into: &sources)
        kinds.append(edge.provenance.strongestKind)
        if edge.capital.value == nil && measure == .capital && !ranges[index].isExact {
          note("the share of the capital of \(node.name) held by \(holder.name) (capital: unknown)")
        }
        if edge.votes.value == nil && measure == .votes && !ranges[index].isExact {
          note("the share of the voting rights of \(node.name) held by \(holder.name) (votes: unknown)")
        }
        if chain.contains(holder.id) {
          unattributed = unattributed + ShareRange(low: 0, high: share.high)
          if !crossed { nonEUCollective = ShareRange(low: nonEUCollective.low, high: nonEUCollective.high + share.high) }
          continue
        }
        let region = graph.region(of: holder)
        merge(holder.provenance.sources, into: &sources)
        kinds.append(holder.provenance.strongestKind)
        if holder.kind == .publicFloat {
          byFloat[holder.id] = (byFloat[holder.id] ?? .zero) + share
        } else {
          byHolder[holder.id] = (byHolder[holder.id] ?? .zero) + share
        }
        if region == .unknown {
          note("the country (seat and headquarters) of \(holder.name) [\(holder.id)]")
        }
        if !crossed {
          switch region {
          case .nonEU:
            nonEUCollective = nonEUCollective + share
            collectiveParts.append("\(graph.label(holder.id)): \(share)")
          case .unknown:
            nonEUCollective = ShareRange(low: nonEUCollective.low, high: nonEUCollective.high + share.high)
            collectiveParts.append("\(graph.label(holder.id)): up to \(ShareRange.format(share.high)) (country unknown)")
          case .eu:
            break
          }
        }
        if !graph.isTerminal(holder) {
          walk(holder, factor: share, chain: chain + [holder.id], crossed: crossed || region != .eu)
        }
      }
      if let rest = graph.remainder(of: node, measure) {
        let share = factor.of(rest)
        if share.high > 0 {
          unattributed = unattributed + ShareRange(low: 0, high: share.high)
          note(graph.incompleteOwnersFact(node))
          if !crossed {
            nonEUCollective = ShareRange(low: nonEUCollective.low, high: nonEUCollective.high + share.high)
            collectiveParts.append("unlisted holders of \(node.name): up to \(ShareRange.format(share.high)) (unknown holders)")
          }
        }
      }
    }

    if let target = graph.entity(id) {
      walk(target, factor: ShareRange(exactly: 100), chain: [id], crossed: false)
    }
    missingFacts = missing
  }
}
