import SovereignCatalogCore

/// An entity that takes part in an offering, as the exposure rules examine it.
struct ExaminedEntity: Sendable {
  enum Role: Sendable {
    case contracting, `operator`, subprocessorWithAccess, subprocessorAccessUnknown

    var words: String {
      switch self {
      case .contracting: return "contracting entity"
      case .operator: return "operator"
      case .subprocessorWithAccess: return "subprocessor with access to the data"
      case .subprocessorAccessUnknown: return "subprocessor, access to the data unknown"
      }
    }
  }

  var id: String
  var role: Role
  /// Sources that put the entity in the offering.
  var roleSources: [Source]
}

/// Evaluates one law against one offering by its reach rules (see ``Law/ReachRule``).
///
/// An extraterritorial law reaches an entity by seat, headquarters, control (as the law lists);
/// any law reaches an offering by `access` from its country. A law that is not extraterritorial
/// reaches only data stored in its country (the offering's regions) or accessed from there.
///
/// `exposed` needs a complete sourced path; any missing fact that could bring the offering
/// within reach makes the verdict `unknown` and is named; `not-exposed` lists what was checked.
struct LawEvaluator: Sendable {
  let graph: OwnershipGraph
  let control: ControlAnalysis
  /// The `control` rule's findings per examined entity, role (both name it in the findings) and
  /// law: the same in every offering of a provider. One per engine.
  let controlMemo: SharedMemo<ControlKey, ControlOutcome>

  struct ControlKey: Hashable, Sendable {
    let entity: String
    let role: ExaminedEntity.Role
    let law: String
  }

  /// The `control` rule's findings about one entity and the note for the checked list.
  struct ControlOutcome: Sendable {
    let findings: [Finding]
    let note: String
  }

  /// A path (or a doubt) found by one rule.
  struct Finding: Sendable {
    var exposed: Bool
    var rule: Law.ReachRule
    var path: DecisivePath?
    var detail: String
    var missing: [String]
    var sources: [Source]
    /// The doubt is whether a subprocessor can reach the data (settled by SecNumCloud 3.2 § 19.6 c).
    var aboutSubprocessorAccess = false
    /// For an exposing path: the kind of source each deciding block of facts rests on.
    var kinds: [SourceKind?] = []
  }

  /// The kind of source a block of facts rests on (its strongest source).
  private func kind(_ sources: [Source]) -> SourceKind? { Provenance(sources).strongestKind }

  /// `qualification`: the offering's current SecNumCloud 3.2 qualification as evidence (nil: none).
  func evaluate(_ law: Law, offering: Offering, examined: [ExaminedEntity], qualification: SecNumCloudEvidence?) -> LawExposure {
    // One to three countries: searched in place, cheaper than hashing them into a set for
    // every offering and law.
    let jurisdiction = law.jurisdiction
    let places = law.jurisdiction.joined(separator: "/")
    var findings: [Finding] = []
    var checked: [String] = []
    var read: [Source] = []
    // The kind of each block of facts read (for the grade of `not-exposed`), and of the seat and
    // role facts alone (for a `not-exposed` settled by a SecNumCloud qualification).
    var readKinds: [SourceKind?] = []
    var seatKinds: [SourceKind?] = []

    func inJurisdiction(_ code: Known<String>) -> Bool? { code.value.map(jurisdiction.contains) }

    // A law without extraterritorial reach only reaches data stored or accessed in its country,
    // whoever the provider is: corporate ties (seat, headquarters, control) do not count.
    let corporateRules: [Law.ReachRule] = law.extraterritorial ? [.seat, .headquarters, .control] : []
    if !law.extraterritorial {
      switch offering.regions.list {
      case .known(let regions):
        if let hit = regions.first(where: { jurisdiction.contains($0.country) }) {
          findings.append(
            Finding(
              exposed: true, rule: .access,
              path: DecisivePath(steps: [PathStep(label: offering.name), PathStep(label: "data stored in \(hit.country)", country: hit.country)], law: law.id),
              detail: "\(offering.name) stores data in \(hit.country).", missing: [], sources: offering.regions.provenance.sources,
              kinds: [offering.regions.provenance.strongestKind]))
        } else {
          checked.append("No region in \(places) (the law does not reach data stored elsewhere).")
          merge(offering.regions.provenance.sources, into: &read)
          readKinds.append(offering.regions.provenance.strongestKind)
        }
      case .unknown:
        findings.append(
          Finding(
            exposed: false, rule: .access, path: nil, detail: "The regions of \(offering.name) are unknown.",
            missing: ["the regions (storage countries) of \(offering.name) [\(offering.id)] (regions: unknown)"], sources: []))
      }
    }

    for item in examined where !corporateRules.isEmpty {
      guard let entity = graph.entity(item.id) else { continue }
      merge(entity.provenance.sources, into: &read)
      merge(item.roleSources, into: &read)
      let entityKinds = [entity.provenance.strongestKind, kind(item.roleSources)]
      readKinds += entityKinds
      seatKinds += entityKinds
      if law.reach.contains(.control) {
        // Not-exposed by control rests on the owners of the entity and of whoever may control it.
        for id in [entity.id] + control.possibleControllers(of: entity.id).sorted() {
          guard let holder = graph.entity(id) else { continue }
          readKinds.append(holder.provenance.strongestKind)
          readKinds += holder.owners.map(\.provenance.strongestKind)
        }
      }
      let who = "\(entity.name) (\(item.role.words))"
      // This role's findings start here: a doubt about a subprocessor's access applies to them
      // only, not to what the same entity decides in another role (contracting entity, operator).
      let firstOfRole = findings.count
      var notes: [String] = []
      for (rule, code, field) in [(Law.ReachRule.seat, entity.seat, "seat"), (.headquarters, graph.headquarters(of: entity), "headquarters")]
      where law.reach.contains(rule) && corporateRules.contains(rule) {
        switch inJurisdiction(code) {
        case true?:
          let country = code.value ?? ""
          findings.append(
            Finding(
              exposed: true, rule: rule,
              path: DecisivePath(steps: [PathStep(entityID: entity.id, label: "\(entity.name) (\(field) \(country))", country: country)], law: law.id),
              detail: "\(who) has its \(field == "seat" ? "registered seat" : "central administration") in \(country).",
              missing: [], sources: entity.provenance.sources + item.roleSources, kinds: entityKinds))
        case false?:
          notes.append("\(field) \(code.value ?? "")")
        case nil:
          findings.append(
            Finding(
              exposed: false, rule: rule, path: nil, detail: "The \(field) country of \(who) is unknown.",
              missing: ["the \(field) country of \(entity.name) [\(entity.id)] (\(field): unknown)"], sources: entity.provenance.sources))
        }
      }
      if law.reach.contains(.control) {
        let outcome = controlMemo.value(for: ControlKey(entity: entity.id, role: item.role, law: law.id)) {
          let (found, note) = controlFindings(for: entity, who: who, law: law)
          return ControlOutcome(findings: found, note: note)
        }
        findings += outcome.findings
        notes.append(outcome.note)
      }
      checked.append("\(who): \(notes.joined(separator: "; ")).")
      if item.role == .subprocessorAccessUnknown {
        for index in firstOfRole..<findings.count
        where findings[index].exposed && findings[index].path?.steps.first?.entityID == entity.id {
          findings[index].exposed = false
          findings[index].missing.append("whether \(entity.name) [\(entity.id)] has technical access to the data (subprocessor access: unknown)")
          findings[index].detail += " It is a subprocessor whose access to the data is unknown."
          findings[index].aboutSubprocessorAccess = true
        }
      }
    }

    // A subprocessor declared without access to the data is not examined: that "no" decides the
    // verdict as much as the facts examined, so its source is read and graded with them.
    for sub in offering.subprocessors where sub.access == .no {
      merge(sub.provenance.sources, into: &read)
      readKinds.append(sub.provenance.strongestKind)
    }

    if law.reach.contains(.access) {
      let (found, note) = accessFindings(
        offering: offering, examined: examined, law: law, read: &read, readKinds: &readKinds)
      findings += found
      checked.append(note)
    }

    let lawSources = law.provenance.sources
    let lawKind = law.provenance.strongestKind
    if let decisive = findings.first(where: \.exposed) {
      var sources = decisive.sources
      merge(lawSources, into: &sources)
      return LawExposure(
        lawID: law.id, lawName: law.name, citation: law.citation, verdict: .exposed, rule: decisive.rule, path: decisive.path,
        detail: decisive.detail + " \(law.name) reaches entities by \(decisive.rule.rawValue) in \(places).",
        sources: sources, evidence: SourceKind.weakest(decisive.kinds + [lawKind]))
    }
    if !findings.isEmpty,
      let evidence = qualification,
      law.jurisdiction.allSatisfy({ !graph.catalog.isEU($0) }),
      findings.allSatisfy({ $0.rule == .control || $0.rule == .access || $0.aboutSubprocessorAccess })
    {
      // Every remaining doubt is about non-EU control or access, which the qualification settles.
      var sources = evidence.sources
      merge(read, into: &sources)
      merge(lawSources, into: &sources)
      return LawExposure(
        lawID: law.id, lawName: law.name, citation: law.citation, verdict: .notExposed, rule: nil, path: nil,
        detail: evidence.explanation(settling: findings.map(\.detail)) + " Checked: " + checked.joined(separator: " "),
        sources: sources,
        evidence: SourceKind.weakest([evidence.qualification.provenance.strongestKind] + seatKinds + [lawKind]),
        derived: evidence.standing.rules.map(\.id))
    }
    if !findings.isEmpty {
      var missing: [String] = []
      for finding in findings { for fact in finding.missing where !missing.contains(fact) { missing.append(fact) } }
      var sources: [Source] = []
      for finding in findings { merge(finding.sources, into: &sources) }
      merge(lawSources, into: &sources)
      let first = findings.first { $0.path != nil } ?? findings[0]
      return LawExposure(
        lawID: law.id, lawName: law.name, citation: law.citation, verdict: .unknown, rule: first.rule, path: first.path,
        detail: "Cannot decide: " + findings.map(\.detail).joined(separator: " "), missingFacts: missing, sources: sources)
    }
    merge(lawSources, into: &read)
    return LawExposure(
      lawID: law.id, lawName: law.name, citation: law.citation, verdict: .notExposed, rule: nil, path: nil,
      detail: "No fact brings the offering within reach (\(law.reach.map(\.rawValue).joined(separator: ", ")) in \(places)). Checked: "
        + checked.joined(separator: " "),
      sources: read, evidence: SourceKind.weakest(readKinds + [lawKind]))
  }

  /// The `control` rule: a controller (certain or possible) with its seat or headquarters in the jurisdiction.
  private func controlFindings(for entity: LegalEntity, who: String, law: Law) -> ([Finding], String) {
    let jurisdiction = law.jurisdiction
    func reached(_ candidate: LegalEntity) -> String? {
      [candidate.seat.value, graph.headquarters(of: candidate).value].compactMap { $0 }.first(where: jurisdiction.contains)
    }
    func label(_ link: ControlAnalysis.Link, country: String) -> String {
      "\(link.basis) \(graph.name(link.controller)) (\(country))"
    }
    func path(_ chain: [ControlAnalysis.Link], country: String) -> DecisivePath {
      var steps = control.steps(chain, from: entity.id)
      if let last = chain.last {
        steps[steps.count - 1] = PathStep(entityID: last.controller, label: label(last, country: country), country: country)
      }
      return DecisivePath(steps: steps, law: law.id)
    }
    func sources(_ chain: [ControlAnalysis.Link], top: LegalEntity) -> [Source] {
      var list = entity.provenance.sources
      for link in chain { merge(link.sources, into: &list) }
      merge(top.provenance.sources, into: &list)
      return list
    }

    // Certain controllers first: the shortest chain wins.
    var best: (chain: [ControlAnalysis.Link], top: LegalEntity, country: String)?
    for id in control.certainControllers(of: entity.id).sorted() {
      guard let top = graph.entity(id), let country = reached(top),
        let chain = control.path(from: entity.id, to: id, certainOnly: true)
      else { continue }
      if best == nil || chain.count < best!.chain.count { best = (chain, top, country) }
    }
    if let best {
      let finding = Finding(
        exposed: true, rule: .control, path: path(best.chain, country: best.country),
        detail: "\(who) is controlled by \(best.top.name), whose \(best.top.seat.value == best.country ? "seat" : "central administration") is in \(best.country).",
        missing: [], sources: sources(best.chain, top: best.top),
        kinds: [entity.provenance.strongestKind] + best.chain.map { kind($0.sources) } + [best.top.provenance.strongestKind])
      return ([finding], "controlled from \(best.country)")
    }

    var findings: [Finding] = []
    let possible = control.possibleControllers(of: entity.id)
    for id in possible.sorted() {
      guard let candidate = graph.entity(id) else { continue }
      let chain = control.path(from: entity.id, to: id, certainOnly: false) ?? []
      let doubts = chain.filter { !$0.certain }.map { link in
        "whether \(graph.name(link.controller)) [\(link.controller)] controls \(graph.name(link.controlled)): \(link.unknowns.joined(separator: ", "))"
      }
      if let country = reached(candidate) {
        findings.append(
          Finding(
            exposed: false, rule: .control, path: path(chain, country: country),
            detail: "\(candidate.name) (\(country)) may control \(entity.name); the facts neither prove nor exclude it.",
            missing: doubts, sources: sources(chain, top: candidate)))
      } else if candidate.seat.value == nil || graph.headquarters(of: candidate).value == nil {
        let unknownField = candidate.seat.value == nil ? "seat" : "headquarters"
        findings.append(
          Finding(
            exposed: false, rule: .control, path: nil,
            detail: "\(candidate.name), which controls or may control \(entity.name), has an unknown \(unknownField) country.",
            missing: ["the \(unknownField) country of \(candidate.name) [\(candidate.id)] (\(unknownField): unknown)"],
            sources: candidate.provenance.sources))
      }
    }
    for id in [entity.id] + possible.sorted() {
      guard let holder = graph.entity(id), !graph.ownersKnownComplete(holder) else { continue }
      findings.append(
        Finding(
          exposed: false, rule: .control, path: nil,
          detail: "Not all holders of \(holder.name) are known; an unlisted holder could control it.",
          missing: [graph.incompleteOwnersFact(holder) + ": an unlisted holder could control it"], sources: holder.provenance.sources))
    }
    // Holders that may control nothing alone, but whose owners are not all known, could all
    // belong to one unlisted party (reported when one of them is not already reported above).
    let examined = Set([entity.id] + possible)
    for id in [entity.id] + possible.sorted() {
      guard let held = graph.entity(id), let joint = graph.openJointHolding(of: held) else { continue }
      let unreported = joint.holders.filter { !examined.contains($0.id) }
      guard !unreported.isEmpty else { continue }
      let names = joint.holders.map(\.name).joined(separator: ", ")
      findings.append(
        Finding(
          exposed: false, rule: .control, path: nil,
          detail:
            "\(names) hold together up to \(ShareRange.format(joint.upTo)) of \(held.name), and not all their holders are known; one unlisted holder of them all could control it.",
          missing: unreported.map { graph.incompleteOwnersFact($0) + ": one unlisted holder of \(names) could control \(held.name) jointly" },
          sources: joint.holders.flatMap(\.provenance.sources)))
    }
    let controllers = control.certainControllers(of: entity.id).sorted().map { graph.label($0) }
    let note =
      controllers.isEmpty
      ? "no controller in \(law.jurisdiction.joined(separator: "/")) (no controlling holder; all holders listed)"
      : "controlled by \(controllers.joined(separator: ", ")), none in \(law.jurisdiction.joined(separator: "/"))"
    return (findings, note)
  }

  /// The `access` rule: countries from which the host (HDS transparency) or a subprocessor can access the data.
  private func accessFindings(
    offering: Offering, examined: [ExaminedEntity], law: Law, read: inout [Source],
    readKinds: inout [SourceKind?]
  ) -> ([Finding], String) {
    var findings: [Finding] = []
    var notes: [String] = []
    let jurisdiction = law.jurisdiction
    let places = law.jurisdiction.joined(separator: "/")
    let transparency = offering.hdsTransparency
    merge(transparency?.provenance.sources ?? [], into: &read)
    readKinds.append(transparency?.provenance.strongestKind)
    switch transparency?.accessCountries ?? .unknown {
    case .known(let countries):
      if let hit = countries.first(where: jurisdiction.contains) {
        findings.append(
          Finding(
            exposed: true, rule: .access,
            path: DecisivePath(
              steps: [PathStep(label: offering.name), PathStep(label: "access from \(hit) (hds_transparency.access_countries)", country: hit)],
              law: law.id),
            detail: "\(offering.name) declares that its data can be accessed from \(hit).", missing: [],
            sources: transparency?.provenance.sources ?? [], kinds: [transparency?.provenance.strongestKind]))
      } else {
        notes.append("access countries declared: \(countries.isEmpty ? "none" : countries.joined(separator: ", "))")
      }
    case .unknown:
      let allOutsideEEA = law.jurisdiction.allSatisfy { !graph.catalog.isEEA($0) }
      if transparency?.nonEEAAccess == .no && allOutsideEEA {
        notes.append("no access from outside the EEA (declared)")
      } else {
        findings.append(
          Finding(
            exposed: false, rule: .access, path: nil,
            detail: "The countries from which \(offering.name) can be accessed are not known.",
            missing: ["the countries from which the data of \(offering.name) [\(offering.id)] can be accessed (hds_transparency.access_countries: unknown)"],
            sources: transparency?.provenance.sources ?? []))
      }
    }
    for sub in offering.subprocessors where sub.access != .no {
      let name = graph.name(sub.entity)
      merge(sub.provenance.sources, into: &read)
      readKinds.append(sub.provenance.strongestKind)
      switch sub.accessCountries {
      case .known(let countries):
        guard let hit = countries.first(where: jurisdiction.contains) else {
          notes.append("\(name) accesses from \(countries.joined(separator: ", "))")
          continue
        }
        let path = DecisivePath(
          steps: [PathStep(entityID: sub.entity, label: name), PathStep(label: "access from \(hit)", country: hit)], law: law.id)
        if sub.access == .yes {
          findings.append(
            Finding(
              exposed: true, rule: .access, path: path, detail: "Subprocessor \(name) has technical access to the data from \(hit).",
              missing: [], sources: sub.provenance.sources, kinds: [sub.provenance.strongestKind]))
        } else {
          findings.append(
            Finding(
              exposed: false, rule: .access, path: path, detail: "Subprocessor \(name) works from \(hit); its access to the data is unknown.",
              missing: ["whether \(name) [\(sub.entity)] has technical access to the data (subprocessor access: unknown)"],
              sources: sub.provenance.sources))
        }
      case .unknown:
        findings.append(
          Finding(
            exposed: false, rule: .access, path: nil, detail: "The countries from which subprocessor \(name) can access the data are unknown.",
            missing: ["the access countries of subprocessor \(name) [\(sub.entity)] (access_countries: unknown)"],
            sources: sub.provenance.sources))
      }
    }
    let note = notes.isEmpty ? "" : "Access: \(notes.joined(separator: "; ")) (none from \(places))."
    return (findings, note)
  }
}
