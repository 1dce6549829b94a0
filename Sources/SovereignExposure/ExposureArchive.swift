import SovereignCatalogCore

/// A compact binary form of offering assessments made ahead of time, read back several times
/// faster than the engine makes them: the build assesses the bundled catalog's offerings (on
/// the basis of no SecNumCloud evidence, and for a qualified offering also on the basis of a day
/// its qualification is evidence: ``ExposureEngine/Basis``) and embeds them in this form, so
/// `sovereign rank` only dates those whose basis is the day's (``ExposureEngine/assessment(of:from:)``).
///
/// Each ``Entry`` holds the day its basis was taken on and what does not depend on the day: the
/// offering's ids and name, its verdict for every law (detail, path, missing facts, sources,
/// grade, derivation rules), the seat fact, the § 19.6 check, the HDS transparency summary and
/// the attestation conflicts. It leaves out the day, the certificate notices and the assumptions
/// (which ``ExposureEngine/dated(_:of:)`` sets) and the ownership reports (which no verdict
/// reads; ``ExposureEngine/ownershipReports(of:)`` gives them): decoding gives back exactly the
/// entries encoded, with those four left empty.
///
/// Layout, every integer unsigned LEB128: the format ``version``; the string table (count, then
/// each string's UTF-8 length and bytes); the source table (count, then each source's id, url,
/// title or none, date as year, month, day, and kind); the entries (count, then each: 0 or 1
/// and the basis day as year, month, day, then the assessment). A
/// string is written as its index in the table and a source as its index in the source table:
/// the same sources are cited by many verdicts and many texts repeat (laws' names, missing
/// facts), so each is decoded once and then shared. Enumerations are written as their raw values.
///
/// Written by hand rather than with `Codable`: reading `Codable` containers costs the Swift
/// runtime a scan of the binary's protocol conformances per container type (see
/// `CompactReader` in the catalog module), which is what this form exists to avoid.
public enum ExposureArchive {
  /// Bumped when the layout changes; a different version is refused on decoding.
  public static let version = 1

  /// Bytes that are not an archive of this version.
  public struct Corrupt: Error, CustomStringConvertible {
    public let description: String
  }

  /// One assessment made ahead of time, and the day whose basis it was made on.
  public struct Entry: Sendable, Hashable {
    /// Made by ``ExposureEngine/assess(offering:basis:ownership:)``, without ownership reports.
    public var assessment: OfferingExposure
    /// The basis is that of the offering on this day (``ExposureEngine/basis(of:on:rules:)``);
    /// nil: ``ExposureEngine/Basis/none``.
    public var basisDay: CalendarDate?

    public init(assessment: OfferingExposure, basisDay: CalendarDate?) {
      self.assessment = assessment
      self.basisDay = basisDay
    }
  }

  /// The archive of `entries`.
  public static func encode(_ entries: [Entry]) -> [UInt8] {
    var writer = Writer()
    writer.count(entries.count)
    for entry in entries {
      writer.bool(entry.basisDay != nil)
      if let day = entry.basisDay {
        writer.count(day.year)
        writer.count(day.month)
        writer.count(day.day)
      }
      writer.offering(entry.assessment)
    }
    return writer.archive()
  }

  /// The entries of an archive written by ``encode(_:)``, in the same order.
  public static func decode(_ bytes: UnsafeRawBufferPointer) throws(Corrupt) -> [Entry] {
    var reader = try Reader(bytes)
    let total = try reader.count()
    var result: [Entry] = []
    result.reserveCapacity(total)
    for _ in 0..<total {
      let day = try reader.bool() ? try reader.day() : nil
      result.append(Entry(assessment: try reader.offering(), basisDay: day))
    }
    guard reader.atEnd else { throw Corrupt(description: "exposure archive: bytes after the last assessment") }
    return result
  }

  /// The entries of an archive written by ``encode(_:)`` (the bytes in an array).
  public static func decode(_ bytes: [UInt8]) throws(Corrupt) -> [Entry] {
    try bytes.withUnsafeBytes { buffer in Result { () throws(Corrupt) in try decode(buffer) } }.get()
  }
}

/// What a law's verdict and a § 19.6 criterion both carry after their verdict, in this order.
private struct Reasoning {
  var detail: String
  var missingFacts: [String]
  var sources: [Source]
  var evidence: SourceKind?
  var derived: [String]

  init(_ detail: String, _ missingFacts: [String], _ sources: [Source], _ evidence: SourceKind?, _ derived: [String]) {
    (self.detail, self.missingFacts, self.sources, self.evidence, self.derived) = (detail, missingFacts, sources, evidence, derived)
  }
}

// MARK: - Writing

extension ExposureArchive {
  struct Writer {
    private var strings: [String] = []
    private var stringIndex: [String: Int] = [:]
    private var sources: [Source] = []
    private var sourceIndex: [Source: Int] = [:]
    private var body: [UInt8] = []

    /// The tables, then the body written so far.
    func archive() -> [UInt8] {
      var out: [UInt8] = []
      Self.unsigned(version, to: &out)
      Self.unsigned(strings.count, to: &out)
      for string in strings {
        Self.unsigned(string.utf8.count, to: &out)
        out += string.utf8
      }
      Self.unsigned(sources.count, to: &out)
      for source in sources {
        Self.unsigned(stringIndex[source.id]!, to: &out)
        Self.unsigned(stringIndex[source.url]!, to: &out)
        Self.unsigned(source.title.map { stringIndex[$0]! + 1 } ?? 0, to: &out)
        Self.unsigned(source.asOf.year, to: &out)
        Self.unsigned(source.asOf.month, to: &out)
        Self.unsigned(source.asOf.day, to: &out)
        Self.unsigned(stringIndex[source.kind.rawValue]!, to: &out)
      }
      return out + body
    }

    static func unsigned(_ value: Int, to out: inout [UInt8]) {
      var value = UInt64(value)
      while value >= 0x80 {
        out.append(UInt8(truncatingIfNeeded: value) | 0x80)
        value >>= 7
      }
      out.append(UInt8(value))
    }

    mutating func count(_ value: Int) { Self.unsigned(value, to: &body) }
    mutating func bool(_ value: Bool) { body.append(value ? 1 : 0) }

    @discardableResult
    private mutating func intern(_ string: String) -> Int {
      if let index = stringIndex[string] { return index }
      stringIndex[string] = strings.count
      strings.append(string)
      return strings.count - 1
    }

    mutating func string(_ value: String) { count(intern(value)) }
    /// 0 for none, else the index + 1.
    mutating func string(_ value: String?) { count(value.map { intern($0) + 1 } ?? 0) }
    mutating func strings(_ values: [String]) {
      count(values.count)
      for value in values { string(value) }
    }
    mutating func raw(_ value: some RawRepresentable<String>) { string(value.rawValue) }
    mutating func raw(_ value: (some RawRepresentable<String>)?) { string(value?.rawValue) }

    mutating func sources(_ values: [Source]) {
      count(values.count)
      for source in values {
        if let index = sourceIndex[source] {
          count(index)
          continue
        }
        intern(source.id)
        intern(source.url)
        if let title = source.title { intern(title) }
        intern(source.kind.rawValue)
        sourceIndex[source] = sources.count
        count(sources.count)
        sources.append(source)
      }
    }

    mutating func offering(_ value: OfferingExposure) {
      string(value.offeringID)
      string(value.offeringName)
      string(value.providerID)
      count(value.laws.count)
      for law in value.laws { self.law(law) }
      raw(value.seat.outsideEU)
      raw(value.seat.outsideEEA)
      string(value.seat.detail)
      strings(value.seat.missingFacts)
      sources(value.seat.sources)
      eligibility(value.secNumCloud196)
      transparency(value.transparency)
      count(value.conflicts.count)
      for conflict in value.conflicts {
        string(conflict.subject)
        string(conflict.fact)
        sources(conflict.factSources)
        string(conflict.attestation)
        sources(conflict.attestationSources)
        string(conflict.decision)
      }
    }

    private mutating func law(_ value: LawExposure) {
      string(value.lawID)
      string(value.lawName)
      string(value.citation)
      raw(value.verdict)
      raw(value.rule)
      bool(value.path != nil)
      if let path = value.path {
        string(path.law)
        count(path.steps.count)
        for step in path.steps {
          string(step.entityID)
          string(step.label)
          string(step.country)
        }
      }
      reasoning(Reasoning(value.detail, value.missingFacts, value.sources, value.evidence, value.derived))
    }

    private mutating func eligibility(_ value: SecNumCloudEligibility) {
      raw(value.verdict)
      raw(value.structureVerdict)
      string(value.note)
      count(value.criteria.count)
      for criterion in value.criteria {
        string(criterion.id)
        string(criterion.requirement)
        raw(criterion.verdict)
        reasoning(Reasoning(criterion.detail, criterion.missingFacts, criterion.sources, criterion.evidence, criterion.derived))
      }
    }

    private mutating func reasoning(_ value: Reasoning) {
      string(value.detail)
      strings(value.missingFacts)
      sources(value.sources)
      raw(value.evidence)
      strings(value.derived)
    }

    private mutating func transparency(_ value: TransparencySummary) {
      bool(value.published)
      raw(value.eeaOnlyStorage)
      raw(value.nonEEAAccess)
      bool(value.accessCountries.isKnown)
      if let countries = value.accessCountries.value { strings(countries) }
      raw(value.thirdCountryLawRisk)
      bool(value.transferMappingURL.isKnown)
      if let url = value.transferMappingURL.value { string(url) }
      strings(value.regionsOutsideEEA)
      strings(value.remarks)
      sources(value.sources)
    }
  }
}

// MARK: - Reading

extension ExposureArchive {
  /// Reads the layout ``Writer`` writes; every read is bounds-checked, so corrupt bytes give
  /// ``Corrupt``, never a crash.
  struct Reader {
    private let base: UnsafeRawPointer
    private let end: Int
    private var position = 0
    private var strings: [String] = []
    private var sources: [Source] = []

    init(_ bytes: UnsafeRawBufferPointer) throws(Corrupt) {
      guard let base = bytes.baseAddress, !bytes.isEmpty else { throw Corrupt(description: "exposure archive: empty") }
      self.base = base
      end = bytes.count
      guard try unsigned() == UInt64(version) else { throw Corrupt(description: "exposure archive of another version") }
      let stringCount = try count()
      strings.reserveCapacity(stringCount)
      for _ in 0..<stringCount {
        let length = try count()
        strings.append(String(decoding: UnsafeRawBufferPointer(start: base + position, count: length), as: UTF8.self))
        position += length
      }
      let sourceCount = try count()
      sources.reserveCapacity(sourceCount)
      for _ in 0..<sourceCount {
        let id = try string(), url = try string(), title = try optionalString()
        sources.append(Source(id: id, url: url, title: title, asOf: try day(), kind: try raw(SourceKind.self)))
      }
    }

    var atEnd: Bool { position == end }

    private mutating func unsigned() throws(Corrupt) -> UInt64 {
      var result: UInt64 = 0
      var shift: UInt64 = 0
      while true {
        guard position < end else { throw Corrupt(description: "exposure archive: cut short") }
        let byte = base.load(fromByteOffset: position, as: UInt8.self)
        position += 1
        guard shift < 64 else { throw Corrupt(description: "exposure archive: integer too long") }
        result |= UInt64(byte & 0x7F) << shift
        if byte < 0x80 { return result }
        shift += 7
      }
    }

    /// A length or a count of things that each take at least one byte: never more than the
    /// bytes left.
    mutating func count() throws(Corrupt) -> Int {
      let value = try unsigned()
      guard value <= UInt64(end - position) else { throw Corrupt(description: "exposure archive: count past the end") }
      return Int(value)
    }

    /// An index in a table or a number (checked by the caller).
    private mutating func number() throws(Corrupt) -> Int {
      let value = try unsigned()
      guard value <= UInt64(Int32.max) else { throw Corrupt(description: "exposure archive: number out of range") }
      return Int(value)
    }

    mutating func day() throws(Corrupt) -> CalendarDate {
      let (year, month, day) = (try number(), try number(), try number())
      guard let date = CalendarDate(year: year, month: month, day: day) else {
        throw Corrupt(description: "exposure archive: no such day \(year)-\(month)-\(day)")
      }
      return date
    }

    mutating func bool() throws(Corrupt) -> Bool {
      switch try number() {
      case 0: return false
      case 1: return true
      default: throw Corrupt(description: "exposure archive: expected a boolean at byte \(position - 1)")
      }
    }

    private mutating func string() throws(Corrupt) -> String {
      let index = try number()
      guard index < strings.count else { throw Corrupt(description: "exposure archive: no string \(index)") }
      return strings[index]
    }

    private mutating func optionalString() throws(Corrupt) -> String? {
      let index = try number()
      guard index > 0 else { return nil }
      guard index <= strings.count else { throw Corrupt(description: "exposure archive: no string \(index - 1)") }
      return strings[index - 1]
    }

    private mutating func stringList() throws(Corrupt) -> [String] {
      let length = try count()
      var result: [String] = []
      result.reserveCapacity(length)
      for _ in 0..<length { result.append(try string()) }
      return result
    }

    private mutating func raw<Value: RawRepresentable<String>>(_ type: Value.Type) throws(Corrupt) -> Value {
      let text = try string()
      guard let value = Value(rawValue: text) else { throw Corrupt(description: "exposure archive: `\(text)` is not a \(Value.self)") }
      return value
    }

    private mutating func optionalRaw<Value: RawRepresentable<String>>(_ type: Value.Type) throws(Corrupt) -> Value? {
      guard let text = try optionalString() else { return nil }
      guard let value = Value(rawValue: text) else { throw Corrupt(description: "exposure archive: `\(text)` is not a \(Value.self)") }
      return value
    }

    private mutating func sourceList() throws(Corrupt) -> [Source] {
      let length = try count()
      var result: [Source] = []
      result.reserveCapacity(length)
      for _ in 0..<length {
        let index = try number()
        guard index < sources.count else { throw Corrupt(description: "exposure archive: no source \(index)") }
        result.append(sources[index])
      }
      return result
    }

    mutating func offering() throws(Corrupt) -> OfferingExposure {
      let id = try string(), name = try string(), provider = try string()
      let lawCount = try count()
      var laws: [LawExposure] = []
      laws.reserveCapacity(lawCount)
      for _ in 0..<lawCount { laws.append(try law()) }
      let seat = SeatFact(
        outsideEU: try raw(TriState.self), outsideEEA: try raw(TriState.self), detail: try string(), missingFacts: try stringList(),
        sources: try sourceList())
      var result = OfferingExposure(
        offeringID: id, offeringName: name, providerID: provider, laws: laws, seat: seat, secNumCloud196: try eligibility(),
        transparency: try transparency(), ownership: [])
      let conflictCount = try count()
      for _ in 0..<conflictCount {
        result.conflicts.append(
          AttestationConflict(
            subject: try string(), fact: try string(), factSources: try sourceList(), attestation: try string(),
            attestationSources: try sourceList(), decision: try string()))
      }
      return result
    }

    private mutating func law() throws(Corrupt) -> LawExposure {
      let id = try string(), name = try string(), citation = try string()
      let verdict = try raw(ExposureVerdict.self), rule = try optionalRaw(Law.ReachRule.self)
      var path: DecisivePath?
      if try bool() {
        let law = try string()
        let stepCount = try count()
        var steps: [PathStep] = []
        steps.reserveCapacity(stepCount)
        for _ in 0..<stepCount {
          steps.append(PathStep(entityID: try optionalString(), label: try string(), country: try optionalString()))
        }
        path = DecisivePath(steps: steps, law: law)
      }
      let why = try reasoning()
      return LawExposure(
        lawID: id, lawName: name, citation: citation, verdict: verdict, rule: rule, path: path, detail: why.detail,
        missingFacts: why.missingFacts, sources: why.sources, evidence: why.evidence, derived: why.derived)
    }

    private mutating func reasoning() throws(Corrupt) -> Reasoning {
      Reasoning(try string(), try stringList(), try sourceList(), try optionalRaw(SourceKind.self), try stringList())
    }

    private mutating func eligibility() throws(Corrupt) -> SecNumCloudEligibility {
      let verdict = try raw(CheckVerdict.self), structure = try raw(CheckVerdict.self), note = try string()
      let criterionCount = try count()
      var criteria: [SecNumCloudEligibility.Criterion] = []
      criteria.reserveCapacity(criterionCount)
      for _ in 0..<criterionCount {
        let (id, requirement, verdict) = (try string(), try string(), try raw(CheckVerdict.self))
        let why = try reasoning()
        criteria.append(
          SecNumCloudEligibility.Criterion(
            id: id, requirement: requirement, verdict: verdict, detail: why.detail, missingFacts: why.missingFacts,
            sources: why.sources, evidence: why.evidence, derived: why.derived))
      }
      var result = SecNumCloudEligibility(criteria: criteria, note: note)
      // As written, not recomputed: the archive gives back the value encoded.
      result.verdict = verdict
      result.structureVerdict = structure
      return result
    }

    private mutating func transparency() throws(Corrupt) -> TransparencySummary {
      let published = try bool(), storage = try raw(TriState.self), access = try raw(TriState.self)
      let countries: Known<[String]> = try bool() ? .known(try stringList()) : .unknown
      let risk = try raw(TriState.self)
      let url: Known<String> = try bool() ? .known(try string()) : .unknown
      return TransparencySummary(
        published: published, eeaOnlyStorage: storage, nonEEAAccess: access, accessCountries: countries, thirdCountryLawRisk: risk,
        transferMappingURL: url, regionsOutsideEEA: try stringList(), remarks: try stringList(), sources: try sourceList())
    }
  }
}
