import SovereignCatalog

/// Fuzzes the strict YAML reader: any bytes must give a tree or at least one diagnostic, never
/// a crash, and walking the tree with the typed accessors must not crash either.
enum YAMLFuzz {
  static func run(_ bytes: [UInt8]) {
    let document = YAMLDocument(data: bytes, file: "fuzz.yaml")
    if let root = document.root {
      walk(root, depth: 0)
    } else {
      fuzzCheck(!document.diagnostics.isEmpty, "no tree and no diagnostic")
    }
    for diagnostic in document.diagnostics {
      fuzzCheck(!diagnostic.message.isEmpty, "empty diagnostic message")
      fuzzCheck(diagnostic.location.line >= 0 && diagnostic.location.column >= 0, "negative position")
      _ = diagnostic.description
    }
  }

  static func walk(_ value: YAMLValue, depth: Int) {
    fuzzCheck(depth <= YAMLDocument.maximumDepth + 1, "tree deeper than the documented limit")
    _ = value.location
    if value.scalarText != nil {
      _ = value.isNull
      _ = value.isUnknown
      _ = value.number("a number", in: -1e9...1e9)
      _ = value.integer("an integer", in: -1_000_000...1_000_000)
      _ = value.bool("a flag")
      _ = value.date("a date")
      _ = value.url("a URL")
      _ = value.identifier("an id")
      _ = value.triState("a fact")
      _ = value.word("a word", allowed: ["a", "b"])
      _ = value.string("a text")
    } else if let entries = value.freeMapping("a mapping") {
      _ = value.mapping("a mapping", keys: entries.prefix(2).map(\.key))
      for entry in entries { walk(entry.value, depth: depth + 1) }
    } else if let items = value.list("a list") {
      for item in items { walk(item, depth: depth + 1) }
    }
  }
}
