import Foundation

/// Prints an HTML page to PDF with headless Chromium (`chromium --headless --print-to-pdf`), the
/// only way `rank --format pdf` makes a PDF. The browser is looked up as `$SOVEREIGN_CHROMIUM`,
/// then `chromium`, `chromium-browser`, `google-chrome` on the PATH. Used by the CLI
/// (`rank --format pdf`) and the server (`/report?...&format=pdf`), both edges that may run a
/// process; the renderers themselves stay pure.
public enum ChromiumPDF {
  public enum Failure: Error, CustomStringConvertible {
    case notInstalled
    case failed(String)

    public var description: String {
      switch self {
      case .notInstalled:
        return "--format pdf needs headless Chromium, which is not installed (Debian: apt-get install chromium, "
          + "or set SOVEREIGN_CHROMIUM to its path); --format html writes the same report for a browser to print"
      case .failed(let reason): return "Chromium could not print the report: \(reason)"
      }
    }
  }

  /// The path of a Chromium executable, if one is installed.
  public static func executable(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
    if let path = environment["SOVEREIGN_CHROMIUM"], !path.isEmpty {
      return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }
    let directories = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
    for name in ["chromium", "chromium-browser", "google-chrome"] {
      for directory in directories where FileManager.default.isExecutableFile(atPath: directory + "/" + name) {
        return directory + "/" + name
      }
    }
    return nil
  }

  /// The PDF bytes of `html`, printed in a private temporary directory that is removed afterwards.
  public static func render(html: String) throws(Failure) -> Data {
    guard let chromium = executable() else { throw .notInstalled }
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sovereign-pdf-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    do {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      let page = directory.appendingPathComponent("report.html")
      let pdf = directory.appendingPathComponent("report.pdf")
      try Data(html.utf8).write(to: page)
      let process = Process()
      process.executableURL = URL(fileURLWithPath: chromium)
      process.arguments = [
        "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
        "--user-data-dir=" + directory.appendingPathComponent("profile").path,
        "--print-to-pdf=" + pdf.path, page.absoluteString,
      ]
      process.standardOutput = FileHandle.nullDevice
      let errors = Pipe()
      process.standardError = errors
      try process.run()
      let message = errors.fileHandleForReading.readDataToEndOfFile()
      process.waitUntilExit()
      guard let data = FileManager.default.contents(atPath: pdf.path), data.starts(with: Array("%PDF".utf8)) else {
        let text = String(decoding: message, as: UTF8.self).split(separator: "\n").suffix(3).joined(separator: " ")
        throw Failure.failed("exit status \(process.terminationStatus)" + (text.isEmpty ? "" : ": " + text))
      }
      return data
    } catch let failure as Failure {
      throw failure
    } catch {
      throw .failed(error.localizedDescription)
    }
  }
}
