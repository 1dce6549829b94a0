/// Reads one `data/providers/<id>.yaml` file (format: docs/catalog-format.md).
///
/// Checks everything that can be checked within the file; references to entities declared in
/// other files are checked by ``CatalogLoader`` once every file is read.
struct ProviderFileReader {
  let document: YAMLDocument
  let expectedID: String
  let vocabulary: Vocabulary
  private var sources: SourceTable
  private(set) var entities: [LegalEntity] = []

  struct Vocabulary {
    var countries: [String: Country]
    var capabilities: [String: String]
  }

  static let providerKeys = ["id", "name", "website", "summary", "sources", "entities", "offerings", "notes"]
  static let entityKeys = ["id", "name", "aliases", "kind", "seat", "headquarters", "listed", "owners", "owners_complete", "source", "notes"]
  static let ownerKeys = ["owner", "capital", "votes", "veto", "board_majority", "controlling", "source", "notes"]
  static let offeringKeys = [
    "id", "name", "aliases", "contracting_entity", "operators", "service_types", "source", "regions", "capabilities",
    "open_source_stack", "certifications", "hds_transparency", "subprocessors", "notes",
  ]

  init(document: YAMLDocument, expectedID: String, vocabulary: Vocabulary) {
    self.document = document
    self.expectedID = expectedID
    self.vocabulary = vocabulary
    self.sources = SourceTable(nil, document: document)
  }

  mutating func read() -> Provider? {
    guard let root = document.root?.mapping("the provider file", keys: Self.providerKeys) else { return nil }
    sources = SourceTable(root.required("sources", hint: "every fact needs a source: list them under `sources:`"), document: document)
    let id = root.required("id")?.identifier("provider `id`")
    if let id, id != expectedID {
      root["id"]?.report("provider id `\(id)` does not match the file name `\(expectedID).yaml`", hint: "rename the file or the id")
    }
    let name = root.required("name")?.string("provider `name`")
    let website = root.required("website")?.url("provider `website`")
    let summary = root.optional("summary")?.string("provider `summary`")
    if let list = root.optional("entities")?.list("`entities`") {
      for item in list { if let entity = readEntity(item) { entities.append(entity) } }
    }
    var offerings: [Offering] = []
    if let list = root.required("offerings", hint: "list at least one offering")?.list("`offerings`") {
      for item in list { if let offering = readOffering(item, providerID: id ?? expectedID) { offerings.append(offering) } }
      if list.isEmpty { root["offerings"]?.report("a provider needs at least one offering") }
    }
    for (sourceID, source) in sourcesDeclared where !sources.used.contains(sourceID) {
      _ = source
      document.report(
        Diagnostic(
          "source `\(sourceID)` is declared but no fact cites it", at: root.location(of: "sources"),
          hint: "remove it, or cite it with `source: \(sourceID)` where it applies"))
    }
    guard let id, let name, let website else { return nil }
    return Provider(
      id: id, name: name, website: website, summary: summary,
      sources: sourcesDeclared.values.sorted { $0.id < $1.id }, entities: entities.map(\.id), offerings: offerings,
      file: document.file)
  }

  private var sourcesDeclared: [String: Source] { sources.sources }

  // MARK: - Entities

  private mutating func readEntity(_ value: YAMLValue) -> LegalEntity? {
    guard let fields = value.mapping("an entity", keys: Self.entityKeys) else { return nil }
    let id = fields.required("id")?.identifier("entity `id`")
    let what = "entity `\(id ?? "?")`"
    let block = YAMLMapping(entries: fields.entries, owner: fields.owner, what: what)
    let name = fields.required("name")?.string("`name` of \(what)")
    let kind = fields.required("kind")?.word("`kind` of \(what)", allowed: LegalEntity.Kind.allCases.map(\.rawValue))
      .flatMap(LegalEntity.Kind.init(rawValue:))
    let seat = country(fields.optional("seat"), "`seat` of \(what)")
    let headquarters = country(fields.optional("headquarters"), "`headquarters` of \(what)")
    let listed = fields.optional("listed")?.triState("`listed` of \(what)") ?? .unknown
    let ownersComplete = fields.optional("owners_complete")?.triState("`owners_complete` of \(what)") ?? .unknown
    let provenance = sources.provenance(of: block)
    sources.requireSource(
      provenance, for: block,
      statesFacts: seat?.isKnown == true || headquarters?.isKnown == true || listed != .unknown || ownersComplete != .unknown)
    var owners: [OwnershipEdge] = []
    if let list = fields.optional("owners")?.list("`owners` of \(what)") {
      for item in list { if let edge = readOwner(item, of: what) { owners.append(edge) } }
    }
    let capitalTotal = owners.compactMap(\.capital.value).reduce(0, +)
    let votesTotal = owners.compactMap(\.votes.value).reduce(0, +)
    if capitalTotal > 100.5 || votesTotal > 100.5 {
      fields["owners"]?.report(
        "the owners of \(what) add up to more than 100 % (capital \(YAMLValue.format(capitalTotal)) %, votes \(YAMLValue.format(votesTotal)) %)",
        hint: "check the percentages and their dates: holdings from different dates must not be mixed")
    }
    let aliases = readAliases(fields.optional("aliases"), what)
    guard let id, let name, let kind else { return nil }
    var entity = LegalEntity(
      id: id, name: name, kind: kind, seat: seat ?? .unknown, headquarters: headquarters ?? .unknown, listed: listed,
      owners: owners, ownersComplete: ownersComplete, declaredIn: document.file, provenance: provenance,
      location: value.location)
    entity.aliases = aliases
    return entity
  }

  /// An optional `aliases:` list of names (strings, none empty, no duplicates).
  private func readAliases(_ value: YAMLValue?, _ what: String) -> [String] {
    guard let list = value?.list("`aliases` of \(what)") else { return [] }
    var names: [String] = []
    for item in list {
      guard let name = item.string("an alias of \(what)") else { continue }
      if name.allSatisfy({ $0 == " " || $0 == "\t" }) {
        item.report("an alias of \(what) is empty")
      } else if names.contains(name) {
        item.report("alias `\(name)` of \(what) is listed twice")
      } else {
        names.append(name)
      }
    }
    return names
  }

  private mutating func readOwner(_ value: YAMLValue, of what: String) -> OwnershipEdge? {
    guard let fields = value.mapping("an owner of \(what)", keys: Self.ownerKeys) else { return nil }
    let owner = fields.required("owner", hint: "the id of the holding entity")?.identifier("`owner`")
    let edgeWhat = "ownership of \(what) by `\(owner ?? "?")`"
    let block = YAMLMapping(entries: fields.entries, owner: fields.owner, what: edgeWhat)
    let capital = percent(fields.optional("capital"), "`capital` of \(edgeWhat)")
    let votes = percent(fields.optional("votes"), "`votes` of \(edgeWhat)")
    let veto = fields.optional("veto")?.triState("`veto`") ?? .unknown
    let board = fields.optional("board_majority")?.triState("`board_majority`") ?? .unknown
    let controlling = fields.optional("controlling")?.triState("`controlling`") ?? .unknown
    if let capital = capital?.value, let votes = votes?.value, capital > 50 || votes > 50, controlling == .no {
      fields["controlling"]?.report("\(edgeWhat) says `controlling: no` but holds a majority (\(YAMLValue.format(max(capital, votes))) %)")
    }
    let provenance = sources.provenance(of: block)
    sources.requireSource(provenance, for: block, statesFacts: true)
    guard let owner else { return nil }
    return OwnershipEdge(
      owner: owner, capital: capital ?? .unknown, votes: votes ?? .unknown, veto: veto, boardMajority: board,
      controlling: controlling, provenance: provenance)
  }

  // MARK: - Offerings

  private mutating func readOffering(_ value: YAMLValue, providerID: String) -> Offering? {
    guard let fields = value.mapping("an offering", keys: Self.offeringKeys) else { return nil }
    let id = fields.required("id")?.identifier("offering `id`")
    let what = "offering `\(id ?? "?")`"
    let block = YAMLMapping(entries: fields.entries, owner: fields.owner, what: what)
    let name = fields.required("name")?.string("`name` of \(what)")
    let contracting = fields.required("contracting_entity", hint: "the id of the entity the customer signs with")?
      .identifier("`contracting_entity` of \(what)")
    let operators = fields.optional("operators")?.list("`operators` of \(what)")?.compactMap { $0.identifier("an operator id") } ?? []
    let types = fields.required("service_types", hint: "e.g. [iaas] or [paas, caas]")?.list("`service_types` of \(what)")?
      .compactMap {
        $0.word("a service type", allowed: Offering.ServiceType.allCases.map(\.rawValue)).flatMap(Offering.ServiceType.init(rawValue:))
      }
    if let types, types.isEmpty { fields["service_types"]?.report("`service_types` of \(what) is empty") }
    let provenance = sources.provenance(of: block)
    sources.requireSource(provenance, for: block, statesFacts: true)

    let regions = readRegions(fields.optional("regions"), what)
    let capabilities = readCapabilities(fields.optional("capabilities"), what)
    let openSource = readTriStateFact(fields.optional("open_source_stack"), "`open_source_stack` of \(what)")
    let certifications = readCertifications(fields.optional("certifications"), what)
    let transparency = fields.optional("hds_transparency").flatMap { readTransparency($0, what) }
    var subprocessors: [Subprocessor] = []
    if let list = fields.optional("subprocessors")?.list("`subprocessors` of \(what)") {
      for item in list { if let sub = readSubprocessor(item, what) { subprocessors.append(sub) } }
    }
    let notes = fields.optional("notes")?.string("`notes`")
    let aliases = readAliases(fields.optional("aliases"), what)
    guard let id, let name, let contracting, let types else { return nil }
    var offering = Offering(
      id: id, providerID: providerID, name: name, contractingEntity: contracting, operators: operators,
      serviceTypes: types, provenance: provenance, regions: regions, capabilities: capabilities,
      openSourceStack: openSource, certifications: certifications, hdsTransparency: transparency,
      subprocessors: subprocessors, notes: notes, location: value.location)
    offering.aliases = aliases
    return offering
  }

  private mutating func readRegions(_ value: YAMLValue?, _ what: String) -> Offering.Regions {
    guard let value else { return Offering.Regions() }
    if value.isUnknown { return Offering.Regions() }
    guard let fields = value.mapping("`regions` of \(what)", keys: ["list", "source"]) else { return Offering.Regions() }
    let provenance = sources.provenance(of: fields)
    var regions: [Region] = []
    if let list = fields.required("list")?.list("`regions.list` of \(what)") {
      for item in list {
        guard let region = item.mapping("a region", keys: ["country", "city", "name"]) else { continue }
        let country = knownCountry(region.required("country"), "`country` of a region", field: "regions")
        let city = region.optional("city")?.string("`city`")
        let name = region.optional("name")?.string("`name`")
        if let country { regions.append(Region(country: country, city: city, name: name)) }
      }
    }
    sources.requireSource(provenance, for: fields, statesFacts: !regions.isEmpty)
    return Offering.Regions(list: .known(regions), provenance: provenance)
  }

  private mutating func readCapabilities(_ value: YAMLValue?, _ what: String) -> Offering.Capabilities {
    guard let value, let fields = value.mapping("`capabilities` of \(what)", keys: ["list", "source"]) else {
      return Offering.Capabilities()
    }
    let provenance = sources.provenance(of: fields)
    var list: [String] = []
    for item in fields.required("list")?.list("`capabilities.list` of \(what)") ?? [] {
      guard let id = item.string("a capability") else { continue }
      if vocabulary.capabilities[id] == nil {
        item.report(
          "unknown capability `\(id)`",
          hint: Suggestions.hint(for: id, in: vocabulary.capabilities.keys)
            ?? "capabilities come from data/vocabularies/capabilities.yaml: add it there first")
      } else if !list.contains(id) {
        list.append(id)
      }
    }
    sources.requireSource(provenance, for: fields, statesFacts: !list.isEmpty)
    return Offering.Capabilities(list: list, provenance: provenance)
  }

  private mutating func readTriStateFact(_ value: YAMLValue?, _ what: String) -> Fact<TriState> {
    guard let value, let fields = value.mapping(what, keys: ["value", "source"]) else { return Fact(.unknown) }
    let state = fields.required("value")?.triState("`value` of \(what)") ?? .unknown
    let provenance = sources.provenance(of: fields)
    sources.requireSource(provenance, for: fields, statesFacts: state != .unknown)
    return Fact(state, provenance: provenance)
  }

  private mutating func readCertifications(_ value: YAMLValue?, _ what: String) -> Certifications {
    guard let value, let fields = value.mapping("`certifications` of \(what)", keys: ["hds", "secnumcloud", "others"]) else {
      return Certifications()
    }
    var result = Certifications()
    if let hds = fields.optional("hds") { result.hds = readHDS(hds, what) }
    if let snc = fields.optional("secnumcloud") { result.secNumCloud = readSecNumCloud(snc, what) }
    for item in fields.optional("others")?.list("`certifications.others` of \(what)") ?? [] {
      if let other = readOther(item, what) { result.others.append(other) }
    }
    return result
  }

  private mutating func readHDS(_ value: YAMLValue, _ what: String) -> HDSCertification? {
    let keys = ["status", "activities", "referential", "body", "certificate", "valid_until", "regions", "source", "notes"]
    guard let raw = value.mapping("the HDS certification of \(what)", keys: keys) else { return nil }
    let fields = YAMLMapping(entries: raw.entries, owner: raw.owner, what: "the HDS certification of \(what)")
    let status = fields.required("status", hint: "certified, not-certified or unknown")?
      .word("HDS `status`", allowed: CertificationStatus.allCases.map(\.rawValue)).flatMap(CertificationStatus.init(rawValue:))
    var activities: Known<[Int]> = .unknown
    if let value = fields.optional("activities"), !value.isUnknown, let list = value.list("HDS `activities`") {
      let numbers = list.compactMap { item -> Int? in
        guard let n = item.integer("an HDS activity", in: 1...6) else { return nil }
        return n
      }
      if Set(numbers).count != numbers.count { value.report("HDS `activities` lists an activity twice") }
      if numbers.isEmpty && !list.isEmpty { activities = .unknown } else { activities = .known(Array(Set(numbers)).sorted()) }
      if list.isEmpty { value.report("HDS `activities` is empty", hint: "list the activities 1-6 certified, or write unknown") }
    }
    let referential = knownWord(fields.optional("referential"), "HDS `referential`", allowed: ["1.1", "2.0"])
    let body = knownString(fields.optional("body"), "HDS `body`")
    let certificate = knownString(fields.optional("certificate"), "HDS `certificate`")
    let validUntil = knownDate(fields.optional("valid_until"), "HDS `valid_until`")
    var regions: Known<[String]> = .unknown
    if let value = fields.optional("regions"), !value.isUnknown, let list = value.list("HDS `regions`") {
      regions = .known(countries(list, "an HDS region country", field: "regions"))
    }
    let provenance = sources.provenance(of: fields)
    let statesFacts =
      (status != nil && status != .unknown) || activities.isKnown || referential.isKnown || body.isKnown
      || certificate.isKnown || validUntil.isKnown || regions.isKnown
    sources.requireSource(provenance, for: fields, statesFacts: statesFacts)
    if status == .notCertified && activities.isKnown {
      fields["activities"]?.report("an HDS block with status not-certified cannot list certified activities")
    }
    guard let status else { return nil }
    return HDSCertification(
      status: status, activities: activities, referential: referential, body: body, certificate: certificate,
      validUntil: validUntil, regions: regions, provenance: provenance)
  }

  private mutating func readSecNumCloud(_ value: YAMLValue, _ what: String) -> SecNumCloudQualification? {
    let keys = [
      "status", "milestone", "referential", "qualified_on", "valid_until", "decision", "service_type", "source", "notes",
    ]
    guard let raw = value.mapping("the SecNumCloud qualification of \(what)", keys: keys) else { return nil }
    let fields = YAMLMapping(entries: raw.entries, owner: raw.owner, what: "the SecNumCloud qualification of \(what)")
    let status = fields.required("status", hint: "qualified, in-progress, none or unknown")?
      .word("SecNumCloud `status`", allowed: SecNumCloudQualification.Status.allCases.map(\.rawValue))
      .flatMap(SecNumCloudQualification.Status.init(rawValue:))
    let milestone = knownWord(fields.optional("milestone"), "SecNumCloud `milestone`", allowed: ["J0", "J1", "J2", "J3"])
    let referential = knownWord(fields.optional("referential"), "SecNumCloud `referential`", allowed: ["3.1", "3.2"])
    let qualifiedOn = knownDate(fields.optional("qualified_on"), "SecNumCloud `qualified_on`")
    let validUntil = knownDate(fields.optional("valid_until"), "SecNumCloud `valid_until`")
    let decision = knownString(fields.optional("decision"), "SecNumCloud `decision`")
    let serviceType = knownWord(
      fields.optional("service_type"), "SecNumCloud `service_type`", allowed: Offering.ServiceType.allCases.map(\.rawValue))
    if milestone.isKnown, status != .inProgress {
      fields["milestone"]?.report("a SecNumCloud `milestone` only applies to status in-progress")
    }
    if let q = qualifiedOn.value, let v = validUntil.value, v < q {
      fields["valid_until"]?.report("SecNumCloud `valid_until` (\(v)) is before `qualified_on` (\(q))")
    }
    let provenance = sources.provenance(of: fields)
    let statesFacts =
      (status != nil && status != .unknown) || milestone.isKnown || referential.isKnown || qualifiedOn.isKnown
      || validUntil.isKnown || decision.isKnown || serviceType.isKnown
    sources.requireSource(provenance, for: fields, statesFacts: statesFacts)
    guard let status else { return nil }
    return SecNumCloudQualification(
      status: status, milestone: milestone, referential: referential, qualifiedOn: qualifiedOn, validUntil: validUntil,
      decision: decision, serviceType: serviceType, provenance: provenance)
  }

  private mutating func readOther(_ value: YAMLValue, _ what: String) -> OtherCertification? {
    guard let raw = value.mapping("a certification of \(what)", keys: ["scheme", "status", "level", "valid_until", "source", "notes"])
    else { return nil }
    let scheme = raw.required("scheme")?.word("certification `scheme`", allowed: OtherCertification.schemes)
    let fields = YAMLMapping(entries: raw.entries, owner: raw.owner, what: "the \(scheme ?? "?") certification of \(what)")
    let status = fields.required("status")?.word("certification `status`", allowed: CertificationStatus.allCases.map(\.rawValue))
      .flatMap(CertificationStatus.init(rawValue:))
    let level = knownString(fields.optional("level"), "certification `level`")
    let validUntil = knownDate(fields.optional("valid_until"), "certification `valid_until`")
    let provenance = sources.provenance(of: fields)
    sources.requireSource(
      provenance, for: fields, statesFacts: (status != nil && status != .unknown) || level.isKnown || validUntil.isKnown)
    guard let scheme, let status else { return nil }
    return OtherCertification(scheme: scheme, status: status, level: level, validUntil: validUntil, provenance: provenance)
  }

  private mutating func readTransparency(_ value: YAMLValue, _ what: String) -> HDSTransparency? {
    let keys = [
      "eea_only_storage", "non_eea_access", "access_countries", "third_country_law_risk", "transfer_mapping_url", "source",
      "notes",
    ]
    guard let raw = value.mapping("`hds_transparency` of \(what)", keys: keys) else { return nil }
    let fields = YAMLMapping(entries: raw.entries, owner: raw.owner, what: "`hds_transparency` of \(what)")
    let eea = fields.optional("eea_only_storage")?.triState("`eea_only_storage`") ?? .unknown
    let access = fields.optional("non_eea_access")?.triState("`non_eea_access`") ?? .unknown
    let risk = fields.optional("third_country_law_risk")?.triState("`third_country_law_risk`") ?? .unknown
    var countries: Known<[String]> = .unknown
    if let value = fields.optional("access_countries"), !value.isUnknown, let list = value.list("`access_countries`") {
      countries = .known(self.countries(list, "an access country", field: "access_countries"))
    }
    var mapping: Known<String> = .unknown
    if let value = fields.optional("transfer_mapping_url"), !value.isUnknown, let url = value.url("`transfer_mapping_url`") {
      mapping = .known(url)
    }
    let provenance = sources.provenance(of: fields)
    sources.requireSource(
      provenance, for: fields,
      statesFacts: eea != .unknown || access != .unknown || risk != .unknown || countries.isKnown || mapping.isKnown)
    return HDSTransparency(
      eeaOnlyStorage: eea, nonEEAAccess: access, accessCountries: countries, thirdCountryLawRisk: risk,
      transferMappingURL: mapping, provenance: provenance)
  }

  private mutating func readSubprocessor(_ value: YAMLValue, _ what: String) -> Subprocessor? {
    guard let raw = value.mapping("a subprocessor of \(what)", keys: ["entity", "role", "access", "access_countries", "source", "notes"])
    else { return nil }
    let entity = raw.required("entity")?.identifier("subprocessor `entity`")
    let fields = YAMLMapping(entries: raw.entries, owner: raw.owner, what: "subprocessor `\(entity ?? "?")` of \(what)")
    let role = fields.optional("role")?.string("`role`")
    let access = fields.optional("access")?.triState("`access`") ?? .unknown
    var countries: Known<[String]> = .unknown
    if let value = fields.optional("access_countries"), !value.isUnknown, let list = value.list("`access_countries`") {
      countries = .known(self.countries(list, "an access country", field: "access_countries"))
    }
    let provenance = sources.provenance(of: fields)
    sources.requireSource(provenance, for: fields, statesFacts: true)
    guard let entity else { return nil }
    return Subprocessor(entity: entity, role: role, access: access, accessCountries: countries, provenance: provenance)
  }

  // MARK: - Values

  /// The codes of a list of countries. `unknown` is refused as an entry: a list that holds an
  /// unknown country is not known to be complete, and read without it would look complete (a
  /// list of access countries decides the reach of foreign laws).
  private func countries(_ list: [YAMLValue], _ what: String, field: String) -> [String] {
    list.compactMap { knownCountry($0, what, field: field) }
  }

  /// A country code where only a known country can stand (an entry of `field`'s list).
  private func knownCountry(_ value: YAMLValue?, _ what: String, field: String) -> String? {
    if let value, value.isUnknown {
      value.report(
        "\(what): `unknown` cannot be one entry of `\(field)`",
        hint: "write `\(field): unknown` when the list is not known to be complete, or list only known countries")
      return nil
    }
    return country(value, what)?.value
  }

  private func country(_ value: YAMLValue?, _ what: String) -> Known<String>? {
    guard let value else { return nil }
    if value.isUnknown { return .unknown }
    guard let code = value.string(what) else { return nil }
    guard vocabulary.countries[code] != nil else {
      value.report(
        "\(what): unknown country code `\(code)`",
        hint: Suggestions.hint(for: code.uppercased(), in: vocabulary.countries.keys)
          ?? "use an ISO 3166-1 alpha-2 code listed in data/vocabularies/countries.yaml, e.g. FR")
      return nil
    }
    return .known(code)
  }

  private func percent(_ value: YAMLValue?, _ what: String) -> Known<Double>? {
    guard let value else { return nil }
    if value.isUnknown { return .unknown }
    return value.number(what, in: 0...100).map { .known($0) }
  }

  private func knownString(_ value: YAMLValue?, _ what: String) -> Known<String> {
    guard let value, !value.isUnknown else { return .unknown }
    return Known(value.string(what))
  }

  private func knownWord(_ value: YAMLValue?, _ what: String, allowed: [String]) -> Known<String> {
    guard let value, !value.isUnknown else { return .unknown }
    return Known(value.word(what, allowed: allowed))
  }

  private func knownDate(_ value: YAMLValue?, _ what: String) -> Known<CalendarDate> {
    guard let value, !value.isUnknown else { return .unknown }
    return Known(value.date(what))
  }
}
