extension Catalog {
  /// This catalog with each assumption's fact replaced by the assumed value (later assumptions
  /// on the same fact win), and ``assumptions`` set.
  ///
  /// The block of facts an assumption changes (an entity's seat and ownership facts, an
  /// offering's HDS transparency, regions, HDS certificate or SecNumCloud qualification) cites
  /// only the assumption from then on: a source of kind ``SourceKind/assumption`` dated `day`. So
  /// every verdict that reads that block rests on the assumption and says so (its evidence kind is
  /// `assumption`, its sources name it), and none is mistaken for evidence. Conservative: the
  /// other facts of the block are marked assumed too.
  public func assuming(_ list: [Assumption], on day: CalendarDate) -> Catalog {
    var result = self
    for assumption in list {
      let source = Source(
        id: "assumption:\(assumption.id).\(assumption.fact.rawValue)", url: "--assume \(assumption.canonical)",
        title: "assumed by the user, not evidence: \(assumption.canonical)", asOf: day, kind: .assumption)
      result.apply(assumption, source: source)
      result.assumptions.append(assumption)
    }
    return result
  }

  private mutating func apply(_ assumption: Assumption, source: Source) {
    func cite(_ provenance: inout Provenance) {
      let onlyAssumed = !provenance.isEmpty && provenance.sources.allSatisfy { $0.kind == .assumption }
      provenance = Provenance((onlyAssumed ? provenance.sources.filter { $0.id != source.id } : []) + [source])
    }
    if assumption.fact.subject == .entity {
      guard var entity = entities[assumption.id] else { return }
      switch assumption.parsed {
      case .tri(let value): entity.ownersComplete = value
      case .country(let code):
        if assumption.fact == .seat { entity.seat = code } else { entity.headquarters = code }
      default: return
      }
      cite(&entity.provenance)
      entities[assumption.id] = entity
      return
    }
    guard let p = providers.firstIndex(where: { $0.offerings.contains { $0.id == assumption.id } }),
      let o = providers[p].offerings.firstIndex(where: { $0.id == assumption.id })
    else { return }
    var offering = providers[p].offerings[o]
    switch (assumption.fact, assumption.parsed) {
    case (.accessCountries, .countries(let codes)):
      var t = offering.hdsTransparency ?? HDSTransparency()
      t.accessCountries = codes
      cite(&t.provenance)
      offering.hdsTransparency = t
    case (.nonEEAAccess, .tri(let value)), (.eeaOnlyStorage, .tri(let value)):
      var t = offering.hdsTransparency ?? HDSTransparency()
      if assumption.fact == .nonEEAAccess { t.nonEEAAccess = value } else { t.eeaOnlyStorage = value }
      cite(&t.provenance)
      offering.hdsTransparency = t
    case (.regions, .countries(let codes)):
      offering.regions.list = codes.value.map { .known($0.map { Region(country: $0) }) } ?? .unknown
      cite(&offering.regions.provenance)
    case (.hdsStatus, _), (.hdsActivities, _), (.hdsReferential, _), (.hdsValidUntil, _):
      var hds = offering.certifications.hds ?? HDSCertification(status: .unknown)
      switch assumption.parsed {
      case .hdsStatus(let status): hds.status = status
      case .activities(let list): hds.activities = list
      case .word(let referential): hds.referential = referential
      case .date(let date): hds.validUntil = date
      default: return
      }
      cite(&hds.provenance)
      offering.certifications.hds = hds
    case (.secNumCloudStatus, _), (.secNumCloudReferential, _), (.secNumCloudValidUntil, _):
      var snc = offering.certifications.secNumCloud ?? SecNumCloudQualification(status: .unknown)
      switch assumption.parsed {
      case .secNumCloudStatus(let status): snc.status = status
      case .word(let referential): snc.referential = referential
      case .date(let date): snc.validUntil = date
      default: return
      }
      cite(&snc.provenance)
      offering.certifications.secNumCloud = snc
    default: return
    }
    providers[p].offerings[o] = offering
  }
}
