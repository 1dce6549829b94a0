import Foundation

/// One what-if: "suppose this catalog fact had this value" (`--assume ID.FACT=VALUE`).
///
/// Parsed and checked against a catalog with ``parse(_:in:)``; applied with
/// ``Catalog/assuming(_:on:)``, which gives the overridden facts a source of kind
/// ``SourceKind/assumption`` (grade ``EvidenceGrade/assumed``, below secondary), so every verdict
/// that reads them says it rests on an assumption and none is mistaken for evidence.
public struct Assumption: Sendable, Hashable, Codable {
  /// The entity or offering id.
  public var id: String
  public var fact: AssumableFact
  /// The value, normalised (e.g. `FR,DE`, `yes`, `2027-06-30`).
  public var value: String
  /// The assumption as written by the user.
  public var text: String
  let parsed: Value

  /// A parsed value.
  enum Value: Sendable, Hashable {
    case tri(TriState)
    case country(Known<String>)
    case countries(Known<[String]>)
    case hdsStatus(CertificationStatus)
    case activities(Known<[Int]>)
    case word(Known<String>)
    case date(Known<CalendarDate>)
    case secNumCloudStatus(SecNumCloudQualification.Status)
  }

  /// `id.fact=value`, as shown to a reader.
  public var canonical: String { "\(id).\(fact.rawValue)=\(value)" }

  enum CodingKeys: String, CodingKey {
    case id, fact, value, text, subject
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(id, forKey: .id)
    try c.encode(fact, forKey: .fact)
    try c.encode(fact.subject, forKey: .subject)
    try c.encode(value, forKey: .value)
    try c.encode(text, forKey: .text)
  }

  /// Reads an assumption as encoded; the value is checked against its fact (not against a catalog).
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    let fact = try c.decode(AssumableFact.self, forKey: .fact)
    let text = try c.decode(String.self, forKey: .value)
    guard let value = try? Self.parseValue(text, fact: fact, countries: nil) else {
      throw DecodingError.dataCorruptedError(forKey: .value, in: c, debugDescription: "not a value of `\(fact.rawValue)`: \(fact.acceptedValues)")
    }
    self.init(
      id: try c.decode(String.self, forKey: .id), fact: fact, value: value.normalized, text: try c.decode(String.self, forKey: .text),
      parsed: value.value)
  }

  init(id: String, fact: AssumableFact, value: String, text: String, parsed: Value) {
    self.id = id
    self.fact = fact
    self.value = value
    self.text = text
    self.parsed = parsed
  }

  /// Parses `ID.FACT=VALUE` and checks it against `catalog`: the id must name a legal entity
  /// (entity facts) or an offering (offering facts), the fact must be one of ``AssumableFact``,
  /// the value one the fact accepts. Throws ``AssumptionError`` with a did-you-mean otherwise.
  public static func parse(_ text: String, in catalog: Catalog) throws(AssumptionError) -> Assumption {
    func fail(_ message: String) -> AssumptionError { AssumptionError(text: text, message: message) }
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    guard let equals = trimmed.firstIndex(of: "=") else {
      throw fail("expected ID.FACT=VALUE, e.g. clever-cloud-sas.owners_complete=yes (no `=` found)")
    }
    let left = trimmed[..<equals]
    let rawValue = String(trimmed[trimmed.index(after: equals)...]).trimmingCharacters(in: .whitespaces)
    guard let dot = left.firstIndex(of: "."), left.startIndex != dot, left.index(after: dot) != left.endIndex else {
      throw fail("expected ID.FACT=VALUE, e.g. clever-cloud-paas-hds.access_countries=FR (no `.` between the id and the fact)")
    }
    let id = String(left[..<dot]).trimmingCharacters(in: .whitespaces)
    let factName = left[left.index(after: dot)...].trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ".", with: "_")
    let isEntity = catalog.entities[id] != nil
    let isOffering = catalog.offering(id: id) != nil
    guard isEntity || isOffering else {
      if let provider = catalog.provider(id: id) {
        let entities = provider.entities.map { "`\($0)`" }.joined(separator: ", ")
        let offerings = provider.offerings.map { "`\($0.id)`" }.joined(separator: ", ")
        throw fail(
          "`\(id)` is a provider; an assumption names one of its legal entities (\(entities.isEmpty ? "none" : entities)) "
            + "or one of its offerings (\(offerings.isEmpty ? "none" : offerings))")
      }
      let hint = Suggestions.hint(for: id, in: Array(catalog.entities.keys) + catalog.offerings.map(\.id))
      throw fail("no legal entity or offering has the id `\(id)`" + (hint.map { ": \($0)" } ?? " (see `sovereign providers` and `sovereign show PROVIDER`)"))
    }
    let allowed = (isEntity ? AssumableFact.facts(of: .entity) : []) + (isOffering ? AssumableFact.facts(of: .offering) : [])
    guard let fact = AssumableFact(rawValue: factName), allowed.contains(fact) else {
      let what = isEntity ? "legal entity" : "offering"
      var message = "`\(factName)` is not a fact that can be assumed for the \(what) `\(id)`"
      if let other = AssumableFact(rawValue: factName) {
        message += " (it is a fact of \(other.subject == .entity ? "a legal entity" : "an offering"))"
      } else if let hint = Suggestions.hint(for: factName, in: allowed.map(\.rawValue)) {
        message += ": \(hint)"
      }
      throw fail(message + "; facts: " + allowed.map(\.rawValue).joined(separator: ", "))
    }
    guard let value = try? parseValue(rawValue, fact: fact, countries: Set(catalog.countries.keys)) else {
      throw fail("`\(rawValue)` is not a value of `\(fact.rawValue)`; accepted: \(fact.acceptedValues)")
    }
    return Assumption(id: id, fact: fact, value: value.normalized, text: text, parsed: value.value)
  }

  private struct Invalid: Error {}

  /// Parses a value of `fact`; `countries` are the country codes the catalog knows (nil: any code).
  private static func parseValue(_ text: String, fact: AssumableFact, countries: Set<String>?) throws -> (value: Value, normalized: String) {
    let word = text.lowercased()
    func tri() throws -> TriState {
      guard let value = TriState(rawValue: word) else { throw Invalid() }
      return value
    }
    func country(_ code: String) throws -> String {
      let upper = code.trimmingCharacters(in: .whitespaces).uppercased()
      guard upper.count == 2, upper.allSatisfy({ $0.isASCII && $0.isLetter }), countries?.contains(upper) ?? true else { throw Invalid() }
      return upper
    }
    func list<T>(_ item: (String) throws -> T) throws -> [T] {
      let parts = text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      guard !parts.isEmpty else { throw Invalid() }
      return try parts.map(item)
    }
    switch fact {
    case .ownersComplete, .nonEEAAccess, .eeaOnlyStorage:
      let value = try tri()
      return (.tri(value), value.rawValue)
    case .seat, .headquarters:
      if word == "unknown" { return (.country(.unknown), "unknown") }
      let code = try country(text)
      return (.country(.known(code)), code)
    case .accessCountries, .regions:
      if word == "unknown" { return (.countries(.unknown), "unknown") }
      if word == "none" && fact == .accessCountries { return (.countries(.known([])), "none") }
      var codes: [String] = []
      for code in try list(country) where !codes.contains(code) { codes.append(code) }
      return (.countries(.known(codes)), codes.joined(separator: ","))
    case .hdsStatus:
      guard let status = CertificationStatus(rawValue: word) else { throw Invalid() }
      return (.hdsStatus(status), status.rawValue)
    case .hdsActivities:
      if word == "unknown" { return (.activities(.unknown), "unknown") }
      let numbers = try list { part -> Int in
        guard let n = Int(part.trimmingCharacters(in: .whitespaces)), (1...6).contains(n) else { throw Invalid() }
        return n
      }
      let sorted = Array(Set(numbers)).sorted()
      return (.activities(.known(sorted)), sorted.map(String.init).joined(separator: ","))
    case .hdsReferential, .secNumCloudReferential:
      if word == "unknown" { return (.word(.unknown), "unknown") }
      let accepted = fact == .hdsReferential ? ["1.1", "2.0"] : ["3.1", "3.2"]
      guard accepted.contains(word) else { throw Invalid() }
      return (.word(.known(word)), word)
    case .hdsValidUntil, .secNumCloudValidUntil:
      if word == "unknown" { return (.date(.unknown), "unknown") }
      guard let date = CalendarDate(iso: text) else { throw Invalid() }
      return (.date(.known(date)), date.description)
    case .secNumCloudStatus:
      guard let status = SecNumCloudQualification.Status(rawValue: word) else { throw Invalid() }
      return (.secNumCloudStatus(status), status.rawValue)
    }
  }
}
