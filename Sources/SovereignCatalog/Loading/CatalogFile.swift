/// One file of a catalog: its path relative to the catalog directory, and its bytes.
public struct CatalogFile: Sendable {
  /// E.g. `providers/ovhcloud.yaml`.
  public var relativePath: String
  /// The name used in messages (the path as the user would find it).
  public var displayPath: String
  public var contents: [UInt8]

  public init(relativePath: String, displayPath: String? = nil, contents: [UInt8]) {
    self.relativePath = relativePath
    self.displayPath = displayPath ?? relativePath
    self.contents = contents
  }
}
