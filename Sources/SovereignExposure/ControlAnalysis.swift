import SovereignCatalogCore

/// Who controls whom, directly or through controlled entities.
///
/// Control is a majority (> 50 %) of capital or of voting rights, a veto right, the right to
/// appoint the board majority, or a source saying the holder controls (`controlling: yes`, e.g.
/// "wholly owned subsidiary" without a percentage), held directly, or together with entities the holder controls
/// (their holdings are summed), or through a chain of controlled entities. Two relations are
/// kept: *certain* (the facts prove it) and *possible* (the missing facts cannot exclude it).
/// A public float (dispersed investors) never controls. Cycles cannot loop: the relations are
/// sets grown to a fixed point.
struct ControlAnalysis: Sendable {
  /// "`controller` controls `controlled`" through one edge or one summed holding.
  struct Link: Sendable, Hashable {
    var controller: String
    var controlled: String
    var certain: Bool
    /// How, for the path label: `100%`, `60% of votes`, `veto right`, ...
    var basis: String
    /// For a possible link: the facts that would decide it.
    var unknowns: [String]
    var sources: [Source]
  }

  let graph: OwnershipGraph
  /// Controlled id -> every certain controller (direct or indirect).
  private(set) var certain: [String: Set<String>] = [:]
  /// Controlled id -> every controller that the facts cannot exclude (includes the certain ones).
  private(set) var possible: [String: Set<String>] = [:]
  /// Controlled id -> its immediate control links.
  private(set) var links: [String: [Link]] = [:]
  /// Chains already found: the `control` rule asks again for the same ones for each law and
  /// role, and the ownership reports ask for them too.
  private let paths = SharedMemo<PathKey, [Link]?>()

  struct PathKey: Hashable, Sendable {
    let from: String
    let to: String
    let certainOnly: Bool
  }

  init(graph: OwnershipGraph) {
    self.graph = graph
    let ids = graph.catalog.entities.keys.sorted()
    for id in ids {
      guard let entity = graph.entity(id) else { continue }
      links[id] = Self.directLinks(of: entity, graph: graph)
    }
    var changed = true
    while changed {
      changed = false
      for id in ids {
        guard let entity = graph.entity(id) else { continue }
        var sure = certain[id, default: []]
        var maybe = possible[id, default: []]
        for link in links[id, default: []] {
          if link.certain {
            sure.insert(link.controller)
            sure.formUnion(certain[link.controller, default: []])
          }
          maybe.insert(link.controller)
          maybe.formUnion(possible[link.controller, default: []])
        }
        for link in aggregatedLinks(of: entity, known: sure, possibleKnown: maybe) {
          links[id, default: []].append(link)
          if link.certain { sure.insert(link.controller) }
          maybe.insert(link.controller)
        }
        sure.remove(id)
        maybe.remove(id)
        maybe.formUnion(sure)
        if sure != certain[id, default: []] || maybe != possible[id, default: []] {
          certain[id] = sure
          possible[id] = maybe
          changed = true
        }
      }
    }
  }

  func certainControllers(of id: String) -> Set<String> { certain[id, default: []] }

  func possibleControllers(of id: String) -> Set<String> { possible[id, default: []] }

  /// Certain controllers that no one else is known to control.
  func ultimateControllers(of id: String) -> [String] {
    certainControllers(of: id).filter { certainControllers(of: $0).subtracting([$0, id]).isEmpty }.sorted()
  }

  /// The shortest chain of links from `id` up to `target` (certain links only when `certainOnly`).
  func path(from id: String, to target: String, certainOnly: Bool) -> [Link]? {
    paths.value(for: PathKey(from: id, to: target, certainOnly: certainOnly)) {
      shortestPath(from: id, to: target, certainOnly: certainOnly)
    }
  }

  private func shortestPath(from id: String, to target: String, certainOnly: Bool) -> [Link]? {
    var previous: [String: Link] = [:]
    var queue = [id]
    var seen: Set<String> = [id]
    while !queue.isEmpty {
      let current = queue.removeFirst()
      if current == target { break }
      for link in links[current, default: []] where (link.certain || !certainOnly) && !seen.contains(link.controller) {
        seen.insert(link.controller)
        previous[link.controller] = link
        queue.append(link.controller)
      }
    }
    guard target != id, previous[target] != nil else { return nil }
    var chain: [Link] = []
    var node = target
    while node != id, let link = previous[node] {
      chain.insert(link, at: 0)
      node = link.controlled
    }
    return chain
  }

  /// Path steps for a chain of links, starting with the controlled entity's name.
  func steps(_ chain: [Link], from id: String) -> [PathStep] {
    var steps = [PathStep(entityID: id, label: graph.name(id), country: graph.entity(id).flatMap(graph.country(of:)))]
    for link in chain {
      let country = graph.entity(link.controller).flatMap(graph.country(of:))
      steps.append(PathStep(entityID: link.controller, label: "\(link.basis) \(graph.label(link.controller))", country: country))
    }
    return steps
  }

  // MARK: - Building the relation

  private static func directLinks(of entity: LegalEntity, graph: OwnershipGraph) -> [Link] {
    let capital = graph.ranges(of: entity, .capital)
    let votes = graph.ranges(of: entity, .votes)
    var result: [Link] = []
    for (index, edge) in entity.owners.enumerated() {
      guard let owner = graph.entity(edge.owner), owner.id != entity.id else { continue }
      let isFloat = owner.kind == .publicFloat
      let c = capital[index]
      let v = votes[index]
      var basis: String?
      if !isFloat && c.low > 50 {
        basis = compactPercent(c)
      } else if !isFloat && v.low > 50 {
        basis = "\(compactPercent(v)) of votes"
      } else if edge.veto == .yes {
        basis = "veto right (\(compactPercent(c)) of capital)"
      } else if edge.boardMajority == .yes {
        basis = "board majority (\(compactPercent(c)) of capital)"
      } else if edge.controlling == .yes {
        basis = c.isExact ? "controlled by (\(compactPercent(c)))" : "controlled by"
      }
      if let basis {
        result.append(Link(controller: owner.id, controlled: entity.id, certain: true, basis: basis, unknowns: [], sources: edge.provenance.sources))
        continue
      }
      // The source says this holder does not control the entity.
      guard !isFloat, edge.controlling != .no else { continue }
      var unknowns: [String] = []
      if c.high > 50 { unknowns.append("its share of the capital (\(c))") }
      if v.high > 50 { unknowns.append("its share of the voting rights (\(v))") }
      if edge.veto == .unknown { unknowns.append("whether it has a veto right (veto: unknown)") }
      if edge.boardMajority == .unknown { unknowns.append("whether it can appoint the board majority (board_majority: unknown)") }
      if !unknowns.isEmpty {
        let basis = c.isExact ? "\(compactPercent(c)) (control not excluded)" : "holding (control not excluded)"
        result.append(Link(controller: owner.id, controlled: entity.id, certain: false, basis: basis, unknowns: unknowns, sources: edge.provenance.sources))
      }
    }
    return result
  }

  /// Control by holdings summed with those of controlled entities (e.g. 30 % direct + 30 % through a subsidiary).
  private func aggregatedLinks(of entity: LegalEntity, known sure: Set<String>, possibleKnown maybe: Set<String>) -> [Link] {
    let capital = graph.ranges(of: entity, .capital)
    let votes = graph.ranges(of: entity, .votes)
    var candidates: Set<String> = []
    for edge in entity.owners {
      candidates.insert(edge.owner)
      candidates.formUnion(possible[edge.owner, default: []])
    }
    candidates.remove(entity.id)
    // A source saying a holder does not control the entity (`controlling: no`) settles its
    // control, direct or through the entities it controls: it is not summed up again here.
    for edge in entity.owners where edge.controlling == .no { candidates.remove(edge.owner) }
    var result: [Link] = []
    for candidate in candidates.sorted() where graph.entity(candidate)?.kind != .publicFloat {
      var sureCapital = 0.0, sureVotes = 0.0, maybeCapital = 0.0, maybeVotes = 0.0
      var sources: [Source] = []
      for (index, edge) in entity.owners.enumerated() {
        let isSure = edge.owner == candidate || certain[edge.owner, default: []].contains(candidate)
        let isMaybe = isSure || possible[edge.owner, default: []].contains(candidate)
        if isSure {
          sureCapital += capital[index].low
          sureVotes += votes[index].low
          merge(edge.provenance.sources, into: &sources)
        }
        if isMaybe {
          maybeCapital += capital[index].high
          maybeVotes += votes[index].high
        }
      }
      if !sure.contains(candidate), sureCapital > 50 || sureVotes > 50 {
        let share = sureCapital > 50 ? "\(compactPercent(ShareRange(exactly: sureCapital)))" : "\(compactPercent(ShareRange(exactly: sureVotes))) of votes"
        result.append(
          Link(
            controller: candidate, controlled: entity.id, certain: true, basis: "\(share) with the entities it controls",
            unknowns: [], sources: sources))
      } else if !maybe.contains(candidate), maybeCapital > 50 || maybeVotes > 50 {
        result.append(
          Link(
            controller: candidate, controlled: entity.id, certain: false, basis: "holdings summed with entities it may control",
            unknowns: ["whether its holdings and those of the entities it may control exceed 50 %"], sources: sources))
      }
    }
    return result
  }
}
