import ArgumentParser
import Foundation
import Sovereign

/// `--catalog DIR`: shared by every command that reads the catalog.
struct CatalogOptions: ParsableArguments {
  @Option(name: .long, help: ArgumentHelp("Read the catalog from this directory instead of the bundled one.", valueName: "DIR"))
  var catalog: String?

  /// Loads the chosen catalog, or prints every problem and exits 65 (invalid) / 66 (not found).
  func load() throws -> Catalog {
    do {
      if let catalog {
        return try CatalogLoader.load(directory: URL(fileURLWithPath: catalog))
      }
      return try Catalog.bundled()
    } catch let error as CatalogLoadError {
      switch error {
      case .notFound, .notADirectory:
        Terminal.error(error.description)
        throw ExitCode(ExitStatus.inputNotFound)
      case .unreadable:
        Terminal.error(error.description)
        throw ExitCode(ExitStatus.inputNotFound)
      case .invalid:
        Terminal.error(error.description)
        throw ExitCode(ExitStatus.invalidData)
      }
    } catch let error as DiagnosticList {
      Terminal.error(error.description)
      throw ExitCode(ExitStatus.invalidData)
    }
  }

  /// The EU Cloud Sovereignty Framework data (`csf/`) of the chosen catalog.
  func loadCSF() throws -> CSFData {
    do {
      let files = try catalog.map { try CatalogLoader.files(in: URL(fileURLWithPath: $0)) } ?? Catalog.bundledFiles
      return try CSFDataReader.read(files: files)
    } catch let error as CatalogLoadError {
      Terminal.error(error.description)
      throw ExitCode(ExitStatus.inputNotFound)
    } catch let error as DiagnosticList {
      Terminal.error(error.description)
      throw ExitCode(ExitStatus.invalidData)
    }
  }
}
