import Foundation
import PackagePlugin

/// Embeds every catalog file under the package's top-level `data/` directory into the target as
/// generated Swift source, so that a `sovereign` binary copied alone anywhere still carries its
/// bundled catalog (a SwiftPM resource bundle must sit beside the binary, and `Bundle.module`
/// traps when it does not).
@main
struct EmbedCatalogPlugin: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
    let dataDirectory = context.package.directoryURL.appending(path: "data")
    let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedCatalogFiles.swift")
    let inputs = Self.catalogFiles(under: dataDirectory)
    return [
      .buildCommand(
        displayName: "Embedding catalog data (\(inputs.count) files)",
        executable: try context.tool(named: "EmbedCatalogTool").url,
        arguments: [dataDirectory.path, output.path],
        inputFiles: inputs,
        outputFiles: [output]
      )
    ]
  }

  static func catalogFiles(under directory: URL) -> [URL] {
    guard let enumerator = FileManager.default.enumerator(
      at: directory, includingPropertiesForKeys: [.isRegularFileKey])
    else { return [] }
    var files: [URL] = []
    for case let url as URL in enumerator where ["yaml", "yml"].contains(url.pathExtension) {
      files.append(url)
    }
    return files.sorted { $0.path < $1.path }
  }
}
