import SovereignCatalog

extension Ranking {
  /// Flags every offering whose facts come from lists fetched by `sovereign refresh`: `notes`
  /// maps an offering id to what was taken from which list (shown in JSON, Markdown, --explain).
  public mutating func flagFetchedFacts(_ notes: [String: [String]]) {
    guard !notes.isEmpty else { return }
    for index in offerings.indices {
      for note in notes[offerings[index].offeringID] ?? [] {
        offerings[index].flags.append("from a fetched list: " + note)
      }
    }
  }
}
