import ArgumentParser
import Sovereign

/// Shell completion of catalog ids (bash, zsh, fish; see `--generate-completion-script`): the ids
/// of the bundled catalog that start with the word being typed.
enum IDCompletion {
  /// Provider ids.
  static let providers = CompletionKind.custom { _, _, prefix in
    ids(prefix) { catalog in catalog.providers.map(\.id) }
  }

  /// Provider and offering ids.
  static let providersAndOfferings = CompletionKind.custom { _, _, prefix in
    ids(prefix) { catalog in catalog.providers.map(\.id) + catalog.providers.flatMap(\.offerings).map(\.id) }
  }

  /// Offering ids.
  static let offerings = CompletionKind.custom { _, _, prefix in
    ids(prefix) { catalog in catalog.providers.flatMap(\.offerings).map(\.id) }
  }

  static func ids(_ prefix: String, _ list: (Catalog) -> [String]) -> [String] {
    guard let catalog = try? Catalog.bundled() else { return [] }
    return list(catalog).filter { $0.hasPrefix(prefix) }.sorted()
  }
}
