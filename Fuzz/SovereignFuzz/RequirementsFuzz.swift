import SovereignCatalog
import SovereignScoring

/// Fuzzes the requirements parser against the bundled catalog's vocabulary: any bytes give
/// requirements or at least one diagnostic, never a crash.
enum RequirementsFuzz {
  static let vocabulary: RequirementsVocabulary = {
    guard let catalog = try? Catalog.bundled() else { fatalError("the bundled catalog does not load") }
    return RequirementsVocabulary(catalog: catalog)
  }()

  static func run(_ bytes: [UInt8]) {
    do {
      let requirements = try RequirementsReader.read(data: bytes, file: "fuzz.yaml", vocabulary: vocabulary)
      for weight in requirements.criteria.map(\.weight) {
        fuzzCheck(weight.isFinite && weight >= 0, "accepted weight \(weight)")
      }
    } catch {
      fuzzCheck(!error.diagnostics.isEmpty, "the reader threw no diagnostic")
      _ = error.description
    }
  }
}
