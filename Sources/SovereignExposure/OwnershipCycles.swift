import SovereignCatalogCore

/// Cycles in the ownership graph above an entity (A holds B, B holds A, ...).
///
/// Each cycle is listed once, as entity ids from its smallest id round to it again
/// (e.g. `["a", "b", "a"]`). The search visits each entity once, so a cycle never loops it.
func ownershipCycles(above id: String, in graph: OwnershipGraph) -> [[String]] {
  var found: Set<[String]> = []
  var onStack: [String] = []
  var done: Set<String> = []

  func visit(_ node: String) {
    if let start = onStack.firstIndex(of: node) {
      var cycle = Array(onStack[start...])
      if let smallest = cycle.indices.min(by: { cycle[$0] < cycle[$1] }) {
        cycle = Array(cycle[smallest...] + cycle[..<smallest])
      }
      found.insert(cycle + [cycle[0]])
      return
    }
    guard !done.contains(node), let entity = graph.entity(node) else { return }
    onStack.append(node)
    for edge in entity.owners { visit(edge.owner) }
    onStack.removeLast()
    done.insert(node)
  }

  visit(id)
  return found.sorted { $0.lexicographicallyPrecedes($1) }
}
