/// The language of a report's fixed text (headings, verdict words, the headline). Catalog facts
/// stay as sourced, whatever the language.
public enum ReportLanguage: String, Sendable, Hashable, CaseIterable {
  case en, fr

  /// The table of fixed strings for this language.
  public var strings: ReportStrings { self == .fr ? .french : .english }
}
