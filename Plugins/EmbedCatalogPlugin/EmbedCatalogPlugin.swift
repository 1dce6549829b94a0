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
    let files = Self.catalogFiles(under: dataDirectory)
    // SwiftPM re-evaluates a build-tool plugin only when the package graph changes, so the file
    // list above can be stale. The directories are inputs too: adding or removing a file changes
    // their modification time, so the tool (which lists data/ itself) runs again.
    // The tool itself too: it also embeds the exposure engine's assessments of the catalog, so
    // a change to the engine (which relinks the tool) must run it again, data unchanged.
    let tool = try context.tool(named: "EmbedCatalogTool").url
    let inputs = files + Self.directories(under: dataDirectory) + [tool]
    return [
      .buildCommand(
        displayName: "Embedding catalog data (\(files.count) files)",
        executable: tool,
        arguments: [dataDirectory.path, output.path],
        inputFiles: inputs,
        outputFiles: [output]
      )
    ]
  }

  static func directories(under directory: URL) -> [URL] {
    var result = [directory]
    if let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: [.isDirectoryKey]) {
      for case let url as URL in enumerator where (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true {
        result.append(url)
      }
    }
    return result.sorted { $0.path < $1.path }
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
