import Foundation

/// The parsers under fuzzing; one binary holds them all, the target is chosen by name.
enum FuzzTarget: String, CaseIterable {
  /// The strict YAML reader (`YAMLDocument`) and a walk of the tree it builds.
  case yaml
  /// `CatalogLoader.load(files:)` on one fuzzed provider file beside the bundled vocabularies and laws.
  case catalog
  /// `CSVWriter` round trip: records made from the input are written, read back, and compared.
  case csv
  /// `RequirementsReader` against the bundled catalog's vocabulary.
  case requirements
  /// `HDSListParser` on HTML bytes.
  case hds
  /// `SecNumCloudCatalogueParser` on catalogue text bytes.
  case secnumcloud
  /// `TransferMappingParser` on HDS requirement-31 pages (HTML bytes).
  case transferMapping = "transfer-mapping"
  /// `HDSListDocument` on CSV / JSON exports of the ANS list (first byte: the file-name hint).
  case hdsExport = "hds-export"

  /// The target named by the `SOVEREIGN_FUZZ_TARGET` environment variable (fuzzing mode).
  static let selected: FuzzTarget = {
    let name = ProcessInfo.processInfo.environment["SOVEREIGN_FUZZ_TARGET"] ?? ""
    guard let target = FuzzTarget(rawValue: name) else {
      FileHandle.standardError.write(Data(("SOVEREIGN_FUZZ_TARGET=\(name): " + usage).utf8))
      exit(64)
    }
    return target
  }()

  static var usage: String {
    "choose a target: " + allCases.map(\.rawValue).joined(separator: ", ")
      + "\nusage: sovereign-fuzz TARGET FILE|DIR... (replay), or scripts/fuzz TARGET RUNS (fuzz)\n"
  }

  /// Runs the target on one input; traps if a property the target checks does not hold.
  func run(_ bytes: [UInt8]) {
    switch self {
    case .yaml: YAMLFuzz.run(bytes)
    case .catalog: CatalogFuzz.run(bytes)
    case .csv: CSVRoundTripFuzz.run(bytes)
    case .requirements: RequirementsFuzz.run(bytes)
    case .hds: CertificationListFuzz.hds(bytes)
    case .secnumcloud: CertificationListFuzz.secNumCloud(bytes)
    case .transferMapping: TransferMappingFuzz.run(bytes)
    case .hdsExport: TransferMappingFuzz.export(bytes)
    }
  }
}
