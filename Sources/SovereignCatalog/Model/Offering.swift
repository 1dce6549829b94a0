/// A service sold by a provider (e.g. "OVHcloud Public Cloud", "Outscale IaaS (SecNumCloud region)").
///
/// Certifications are per offering, not per company: a provider can be HDS-certified or
/// SecNumCloud-qualified for some services and regions only.
public struct Offering: Sendable, Hashable, Codable {
  /// Service models, as in the contract.
  public enum ServiceType: String, Sendable, Hashable, Codable, CaseIterable {
    case iaas, paas, caas, saas
  }

  public var id: String
  public var providerID: String
  public var name: String
  /// Other names under which official lists print this service (e.g. the ANSSI catalogue's
  /// "Bare Metal Pod"), used to match list rows.
  public var aliases: [String] = []
  /// The legal entity the customer signs with.
  public var contractingEntity: String
  /// Entities that operate the service, when different from the contracting entity.
  public var operators: [String]
  public var serviceTypes: [ServiceType]
  /// Provenance of the name, service types and contracting entity.
  public var provenance: Provenance
  public var regions: Regions
  public var capabilities: Capabilities
  /// Whether the software stack is open source.
  public var openSourceStack: Fact<TriState>
  public var certifications: Certifications
  public var hdsTransparency: HDSTransparency?
  public var subprocessors: [Subprocessor]
  public var notes: String?
  public var location = SourceLocation(file: "")

  public init(
    id: String, providerID: String, name: String, contractingEntity: String, operators: [String] = [],
    serviceTypes: [ServiceType], provenance: Provenance, regions: Regions = Regions(),
    capabilities: Capabilities = Capabilities(), openSourceStack: Fact<TriState> = Fact(.unknown),
    certifications: Certifications = Certifications(), hdsTransparency: HDSTransparency? = nil,
    subprocessors: [Subprocessor] = [], notes: String? = nil, location: SourceLocation = SourceLocation(file: "")
  ) {
    self.id = id
    self.providerID = providerID
    self.name = name
    self.contractingEntity = contractingEntity
    self.operators = operators
    self.serviceTypes = serviceTypes
    self.provenance = provenance
    self.regions = regions
    self.capabilities = capabilities
    self.openSourceStack = openSourceStack
    self.certifications = certifications
    self.hdsTransparency = hdsTransparency
    self.subprocessors = subprocessors
    self.notes = notes
    self.location = location
  }

  enum CodingKeys: String, CodingKey {
    case id
    case providerID = "provider_id"
    case name, aliases
    case contractingEntity = "contracting_entity"
    case operators
    case serviceTypes = "service_types"
    case provenance, regions, capabilities
    case openSourceStack = "open_source_stack"
    case certifications
    case hdsTransparency = "hds_transparency"
    case subprocessors, notes
  }

  /// Where the offering stores data.
  public struct Regions: Sendable, Hashable, Codable {
    /// The regions; `.unknown` when no source lists them.
    public var list: Known<[Region]>
    public var provenance: Provenance

    public init(list: Known<[Region]> = .unknown, provenance: Provenance = Provenance()) {
      self.list = list
      self.provenance = provenance
    }
  }

  /// What the offering can do, from `data/vocabularies/capabilities.yaml`.
  public struct Capabilities: Sendable, Hashable, Codable {
    /// Capability ids known to be offered. Absence of an id means "not known to be offered".
    public var list: [String]
    public var provenance: Provenance

    public init(list: [String] = [], provenance: Provenance = Provenance()) {
      self.list = list
      self.provenance = provenance
    }
  }
}

/// A region or site where an offering stores data.
public struct Region: Sendable, Hashable, Codable {
  /// ISO alpha-2 country code.
  public var country: String
  public var city: String?
  /// The provider's own region or zone name (e.g. `eu-west-3`).
  public var name: String?

  public init(country: String, city: String? = nil, name: String? = nil) {
    self.country = country
    self.city = city
    self.name = name
  }
}

/// One fact with its provenance.
///
/// The value's conformances are required by the extensions below, not by the type itself: a
/// generic type's own requirements are checked by the Swift runtime each time it first builds the
/// type's metadata for a new `Value`, which costs a search of every protocol conformance in the
/// binary (the loaded catalog builds a dozen such types).
public struct Fact<Value> {
  public var value: Value
  public var provenance: Provenance

  public init(_ value: Value, provenance: Provenance = Provenance()) {
    self.value = value
    self.provenance = provenance
  }
}

extension Fact: Sendable where Value: Sendable {}
extension Fact: Equatable where Value: Equatable {}
extension Fact: Hashable where Value: Hashable {}
extension Fact: Encodable where Value: Encodable {}
extension Fact: Decodable where Value: Decodable {}

/// A third party involved in running an offering (HDS 2.0 transfer mapping).
public struct Subprocessor: Sendable, Hashable, Codable {
  /// Entity id of the subprocessor.
  public var entity: String
  public var role: String?
  /// Whether it has technical access to customer data.
  public var access: TriState
  /// Countries from which it can access data.
  public var accessCountries: Known<[String]>
  public var provenance: Provenance

  public init(
    entity: String, role: String? = nil, access: TriState = .unknown, accessCountries: Known<[String]> = .unknown,
    provenance: Provenance = Provenance()
  ) {
    self.entity = entity
    self.role = role
    self.access = access
    self.accessCountries = accessCountries
    self.provenance = provenance
  }

  enum CodingKeys: String, CodingKey {
    case entity, role, access
    case accessCountries = "access_countries"
    case provenance
  }
}
