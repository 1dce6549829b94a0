// How ``CompactReader`` reads each model type of the compiled catalog: the fields and keys of the
// type's `Codable` form (its `CodingKeys`, or the property names where it has none); optionals
// may be absent; `Known` values are `unknown` or the value. `CompiledCatalogTests` checks that
// the result equals both the catalog loaded from `data/` and what the `Codable` decoder reads
// from the same bytes.

extension CompiledCatalog.Header: CompactReadable {
  init(compact value: CompactReader) throws {
    let o = try value.object()
    self.init(
      version: try o.required("version").int(),
      entities: try o.required("entities").dictionary(LegalEntity.init(compact:)),
      laws: try o.required("laws").array(of: Law.self),
      countries: try o.required("countries").dictionary(Country.init(compact:)),
      capabilities: try o.required("capabilities").dictionary { try $0.string() },
      rules: try o.required("rules").array(of: DerivationRule.self),
      offeringLocations: try o.required("offeringLocations").array { try $0.array(of: SourceLocation.self) },
      entityLocations: try o.required("entityLocations").dictionary(SourceLocation.init(compact:)))
  }
}

extension Source: CompactReadable {
  init(compact value: CompactReader) throws {
    let o = try value.object()
    self.init(
      id: try o.string("id"), url: try o.string("url"), title: try o.optionalString("title"),
      asOf: try o.required("as_of").date(), kind: try o.required("kind").raw(SourceKind.self))
  }
}

extension Provenance: CompactReadable {
  init(compact value: CompactReader) throws {
    self.init(try value.object().required("sources").array(of: Source.self))
  }
}

extension SourceLocation: CompactReadable {
  init(compact value: CompactReader) throws {
    let o = try value.object()
    self.init(file: try o.string("file"), line: try o.required("line").int(), column: try o.required("column").int())
  }
}

extension Provider: CompactReadable {
  init(compact value: CompactReader) throws {
    let o = try value.object()
    self.init(
      id: try o.string("id"), name: try o.string("name"), website: try o.string("website"),
      summary: try o.optionalString("summary"), sources: try o.required("sources").array(of: Source.self),
      entities: try o.strings("entities"), offerings: try o.required("offerings").array(of: Offering.self),
      file: try o.string("file"))
  }
}

extension Offering: CompactReadable {
  init(compact value: CompactReader) throws {
    let o = try value.object()
    self.init(
      id: try o.string("id"), providerID: try o.string("provider_id"), name: try o.string("name"),
      contractingEntity: try o.string("contracting_entity"), operators: try o.strings("operators"),
      serviceTypes: try o.required("service_types").array { try $0.raw(ServiceType.self) },
      provenance: try o.provenance(), regions: try Regions(compact: o.required("regions")),
      capabilities: try Capabilities(compact: o.required("capabilities")),
      openSourceStack: try Fact(compact: o.required("open_source_stack")),
      certifications: try Certifications(compact: o.required("certifications")),
      hdsTransparency: try o.optional("hds_transparency").map(HDSTransparency.init(compact:)),
      subprocessors: try o.required("subprocessors").array(of: Subprocessor.self), notes: try o.optionalString("notes"))
    aliases = try o.strings("aliases")
  }
}

extension Offering.Regions: CompactReadable {
  init(compact value: CompactReader) throws {
    let o = try value.object()
    self.init(list: try o.required("list").known { try $0.array(of: Region.self) }, provenance: try o.provenance())
  }
}

extension Offering.Capabilities: CompactReadable {
  init(compact value: CompactReader) throws {
    let o = try value.object()
    self.init(list: try o.strings("list"), provenance: try o.provenance())
  }
}

extension Region: CompactReadable {
  init(compact value: CompactReader) throws {
    let o = try value.object()
    self.init(country: try o.string("country"), city: try o.optionalString("city"), name: try o.optionalString("name"))
  }
}

extension Fact<TriState>: CompactReadable {
  init(compact value: CompactReader) throws {
    let o = try value.object()
    self.init(try o.triState("value"), provenance: try o.provenance())
  }
}

extension Subprocessor: CompactReadable {
  init(compact value: CompactReader) throws {
    let o = try value.object()
    self.init(
      entity: try o.string("entity"), role: try o.optionalString("role"), access: try o.triState("access"),
      accessCountries: try o.knownStrings("access_countries"), provenance: try o.provenance())
  }
}

extension Certifications: CompactReadable {
  init(compact value: CompactReader) throws {
    let o = try value.object()
    self.init(
      hds: try o.optional("hds").map(HDSCertification.init(compact:)),
      secNumCloud: try o.optional("secnumcloud").map(SecNumCloudQualification.init(compact:)),
      others: try o.required("others").array(of: OtherCertification.self))
  }
}

extension HDSCertification: CompactReadable {
  init(compact value: CompactReader) throws {
    let o = try value.object()
    self.init(
      status: try o.required("status").raw(CertificationStatus.self),
      activities: try o.required("activities").known { try $0.array { try $0.int() } },
      referential: try o.knownString("referential"), body: try o.knownString("body"),
      certificate: try o.knownString("certificate"), validUntil: try o.knownDate("valid_until"),
      regions: try o.knownStrings("regions"), provenance: try o.provenance())
  }
}

extension SecNumCloudQualification: CompactReadable {
  init(compact value: CompactReader) throws {
    let o = try value.object()
    self.init(
      status: try o.required("status").raw(Status.self), milestone: try o.knownString("milestone"),
      referential: try o.knownString("referential"), qualifiedOn: try o.knownDate("qualified_on"),
      validUntil: try o.knownDate("valid_until"), decision: try o.knownString("decision"),
      serviceType: try o.knownString("service_type"), provenance: try o.provenance())
  }
}

extension OtherCertification: CompactReadable {
  init(compact value: CompactReader) throws {
    let o = try value.object()
    self.init(
      scheme: try o.string("scheme"), status: try o.required("status").raw(CertificationStatus.self),
      level: try o.knownString("level"), validUntil: try o.knownDate("valid_until"), provenance: try o.provenance())
  }
}

extension HDSTransparency: CompactReadable {
  init(compact value: CompactReader) throws {
    let o = try value.object()
    self.init(
      eeaOnlyStorage: try o.triState("eea_only_storage"), nonEEAAccess: try o.triState("non_eea_access"),
      accessCountries: try o.knownStrings("access_countries"), thirdCountryLawRisk: try o.triState("third_country_law_risk"),
      transferMappingURL: try o.knownString("transfer_mapping_url"), provenance: try o.provenance())
  }
}

extension LegalEntity: CompactReadable {
  init(compact value: CompactReader) throws {
    let o = try value.object()
    self.init(
      id: try o.string("id"), name: try o.string("name"), kind: try o.required("kind").raw(Kind.self),
      seat: try o.knownString("seat"), headquarters: try o.knownString("headquarters"), listed: try o.triState("listed"),
      owners: try o.required("owners").array(of: OwnershipEdge.self), ownersComplete: try o.triState("owners_complete"),
      declaredIn: try o.string("declared_in"), provenance: try o.provenance())
    aliases = try o.strings("aliases")
  }
}

extension OwnershipEdge: CompactReadable {
  init(compact value: CompactReader) throws {
    let o = try value.object()
    self.init(
      owner: try o.string("owner"), capital: try o.required("capital").known { try $0.double() },
      votes: try o.required("votes").known { try $0.double() }, veto: try o.triState("veto"),
      boardMajority: try o.triState("board_majority"), controlling: try o.triState("controlling"), provenance: try o.provenance())
  }
}

extension Law: CompactReadable {
  init(compact value: CompactReader) throws {
    let o = try value.object()
    self.init(
      id: try o.string("id"), name: try o.string("name"), jurisdiction: try o.strings("jurisdiction"),
      citation: try o.string("citation"), summary: try o.string("summary"), extraterritorial: try o.required("extraterritorial").bool(),
      reach: try o.required("reach").array { try $0.raw(ReachRule.self) }, provenance: try o.provenance(), file: try o.string("file"))
  }
}

extension Country: CompactReadable {
  init(compact value: CompactReader) throws {
    let o = try value.object()
    self.init(
      code: try o.string("code"), name: try o.string("name"), isEU: try o.required("isEU").bool(), isEEA: try o.required("isEEA").bool())
  }
}

extension DerivationRule: CompactReadable {
  init(compact value: CompactReader) throws {
    let o = try value.object()
    self.init(
      id: try o.string("id"), kind: try o.required("kind").raw(Kind.self), statement: try o.string("statement"),
      referential: try o.string("referential"), since: try o.required("since").date(),
      validityYears: try o.optional("validity_years")?.int(), provenance: try o.provenance(), file: try o.string("file"))
  }
}
