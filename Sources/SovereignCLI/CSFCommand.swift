import ArgumentParser
import Foundation
import Sovereign

/// `sovereign csf`: the EU Cloud Sovereignty Framework calculator, on an answers file or on the
/// answers the catalog's facts decide for an offering.
struct CSFCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "csf",
    abstract: "Score an offering or an answers file with the EU Cloud Sovereignty Framework (SEAL per objective, Sovereignty Score).",
    discussion: """
      With an offering id, the answers are derived from catalog facts by the rules of docs/csf.md (exposure \
      verdicts, seat, regions, HDS requirements 28-29, open source), each with the facts and sources used; \
      the rest are unknown, and unknown answers give intervals: the score's lowest and highest possible \
      values and the SEAL range. With --answers FILE, a YAML mapping from criterion ids (SOV-1.1 … SOV-8.4) \
      to the index of the chosen answer (worst = 0). A provider's published self-assessment, when the \
      catalog has one, is shown beside the result with the SEAL/4 proxy. Exit codes: 0; 64 usage error \
      (unknown offering or profile); 65 invalid answers or profile file; 66 file not found.
      """
  )

  /// Output formats of `csf`.
  enum Format: String, ExpressibleByArgument, CaseIterable {
    case table, json, markdown
  }

  @Argument(help: "An offering id whose answers are derived from the catalog, e.g. clever-cloud-paas-hds.")
  var offering: String?

  @Option(help: ArgumentHelp("A YAML answers file: criterion id -> answer index (worst = 0).", valueName: "FILE"))
  var answers: String?

  @Option(help: ArgumentHelp("Weight profile: 2026 (calculator, default), v1.2.1 (framework text), or a profile file.", valueName: "2026|v1.2.1|PATH"))
  var profile: String = CSFData.defaultProfileID

  @Option(help: "Score divisor: nominal (the calculator's 1000 points per objective) or actual (each objective's real maximum).")
  var divisor: CSFDivisor = .nominal

  @Option(name: .customLong("as-of"), help: ArgumentHelp("Evaluation date (YYYY-MM-DD): qualifications past their end date count as not held.", valueName: "DATE"))
  var asOf: String?

  @Option(help: "Output format: table, json or markdown.")
  var format: Format = .table

  @OptionGroup var catalogOptions: CatalogOptions
  @OptionGroup var snapshotOptions: SnapshotOptions

  func validate() throws {
    if offering == nil && answers == nil {
      throw ValidationError("give an offering id or --answers FILE")
    }
    if offering != nil && answers != nil {
      throw ValidationError("give either an offering id or --answers FILE, not both")
    }
    if let asOf, CalendarDate(iso: asOf) == nil {
      throw ValidationError("--as-of must be a date written YYYY-MM-DD, found `\(asOf)`")
    }
  }

  func run() throws {
    let data = try catalogOptions.loadCSF()
    let chosenProfile = try resolveProfile(data)
    let date = asOf.flatMap(CalendarDate.init(iso:)) ?? CalendarDate.today()
    let report: CSFReport
    if let answers {
      let bytes = try readFile(answers)
      let parsed: CSFAnswers
      do {
        parsed = try CSFAnswersReader.read(data: bytes, file: answers, framework: data.framework)
      } catch {
        Terminal.error(error.description)
        throw ExitCode(ExitStatus.invalidData)
      }
      report = CSFReport(
        subject: .init(answersFile: answers), asOf: date,
        result: CSFCalculator.evaluate(parsed, framework: data.framework, profile: chosenProfile, divisor: divisor),
        selfAssessment: nil, framework: data.framework)
    } else {
      let (catalog, _) = snapshotOptions.overlay(try catalogOptions.load())
      guard let id = offering, let found = catalog.offering(id: id) else {
        let id = offering ?? ""
        if let provider = catalog.provider(id: id) {
          Terminal.error(
            "`\(id)` is a provider; give one of its offerings: " + provider.offerings.map(\.id).joined(separator: ", "))
        } else {
          let hint = Suggestions.hint(for: id, in: catalog.offerings.map(\.id)) ?? "run `sovereign providers` and `sovereign show <provider>` to list offering ids"
          Terminal.error("no offering has the id `\(id)`: \(hint)")
        }
        throw ExitCode(ExitStatus.usage)
      }
      let exposure = ExposureEngine(catalog: catalog, asOf: date).assess(offering: found)
      let derived = CSFDerivation(catalog: catalog, framework: data.framework, asOf: date).answers(for: found, exposure: exposure)
      report = CSFReport(
        subject: .init(offering: found.id, offeringName: found.name, provider: found.providerID), asOf: date,
        result: CSFCalculator.evaluate(CSFAnswers(derived), framework: data.framework, profile: chosenProfile, divisor: divisor),
        selfAssessment: data.assessments.first { $0.providerID == found.providerID }, framework: data.framework)
    }
    switch format {
    case .json: Terminal.write(try JSONOutput.encode(report))
    case .table: Terminal.write(CSFReportText.table(report))
    case .markdown: Terminal.write(CSFReportText.markdown(report))
    }
  }

  func resolveProfile(_ data: CSFData) throws -> CSFProfile {
    if let shipped = data.profile(id: profile) { return shipped }
    guard profile.contains("/") || profile.hasSuffix(".yaml") || profile.hasSuffix(".yml") else {
      let ids = data.profiles.map(\.id)
      Terminal.error(
        "unknown profile `\(profile)`: " + (Suggestions.hint(for: profile, in: ids) ?? "use one of \(ids.joined(separator: ", ")) or a profile file"))
      throw ExitCode(ExitStatus.usage)
    }
    let bytes = try readFile(profile)
    do {
      return try CSFDataReader.readProfile(data: bytes, file: profile, framework: data.framework)
    } catch {
      Terminal.error(error.description)
      throw ExitCode(ExitStatus.invalidData)
    }
  }

  func readFile(_ path: String) throws -> [UInt8] {
    guard let data = FileManager.default.contents(atPath: path) else {
      Terminal.error("cannot read `\(path)`: no such file")
      throw ExitCode(ExitStatus.inputNotFound)
    }
    return Array(data)
  }
}

extension CSFDivisor: ExpressibleByArgument {}
