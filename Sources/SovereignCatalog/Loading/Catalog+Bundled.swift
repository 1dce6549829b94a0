extension Catalog {
  /// The catalog shipped with this version of `sovereign` (compiled into the library from
  /// `data/` at build time, so it needs no file beside the binary).
  ///
  /// - Throws: ``DiagnosticList`` only if the shipped data is invalid, which the test suite prevents.
  public static func bundled() throws(DiagnosticList) -> Catalog {
    try CatalogLoader.load(files: bundledFiles)
  }

  /// The raw files of the bundled catalog, paths relative to `data/`.
  public static var bundledFiles: [CatalogFile] {
    EmbeddedCatalogFiles.files.map {
      CatalogFile(relativePath: $0.path, displayPath: "data/" + $0.path, contents: Array($0.contents.utf8))
    }
  }
}
