import Foundation

/// Extracts the text of a PDF with `pdftotext -layout` (Debian package `poppler-utils`).
public enum PDFText {
  /// Runs `pdftotext -layout -enc UTF-8` on the bytes; killed after `timeout` seconds.
  /// - Throws: ``ParseError/pdfExtraction(_:)`` when the tool is missing, fails, or times out.
  public static func extract(_ pdf: [UInt8], timeout: Double = 60, executable: String? = nil) throws(ParseError) -> String {
    guard pdf.starts(with: Array("%PDF-".utf8)) else { throw .pdfExtraction("the document does not start with %PDF-, so it is not a PDF") }
    guard let tool = executable ?? findExecutable("pdftotext") else {
      throw .pdfExtraction("`pdftotext` was not found; install poppler-utils (apt-get install poppler-utils)")
    }
    let directory = FileManager.default.temporaryDirectory.appending(path: "sovereign-pdf-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    let input = directory.appending(path: "in.pdf")
    let output = directory.appending(path: "out.txt")
    do {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      try Data(pdf).write(to: input)
    } catch { throw .pdfExtraction("cannot write a temporary file: \(error.localizedDescription)") }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: tool)
    process.arguments = ["-layout", "-enc", "UTF-8", input.path, output.path]
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    let errors = Pipe()
    process.standardError = errors
    do { try process.run() } catch { throw .pdfExtraction("cannot run \(tool): \(error.localizedDescription)") }
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning && Date() < deadline { usleep(10_000) }
    if process.isRunning {
      kill(process.processIdentifier, SIGKILL)  // SIGTERM may be blocked in children (Foundation on Linux)
      process.waitUntilExit()
      throw .pdfExtraction("pdftotext took more than \(Int(timeout)) s")
    }
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      let message = String(decoding: errors.fileHandleForReading.availableData.prefix(500), as: UTF8.self)
      throw .pdfExtraction("pdftotext failed (exit \(process.terminationStatus)): \(message.trimmingCharacters(in: .whitespacesAndNewlines))")
    }
    do { return String(decoding: try Data(contentsOf: output), as: UTF8.self) } catch {
      throw .pdfExtraction("cannot read pdftotext's output: \(error.localizedDescription)")
    }
  }

  static func findExecutable(_ name: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for directory in path.split(separator: ":") + ["/usr/bin", "/usr/local/bin"] {
      let candidate = "\(directory)/\(name)"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }
}
