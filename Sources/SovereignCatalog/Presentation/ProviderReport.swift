/// Renders everything the catalog knows about one provider as plain text, each fact followed by
/// the ids of its sources in brackets, and the sources listed at the end with URL and as-of date.
public struct ProviderReport: Sendable {
  public let provider: Provider
  public let catalog: Catalog

  public init(provider: Provider, catalog: Catalog) {
    self.provider = provider
    self.catalog = catalog
  }

  /// The report text.
  public func render() -> String {
    var out: [String] = []
    out.append("\(provider.name) (\(provider.id))")
    out.append("website: \(provider.website)")
    if let summary = provider.summary { out.append(summary) }
    out.append("")
    out.append("Legal entities")
    for id in provider.entities {
      guard let entity = catalog.entities[id] else { continue }
      out.append("  \(entity.name) [\(entity.id)], \(entity.kind.rawValue)")
      out.append("    seat: \(country(entity.seat)); headquarters: \(country(entity.headquarters)); listed: \(entity.listed)\(cite(entity.provenance))")
      if entity.owners.isEmpty {
        out.append("    owners: unknown (no source lists them)")
      } else {
        for edge in entity.owners {
          let name = catalog.entities[edge.owner]?.name ?? edge.owner
          out.append(
            "    owned by \(name) [\(edge.owner)]: capital \(percent(edge.capital)), votes \(percent(edge.votes)), veto \(edge.veto), board majority \(edge.boardMajority), controlling \(edge.controlling)\(cite(edge.provenance))"
          )
        }
        out.append("    owners listed are all holders: \(entity.ownersComplete)")
      }
    }
    for offering in provider.offerings {
      out.append("")
      out.append("Offering: \(offering.name) [\(offering.id)]")
      let contracting = catalog.entities[offering.contractingEntity]?.name ?? offering.contractingEntity
      out.append("  contracting entity: \(contracting) [\(offering.contractingEntity)]\(cite(offering.provenance))")
      if !offering.operators.isEmpty { out.append("  operated by: \(offering.operators.joined(separator: ", "))") }
      out.append("  service types: \(offering.serviceTypes.map(\.rawValue).joined(separator: ", "))")
      switch offering.regions.list {
      case .unknown: out.append("  regions: unknown")
      case .known(let regions):
        let text = regions.map { r in [r.country, r.city, r.name].compactMap { $0 }.joined(separator: " ") }
        out.append("  regions: \(text.joined(separator: "; "))\(cite(offering.regions.provenance))")
      }
      out.append(
        "  capabilities: \(offering.capabilities.list.isEmpty ? "none sourced" : offering.capabilities.list.joined(separator: ", "))\(cite(offering.capabilities.provenance))"
      )
      out.append("  open-source stack: \(offering.openSourceStack.value)\(cite(offering.openSourceStack.provenance))")
      if let hds = offering.certifications.hds {
        let activities = hds.activities.value.map { $0.map(String.init).joined(separator: ", ") } ?? "unknown"
        out.append(
          "  HDS: \(hds.status.rawValue); activities \(activities); referential \(hds.referential); body \(hds.body); certificate \(hds.certificate); valid until \(hds.validUntil)\(cite(hds.provenance))"
        )
      } else {
        out.append("  HDS: unknown")
      }
      if let snc = offering.certifications.secNumCloud {
        var text = "  SecNumCloud: \(snc.status.rawValue)"
        if snc.status == .inProgress { text += " (milestone \(snc.milestone))" }
        text += "; referential \(snc.referential); qualified on \(snc.qualifiedOn); valid until \(snc.validUntil); decision \(snc.decision)"
        out.append(text + cite(snc.provenance))
      } else {
        out.append("  SecNumCloud: unknown")
      }
      for other in offering.certifications.others {
        out.append("  \(other.scheme): \(other.status.rawValue); level \(other.level); valid until \(other.validUntil)\(cite(other.provenance))")
      }
      if let t = offering.hdsTransparency {
        out.append(
          "  HDS transparency: EEA-only storage \(t.eeaOnlyStorage); access from outside the EEA \(t.nonEEAAccess); third-country-law risk declared \(t.thirdCountryLawRisk); transfer mapping \(t.transferMappingURL)\(cite(t.provenance))"
        )
      }
      for sub in offering.subprocessors {
        let name = catalog.entities[sub.entity]?.name ?? sub.entity
        out.append(
          "  subprocessor: \(name)\(sub.role.map { " (\($0))" } ?? ""); access \(sub.access); from \(sub.accessCountries.value?.joined(separator: ", ") ?? "unknown")\(cite(sub.provenance))"
        )
      }
      if let notes = offering.notes { out.append("  notes: \(notes)") }
    }
    out.append("")
    out.append("Sources")
    for source in provider.sources {
      out.append("  [\(source.id)] \(source.title ?? source.url) (as of \(source.asOf))")
      out.append("      \(source.url)")
    }
    return out.joined(separator: "\n") + "\n"
  }

  private func cite(_ provenance: Provenance) -> String {
    provenance.isEmpty ? "" : "  [" + provenance.sources.map(\.id).joined(separator: ", ") + "]"
  }

  private func country(_ code: Known<String>) -> String {
    guard let code = code.value else { return "unknown" }
    return catalog.countries[code].map { "\($0.name) (\(code))" } ?? code
  }

  private func percent(_ value: Known<Double>) -> String {
    guard let value = value.value else { return "unknown" }
    return value == value.rounded() ? "\(Int(value)) %" : "\(value) %"
  }
}
