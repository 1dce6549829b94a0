import Synchronization

/// ``HoldingsAnalysis`` per entity and measure, computed once per ``OwnershipGraph``: the
/// SecNumCloud checks and the ownership report of every offering ask again for the same
/// entities (a provider's contracting entity, its parents), and each analysis walks the whole
/// chain above the entity. Safe to share across threads (`assessAll` runs on every core); two
/// threads may compute the same analysis once each, with the same result.
final class HoldingsMemo: Sendable {
  private struct Key: Hashable {
    let entity: String
    let measure: OwnershipGraph.Measure
  }
  private let table = Mutex<[Key: HoldingsAnalysis]>([:])

  /// The analysis of `entity`'s holders by `measure` in `graph` (the graph that owns this memo).
  func analysis(of entity: String, measure: OwnershipGraph.Measure, graph: OwnershipGraph) -> HoldingsAnalysis {
    let key = Key(entity: entity, measure: measure)
    if let known = table.withLock({ $0[key] }) { return known }
    let fresh = HoldingsAnalysis(target: entity, measure: measure, graph: graph)
    table.withLock { $0[key] = fresh }
    return fresh
  }
}
